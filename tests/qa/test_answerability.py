"""Answerability features on a tiny article, with the fake embedder and scripted spans."""

from __future__ import annotations

import math

import pytest

from qa import ArticleQA
from qa.answerability import (
    DATE,
    DURATION,
    NAME,
    NUMBER,
    answer_type,
    asked_kind,
    features,
    fits_type,
    reader_features,
)
from qa.reading import ReadSpan
from tests.conftest import FakeEmbedder

TEXT = (
    "Talks were held in Ras EnNakoura.\n"
    "On November 23 an air strike hit Beirut.\n"
    "The target was a building believed to house a commander.\n"
    "Five people were killed, officials said.\n"
)


@pytest.fixture
def bot(fake_embedder: FakeEmbedder) -> ArticleQA:
    return ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who condemned the strike?", NAME),
        ("who's the president", NAME),
        ("Where were the talks held?", NAME),
        ("In which city did the strike happen?", NAME),
        ("When did the strike happen?", DATE),
        ("In what year was it built?", DATE),
        ("How many people were killed?", NUMBER),
        ("What percentage voted?", NUMBER),
        ("What was targeted?", None),
        ("Why did Israel strike Beirut?", None),
        ("How did Lebanon react?", None),
    ],
)
def test_the_question_says_what_kind_of_answer_it_wants(question: str, kind: str | None) -> None:
    assert answer_type(question) == kind


def test_an_answer_fits_its_kind_by_cheap_cues() -> None:
    assert fits_type(NUMBER, "five people", False) and not fits_type(NUMBER, "officials", False)
    assert fits_type(DATE, "November 23", False) and fits_type(DATE, "season two", False)
    assert not fits_type(DATE, "a building", False)
    assert fits_type(NAME, "Lebanese authorities", False) and fits_type(NAME, "iTunes", False)
    # A sentence's first word is capitalised whatever it is; a lone name still counts.
    assert not fits_type(NAME, "The government", True) and fits_type(NAME, "Takano", True)
    assert not fits_type(NAME, "a commander", False)


def test_retrieval_features_see_a_question_the_article_cannot_answer(bot: ArticleQA) -> None:
    asked = bot.inspect("What was targeted on November 23?").features
    swapped = bot.inspect("What was targeted in Kathmandu on November 23?").features
    assert asked["known_terms"] == 1.0  # every word of it is in the article
    assert swapped["known_terms"] < asked["known_terms"]  # "Kathmandu" is not
    assert asked["coverage"] == 1.0 and swapped["coverage"] < 1.0
    # Without the reader the answer is the best sentence: its words and its type.
    assert {"answer_coverage", "type_expected", "type_fits"} <= set(asked)
    assert "reader_margin" not in asked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("In which city was the November 23 strike?", ["citi"]),
        ("Which country's ambassador issued a warning?", ["countri"]),
        ("What kind of location were the talks held in?", ["kind", "locat"]),
        ("what year was it built", ["year"]),
        ("What did the strike hit?", []),
        ("What is the capital?", []),
        ("Who condemned the strike?", []),
    ],
)
def test_the_noun_naming_the_kind_of_answer(question: str, kind: list[str]) -> None:
    assert asked_kind(question) == kind


def test_the_kind_of_answer_is_no_missing_word_where_the_article_never_uses_it(
    bot: ArticleQA,
) -> None:
    plain = bot.inspect("Where did the air strike hit on November 23?").features
    city = bot.inspect("Which city did the air strike hit on November 23?").features
    # "city" is nowhere in the article: it names what is asked, not what must be there.
    assert city["known_terms"] == plain["known_terms"] == 1.0
    assert city["coverage"] == plain["coverage"]
    # A word the article does use still counts where the answer's sentence lacks it.
    target = bot.inspect("Which target did the air strike hit on November 23?").features
    assert target["answer_coverage"] < 1.0


def test_the_answers_type_and_the_words_it_lacks(bot: ArticleQA) -> None:
    wanted = bot.inspect("How many people were killed?").features
    assert wanted["type_expected"] == 1.0 and wanted["type_fits"] == 1.0
    assert wanted["answer_coverage"] == 1.0
    # The sentence that best matches "When were talks held" names no date.
    undated = bot.inspect("When were talks held in Ras EnNakoura?").features
    assert undated["type_expected"] == 1.0 and undated["type_fits"] == 0.0


def _span(text: str, window: int, margin: float, probability: float = 0.5) -> ReadSpan:
    start = TEXT.index(text)
    position = TEXT[:start].count("\n")
    return ReadSpan(text, start, start + len(text), position, margin, window, probability)


def test_reader_features_count_the_windows_that_agree(bot: ArticleQA) -> None:
    ranking = bot.retriever.rank("What was targeted on November 23?")
    chosen = _span("a building", 0, 6.0, 0.6)
    spans = [
        chosen,
        _span("a building believed to house a commander", 1, 4.0),  # overlaps: agrees
        _span("Beirut", 1, 1.0),
        _span("Five people", 2, -3.0),  # window 2 finds no answer
    ]
    found = reader_features(spans, chosen, ranking)
    assert found["reader_margin"] == 6.0 and found["span_probability"] == 0.6
    assert found["windows_agreeing"] == pytest.approx(2 / 3)
    assert found["windows_answering"] == pytest.approx(2 / 3)
    assert found["span_lead"] == 5.0  # over "Beirut", the best span elsewhere
    # P(no answer) shares the window's normaliser: P(span) / exp(margin).
    assert found["no_answer_probability"] == pytest.approx(0.6 / math.exp(6.0))


def test_no_span_reads_as_the_strongest_no_answer(bot: ArticleQA) -> None:
    ranking = bot.retriever.rank("What was targeted?")
    found = reader_features([], None, ranking)
    assert found["reader_margin"] == -20.0 and found["span_probability"] == 0.0
    assert found["no_answer_probability"] == 1.0 and found["windows_answering"] == 0.0


def test_features_are_the_same_set_with_a_span_or_without(bot: ArticleQA) -> None:
    ranking = bot.retriever.rank("What was targeted?")
    lexicon, sentences = bot.retriever.lexicon, bot.sentences
    chosen = _span("a building", 0, 6.0)
    with_span = features("What was targeted?", ranking, [chosen], chosen, lexicon, sentences)
    without = features("What was targeted?", ranking, [], None, lexicon, sentences)
    sentence_only = features("What was targeted?", ranking, None, None, lexicon, sentences)
    assert set(with_span) == set(without) > set(sentence_only)
    assert all(isinstance(value, float) for value in with_span.values())


def test_how_long_asks_for_a_length_of_time_not_a_point_in_it() -> None:
    assert answer_type("How long will he be out?") == DURATION
    assert fits_type(DURATION, "up to three weeks", starts_sentence=False)
    assert fits_type(DURATION, "45 minutes", starts_sentence=False)
    assert not fits_type(DURATION, "101st minute", starts_sentence=False)
    assert not fits_type(DURATION, "the first round", starts_sentence=False)
