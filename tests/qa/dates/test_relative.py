"""Phrases counted from the article date ("yesterday") or from the previous date
("two days later")."""

from __future__ import annotations

from datetime import date

import pytest

from qa.dates import ground_text

D = date


def test_weekday_on_the_article_day_is_that_day_but_last_weekday_is_a_week_before() -> None:
    monday = D(2025, 11, 24)
    assert [v.value for v in ground_text("It met on Monday.", monday)] == [monday]
    assert [v.value for v in ground_text("It met last Monday.", monday)] == [D(2025, 11, 17)]
    assert [v.value for v in ground_text("It meets next Monday.", monday)] == [D(2025, 12, 1)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", D(2025, 11, 23)),
        ("last night", D(2025, 11, 23)),
        ("tomorrow", D(2025, 11, 25)),
        ("three days ago", D(2025, 11, 21)),
        ("a week ago", D(2025, 11, 17)),
        ("days ago", (D(2025, 11, 17), D(2025, 11, 23))),
        ("this week", (D(2025, 11, 24), D(2025, 11, 30))),
        ("last weekend", (D(2025, 11, 22), D(2025, 11, 23))),
        ("last month", (D(2025, 10, 1), D(2025, 10, 31))),
        ("earlier this year", (D(2025, 1, 1), D(2025, 11, 23))),
        ("next week", (D(2025, 12, 1), D(2025, 12, 7))),
    ],
)
def test_relative_to_the_article_date(phrase: str, expected: object) -> None:
    values = ground_text(f"Officials said {phrase}, the strike hit.", D(2025, 11, 24))
    assert [(v.text, v.value) for v in values] == [(phrase, expected)]


def test_chain_within_one_sentence_and_across_sentences() -> None:
    text = "On November 3 talks began and two weeks later they ended. A month later, war."
    values = ground_text(text, D(2025, 12, 20))
    assert [v.value for v in values] == [D(2025, 11, 3), D(2025, 11, 17), D(2025, 12, 17)]


def test_event_relative_phrases_are_not_chained() -> None:
    text = "On November 3 talks began. The day before the vote, and two days prior to it, rain."
    assert [v.text for v in ground_text(text, D(2025, 11, 24))] == ["November 3"]


def test_chain_without_an_earlier_date_is_left_out() -> None:
    assert ground_text("Two days later, the army withdrew.", D(2025, 11, 24)) == []
