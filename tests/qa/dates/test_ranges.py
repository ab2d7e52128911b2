"""The days a question asks about, and the sentences retrieval boosts for them."""

from __future__ import annotations

from datetime import date

import pytest

from index.sentences import split_sentences
from qa.bot import ArticleQA
from qa.dates import dated_sentences, event_range, question_range
from tests.qa.dates.articles import ANCHORED, DATELINED

D = date

ARTICLE = D(2025, 11, 24)  # a Monday


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What happened after November 20?", (D(2025, 11, 21), None)),
        ("What happened since November 20?", (D(2025, 11, 20), None)),
        ("What happened on or after Nov 20?", (D(2025, 11, 20), None)),
        ("What was hit before Nov 23?", (None, D(2025, 11, 22))),
        ("What was hit until Nov. 23?", (None, D(2025, 11, 23))),
        ("Who spoke between November 19 and 23?", (D(2025, 11, 19), D(2025, 11, 23))),
        ("Who spoke between October 28 and 2?", (D(2025, 10, 28), D(2025, 11, 2))),
        ("Who spoke between Nov 19 and Nov 21?", (D(2025, 11, 19), D(2025, 11, 21))),
        ("Who spoke from 19 November to 21 November?", (D(2025, 11, 19), D(2025, 11, 21))),
        ("What was targeted on November 23?", (D(2025, 11, 23), D(2025, 11, 23))),
        ("What happened in the week of November 19?", (D(2025, 11, 17), D(2025, 11, 23))),
        ("What happened last week?", (D(2025, 11, 17), D(2025, 11, 23))),
        ("What happened yesterday?", (D(2025, 11, 23), D(2025, 11, 23))),
        ("What happened on Tuesday?", (D(2025, 11, 18), D(2025, 11, 18))),
        ("What happened in October?", (D(2025, 10, 1), D(2025, 10, 31))),
        ("What happened after Nov 20 but before Nov 23?", (D(2025, 11, 21), D(2025, 11, 22))),
        ("What happened on Nov 20 or Nov 22?", (D(2025, 11, 20), D(2025, 11, 22))),
        ("What happened on November 23, 2024?", (D(2024, 11, 23), D(2024, 11, 23))),
    ],
)
def test_question_ranges(question: str, expected: tuple[date | None, date | None]) -> None:
    assert question_range(question, ARTICLE) == expected


def test_question_range_across_the_new_year() -> None:
    question = "What happened between December 28 and January 2?"
    assert question_range(question, D(2026, 1, 3)) == (D(2025, 12, 28), D(2026, 1, 2))


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("What happened in the week of the talks?", ARTICLE),
        ("Who was the commander?", ARTICLE),
        ("What happened two days later?", ARTICLE),  # no earlier date to count from
        ("What happened after November 20?", None),  # no year without the article date
        ("What happened yesterday?", None),
        ("What happened after Nov 23 and before Nov 20?", ARTICLE),  # empty
    ],
)
def test_questions_without_a_usable_range(question: str, article: date | None) -> None:
    assert question_range(question, article) is None


def test_question_with_explicit_year_needs_no_article_date() -> None:
    assert question_range("What happened after Nov 20, 2025?", None) == (D(2025, 11, 21), None)


def test_a_date_range_in_the_question_boosts_sentences_in_it(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    bot = ArticleQA.from_text(DATELINED, embedder=fake_embedder, reader=False)

    def dated_first(question: str) -> set[str]:
        ranking = bot.retriever.rank(question)
        return {bot.sentences[c.position].text[:12] for c in ranking.candidates if c.date == 1.0}

    assert dated_first("What happened after November 20?") >= {"Two days lat", "A ceasefire "}
    assert "On November " not in dated_first("What happened after November 20?")
    assert "On November " in dated_first("What happened before November 20?")
    assert "A ceasefire " not in dated_first("What happened before November 20?")


def test_a_range_anchored_on_an_event_uses_the_events_date(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    bot = ArticleQA.from_text(ANCHORED, embedder=fake_embedder, reader=False)

    def in_range(question: str) -> set[str]:
        ranking = bot.retriever.rank(question)
        return {bot.sentences[c.position].text[:12] for c in ranking.candidates if c.date == 1.0}

    # The talks opened on Monday, March 3: their week runs to Sunday, March 9.
    assert in_range("What happened in the week of the peace talks?") == {
        "The peace ta",
        "On March 5 t",
    }
    assert in_range("What happened after the ceasefire?") == {
        "GENEVA, Marc",
        "The peace ta",
        "On March 5 t",
        "A storm clos",
    }
    assert in_range("What was agreed before the storm?") == {
        "The peace ta",
        "On March 5 t",
        "The ceasefir",
    }
    assert in_range("What did the delegates agree?") == set()  # no range asked


def test_event_range_leaves_dates_and_undated_events_alone() -> None:
    dated = dated_sentences(split_sentences(ANCHORED), D(2025, 3, 14))
    first = lambda phrase: [4, 3, 2]  # noqa: E731  the ceasefire's sentence ranks first
    assert event_range("What happened after the ceasefire?", dated, first) == (
        "the ceasefire",
        (D(2025, 2, 21), None),
    )
    # A date after "after" is question_range's to read, not an event.
    assert event_range("What happened after the 3rd of March?", dated, first) is None
    assert event_range("Who spoke after the talks?", dated, lambda phrase: []) is None
    undated = dated_sentences(split_sentences("The talks opened.\nThey failed."), None)
    assert event_range("Who spoke after the talks?", undated, lambda phrase: [0, 1]) is None
