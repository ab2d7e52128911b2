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


def test_the_death_toll_of_an_event_is_asked_as_how_many_died_in_it() -> None:
    from qa.casualties import as_count_of_dead

    assert as_count_of_dead("ferry capsize death toll") == "How many died in the ferry capsize?"
    assert as_count_of_dead("What is the Dam release death toll?") == (
        "How many died in the dam release?"
    )
    assert as_count_of_dead("What was the death toll of the earthquake?") == (
        "How many died in the earthquake?"
    )
    # No event named: left to the reader as asked.
    assert as_count_of_dead("What is the death toll so far?") is None
    assert as_count_of_dead("How many died?") is None


def test_a_keyword_death_toll_is_answered_with_the_count() -> None:
    from qa.bot import ArticleQA

    text = (
        "Divers recovered two more bodies off Port Averill on Monday, raising the death "
        "toll from last Wednesday's capsizing of the passenger ferry Marisol Queen to 17, "
        "the coastguard said.\n"
        "Of the 286 passengers and 19 crew on board, 261 were rescued.\n"
        "In 1998 the Nordlys sank in a storm nearby and 41 people died.\n"
    )
    bot = ArticleQA.from_text(text)  # the real reader read the toll's clause as a phrase
    assert bot.ask("ferry capsize death toll").text == "17"
