"""Casualty counts by what befell those counted (qa.casualties)."""

from __future__ import annotations

import pytest

from index.sentences import Sentence
from qa.casualties import asked_fate, counts_others

TOLL = "Indeci said 611 people had been injured, after the quake killed at least 143 people."


def _counts_others(fate: str, sentence: str, number: str) -> bool:
    start = sentence.index(number)
    return counts_others(fate, Sentence(0, sentence, 0, len(sentence)), start, start + len(number))


@pytest.mark.parametrize(
    ("question", "fate"),
    [
        ("How many people died?", "dead"),
        ("What was the death toll?", "dead"),
        ("How many were injured?", "hurt"),
        ("How many people are still missing?", "missing"),
        ("How many residents were evacuated?", "moved"),
        ("How many miners were brought out alive?", "alive"),
        ("How many survived?", "alive"),
        ("how many miners rescued alive", "alive"),
        ("How many were killed or injured?", None),  # both
        ("Who died?", None),  # no count
        ("How many homes were destroyed?", None),
    ],
)
def test_the_fate_a_count_asks_about(question: str, fate: str | None) -> None:
    assert asked_fate(question) == fate


def test_a_count_of_the_injured_is_no_count_of_the_dead() -> None:
    assert _counts_others("dead", TOLL, "611")
    assert not _counts_others("hurt", TOLL, "611")
    # "killing at least 143 people": the fate before the number counts too.
    assert not _counts_others("dead", TOLL, "143")
    assert _counts_others("hurt", TOLL, "143")
    # A number with no fate beside it is left to the reader.
    assert not _counts_others("dead", "About 3,000 people live in the town.", "3,000")


MINE = (
    "Rescuers on Wednesday pulled the last of 14 surviving miners from a collapsed coal mine, "
    "but four others were confirmed dead and three remained missing."
)


def test_the_survivors_are_counted_apart_from_the_dead_and_the_missing() -> None:
    assert _counts_others("alive", MINE, "four")
    assert not _counts_others("alive", MINE, "14")
    assert _counts_others("dead", MINE, "14")
    assert _counts_others("missing", MINE, "14")
    assert not _counts_others("missing", MINE, "three")
