from __future__ import annotations

import pytest

from index.sentences import split_sentences
from qa.dates import find_dates, remove_dates, sentence_dates


@pytest.mark.parametrize(
    "text", ["November 23", "Nov. 23", "nov 23", "23 November", "November 23rd", "23rd of November"]
)
def test_written_forms_of_one_date_agree(text: str) -> None:
    assert find_dates(f"What happened on {text}?") == {(11, 23)}


def test_words_that_look_like_months_are_not_dates() -> None:
    assert find_dates("May I ask what happened in march of progress?") == set()


def test_remove_dates_blanks_only_the_date() -> None:
    assert remove_dates("What was targeted on Nov. 23?").split() == [
        "What",
        "was",
        "targeted",
        "on",
        "?",
    ]


def test_a_date_carries_to_following_sentences_and_fades() -> None:
    text = (
        "On November 19 a strike hit. It was large. "
        "On November 23 another came. Target: a building."
    )
    dated = sentence_dates(split_sentences(text))
    assert dated[0] == {(11, 19): 1.0}
    assert 0 < dated[1][(11, 19)] < 1
    assert dated[2] == {(11, 23): 1.0}
    assert (11, 19) not in dated[3] and dated[3][(11, 23)] < 1
