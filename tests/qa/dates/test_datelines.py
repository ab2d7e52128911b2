"""The article's own date: metadata, else a dateline at the top, else unknown."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from qa.dates import article_date
from tests.qa.dates.articles import AP, NEW_YEAR, REUTERS

D = date


def test_reuters_dateline_takes_the_year_that_is_not_before_dated_events() -> None:
    # The dateline says "Nov 24" without a year; the text's latest dated event is
    # Nov 27, 2024, so the article is from 2025, not 2024.
    assert article_date(REUTERS) == D(2025, 11, 24)


def test_reuters_dateline_without_any_year_needs_a_hint() -> None:
    text = "BEIRUT, Nov 24 (Reuters) - Israel struck Beirut on Sunday.\nMore to come.\n"
    assert article_date(text) is None
    assert article_date(text, year=2025) == D(2025, 11, 24)


def test_ap_dateline() -> None:
    assert article_date(AP) == D(2025, 11, 24)


@pytest.mark.parametrize(
    "head",
    [
        "Nov. 24, 2025 — A storm tore through the coast.",
        "WASHINGTON (AP) — Nov. 24, 2025 — Lawmakers met.",
        "Monday, 24 November 2025",
        "2025-11-24",
        "2025-11-24T09:30:00Z",
        "Published: November 24, 2025 at 3:04 p.m. ET",
        "Posted on 24 Nov 2025",
        "By Jane Doe, November 24, 2025",
    ],
)
def test_dateline_forms(head: str) -> None:
    text = f"Storm batters coast\n\n{head}\n\nThe storm hit on November 20, 2025.\n"
    assert article_date(text) == D(2025, 11, 24)


def test_published_wins_over_updated_and_updated_is_the_fallback() -> None:
    both = "Headline\nUpdated: November 25, 2025\nPublished: November 24, 2025\nText.\n"
    assert article_date(both) == D(2025, 11, 24)
    only_updated = "Headline\nUpdated: November 25, 2025\nText.\n"
    assert article_date(only_updated) == D(2025, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "Israel strikes Beirut on November 23, 2025\n\nThe strike killed five.\n",
        "Published reports said the talks ended on Nov 20, 2025.\n",
        "Headline\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nNov. 24, 2025 — late line.\n",
        "Nothing dated here.\n",
    ],
)
def test_dates_in_prose_or_below_the_head_are_not_the_article_date(text: str) -> None:
    assert article_date(text) is None


@pytest.mark.parametrize(
    "metadata",
    ["2025-11-20", "2025-11-20T23:59:00+00:00", D(2025, 11, 20), datetime(2025, 11, 20, 8)],
)
def test_metadata_wins_over_the_dateline(metadata: date | str) -> None:
    assert article_date(AP, metadata) == D(2025, 11, 20)


def test_unreadable_metadata_falls_back_to_the_dateline() -> None:
    assert article_date(AP, "last Tuesday") == D(2025, 11, 24)
    assert article_date(NEW_YEAR, "2026-01-03") == D(2026, 1, 3)
    assert article_date(NEW_YEAR) is None
