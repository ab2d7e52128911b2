"""Grounded values: their shapes, overlap with a window, and how citations write them."""

from __future__ import annotations

from datetime import date

from qa.dates import GroundedDate, format_grounded, ground_text, overlaps

D = date
ARTICLE = D(2025, 11, 24)


def test_overlaps_uses_inclusive_open_windows() -> None:
    last_week = ground_text("last week", ARTICLE)[0]
    assert overlaps(last_week, (D(2025, 11, 23), None))
    assert not overlaps(last_week, (D(2025, 11, 24), None))
    assert overlaps(last_week, (None, D(2025, 11, 17)))
    assert not overlaps(last_week, (None, D(2025, 11, 16)))
    assert not overlaps(ground_text("November 20", None)[0], (None, None))


def test_format_grounded() -> None:
    day, week = ground_text("November 23 and last week", ARTICLE)
    assert format_grounded(day) == "2025-11-23"
    assert format_grounded(week) == "2025-11-17 to 2025-11-23"
    assert format_grounded(ground_text("November 23", None)[0]) == "November 23, year unknown"
    assert format_grounded(D(2025, 11, 23)) == "2025-11-23"
    assert format_grounded((D(2025, 11, 21), None)) == "from 2025-11-21"
    assert format_grounded((None, D(2025, 11, 22))) == "until 2025-11-22"
    assert format_grounded((D(2025, 11, 23), D(2025, 11, 23))) == "2025-11-23"


def test_grounded_date_value_shapes() -> None:
    one = GroundedDate("x", 0, 1, D(2025, 11, 23), D(2025, 11, 23))
    span = GroundedDate("x", 0, 1, D(2025, 11, 17), D(2025, 11, 23))
    part = GroundedDate("x", 0, 1, None, None, (11, 23))
    assert (one.value, one.is_range) == (D(2025, 11, 23), False)
    assert (span.value, span.is_range) == ((D(2025, 11, 17), D(2025, 11, 23)), True)
    assert (part.value, part.is_range) == ((11, 23), False)
