"""Verb forms for spelling out follow-ups (qa.verbs), against the English word list."""

from __future__ import annotations

import pytest

from qa.verbs import base_form, is_participle


@pytest.mark.parametrize(
    ("verb", "base"),
    [
        ("condemned", "condemn"),
        ("urged", "urge"),
        ("stopped", "stop"),
        ("carried", "carry"),
        ("died", "die"),
        ("evacuated", "evacuate"),
    ],
)
def test_a_regular_past_tense_has_its_base_form(verb: str, base: str) -> None:
    assert base_form(verb) == base


@pytest.mark.parametrize("word", ["strike", "red", "Hezbollah", "talks"])
def test_other_words_have_no_base_form(word: str) -> None:
    assert base_form(word) is None


@pytest.mark.parametrize("word", ["criticized", "built", "done", "Sent"])
def test_regular_and_common_irregular_participles_are_participles(word: str) -> None:
    assert is_participle(word)


@pytest.mark.parametrize("word", ["strike", "talks", "attack"])
def test_nouns_are_not_participles(word: str) -> None:
    assert not is_participle(word)
