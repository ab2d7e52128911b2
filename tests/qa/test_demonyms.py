"""A place and the word for its people are one term (qa.demonyms): "How did Lebanon
react?" matches "Lebanese authorities"."""

from __future__ import annotations

import pytest

from index.sentences import split_sentences
from qa.demonyms import is_people_word, people_of, place_words
from qa.lexical import Lexicon, terms

ARTICLE = [
    "Lebanese officials met Israeli delegates in Beirut.",
    "Russia's ambassador to Lebanon warned of a wider war.",
    "Civilian homes were damaged, and civilian groups protested.",
    "Israel said the strike hit a militia base.",
]


@pytest.mark.parametrize(
    ("word", "place"),
    [
        ("lebanese", "lebanon"),  # both written: the people to the place
        ("israeli", "israel"),
        ("israelis", "israel"),  # typed: the article writes neither this nor "Israelis"
        ("russian", "russia"),
        ("russians", "russia"),
    ],
)
def test_the_people_of_a_place_stand_for_the_place(word: str, place: str) -> None:
    assert place_words(ARTICLE)[word] == place


def test_a_place_the_article_does_not_name_stands_for_its_people() -> None:
    assert place_words(["Syrian troops crossed the border."])["syria"] == "syrian"


def test_words_written_in_lower_case_and_short_stems_take_no_part() -> None:
    folds = place_words(ARTICLE + ["Iran is near Iraq.", "Civil servants went home."])
    assert "civilian" not in folds  # "civilian" is written in lower case too
    assert "iranian" in folds and "iri" not in folds  # "Ir" is too short a stem
    assert "lebanon" not in folds and "beirut" not in folds  # places stand for themselves


def test_a_question_naming_the_place_finds_the_sentence_naming_its_people() -> None:
    sentences = split_sentences(" ".join(ARTICLE))
    lexicon = Lexicon(sentences)
    scores = lexicon.scores(terms("Whom did Lebanon send?"))
    assert scores[0] > 0  # "Lebanese officials ..." matched by "Lebanon"
    assert lexicon.coverage(terms("Israeli strike"), [3]) == 1.0  # "Israel said the strike"
    assert lexicon.known_share(terms("lebanese")) == 1.0


def test_a_word_for_a_place_s_people_is_told_from_others() -> None:
    assert people_of("Velmoran", "Velmora") and people_of("Israeli", "Israel")
    assert not people_of("Astranian", "Velmora")
    assert is_people_word("Velmoran") and not is_people_word("Former")
