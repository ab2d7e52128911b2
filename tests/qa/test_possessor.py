"""The name owning the noun a "whose" question asks about (qa.possessor)."""

from __future__ import annotations

import pytest

from index.sentences import Sentence
from qa.answer_length import fit_answer
from qa.possessor import owned_noun, owner
from qa.reading import ReadSpan


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which country's ambassador issued a warning?", "ambassador"),
        ("Whose recording of Hallelujah became successful?", "recording"),
        ("Who ran the training camp?", "camp"),
        ("Which group owns the station?", "station"),
        ("Who issued a warning?", None),
        ("Who owns shares in it?", None),
        ("Who runs the Old Mill café?", None),  # the café is named: who runs it is asked
    ],
)
def test_the_noun_whose_owner_is_asked(question: str, noun: str | None) -> None:
    assert owned_noun(question) == noun


@pytest.mark.parametrize(
    ("noun", "sentence", "name"),
    [
        ("ambassador", "Russia’s ambassador to Lebanon issued a stark warning.", "Russia"),
        ("camp", "The army struck a Hamas training camp in southern Lebanon.", "Hamas"),
        ("recording", "Jeff Buckley's recording of Hallelujah sold again.", "Jeff Buckley"),
        # A noun that is part of a name is owned by no one in it.
        ("chronicle", "The Hearst Corporation owns the Houston Chronicle.", None),
        ("ambassador", "The ambassador of Russia spoke in Lebanon.", None),
    ],
)
def test_the_owner_is_a_possessive_or_a_name_set_before_the_noun(
    noun: str, sentence: str, name: str | None
) -> None:
    found = owner(noun, sentence)
    assert (sentence[found[0] : found[1]] if found else None) == name


def test_the_answer_is_the_owner_where_the_reader_read_another_name() -> None:
    text = "Russia’s ambassador to Lebanon issued a stark warning."
    sentence = Sentence(0, text, 0, len(text))
    at = text.index("Lebanon")
    lebanon = ReadSpan("Lebanon", at, at + len("Lebanon"), 0, 5.0)
    assert fit_answer("Which country's ambassador issued a warning?", lebanon, sentence).text == (
        "Russia"
    )
    assert fit_answer("Where was the ambassador posted?", lebanon, sentence) == lebanon
