"""A dated question read without its date beside a passage in the date's scope that does
not state it (qa.dates.unstated)."""

from __future__ import annotations

import pytest

from index.sentences import split_sentences
from qa.dates import passage_question, sentence_dates, without_dates

TEXT = (
    "On November 23 an air strike hit Beirut. "
    "The strike was condemned by the ministry. "
    "On November 19 a camp was hit. "
    "Residents reported damage."
)


@pytest.mark.parametrize(
    ("question", "undated"),
    [
        ("Who condemned the November 23 strike?", "Who condemned the strike?"),
        ("What was targeted on November 23?", "What was targeted?"),
        (
            "What did residents report after the 19 November strike?",
            "What did residents report after the strike?",
        ),
        ("Were there casualties on Nov. 23?", "Were there casualties?"),
        ("Which camp was hit on November 19 in Lebanon?", "Which camp was hit in Lebanon?"),
        # The date is the whole question: nothing left to read.
        ("What happened on November 23?", None),
        ("When was November 23?", None),
    ],
)
def test_a_questions_dates_are_left_out_with_their_prepositions(
    question: str, undated: str | None
) -> None:
    assert without_dates(question) == undated


def test_only_passages_inheriting_the_date_and_stating_none_read_the_question_without_it() -> None:
    sentences = split_sentences(TEXT)
    dates = sentence_dates(sentences)
    asked = "Who condemned the November 23 strike?"
    read_as = passage_question(asked, dates)
    assert read_as is not None
    assert read_as(1, 1) == "Who condemned the strike?"  # inherits November 23
    assert read_as(0, 1) == asked  # states it: the reader sees the dates agree
    assert read_as(2, 3) == asked  # about November 19
    assert read_as(3, 3) == asked  # inherits November 19, not 23
    # No date, or nothing but its date: nothing to leave out.
    assert passage_question("Who condemned the strike?", dates) is None
    assert passage_question("What happened on November 23?", dates) is None


@pytest.mark.parametrize(
    "own_day", ["last Saturday", "yesterday", "two days later", "the next day"]
)
def test_a_sentence_naming_its_own_day_is_not_read_as_of_the_inherited_one(own_day: str) -> None:
    sentences = split_sentences(
        "The losing run began on January 24 with a defeat at Ashby United. "
        f"It ended with a home loss to Kelso Park {own_day}. "
        "Fans left early."
    )
    asked = "Who were they playing on January 24?"
    read_as = passage_question(asked, sentence_dates(sentences))
    assert read_as is not None
    assert read_as(1, 1) == asked  # its own day, not January 24
    assert read_as(2, 2) == asked  # after it, about its day too (qa.dates.sentences)
    assert read_as(0, 0) == asked  # states January 24


@pytest.mark.parametrize("in_passing", ["last week", "in 2019", "in October", "last month"])
def test_a_period_named_in_passing_leaves_the_inherited_day(in_passing: str) -> None:
    sentences = split_sentences(
        "The losing run began on January 24 with a defeat at Ashby United. "
        f"The club had signed two players {in_passing}."
    )
    read_as = passage_question("Who were they playing on January 24?", sentence_dates(sentences))
    assert read_as is not None
    assert read_as(1, 1) == "Who were they playing?"
