"""What grounding produces: a grounded date (a day, a range, or a year-less day) and the
windows questions ask about, with how they overlap and how citations write them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

DateRange = tuple[date | None, date | None]  # inclusive; None = open on that side
MonthDay = tuple[int, int]  # (month, day): articles rarely repeat a year, questions never do


@dataclass(frozen=True)
class GroundedDate:
    """A date or date range the text states, resolved to calendar days where possible.

    `text` is the phrase as written and `start`/`end` its character offsets in the
    article (in the text passed to `ground_text`). `first`..`last` is the inclusive day
    range (equal for one day); both are None for a partial date, whose (month, day) is
    in `partial` because the year is unknown.
    """

    text: str
    start: int
    end: int
    first: date | None
    last: date | None
    partial: MonthDay | None = None

    @property
    def is_range(self) -> bool:
        return self.first is not None and self.first != self.last

    @property
    def value(self) -> date | tuple[date, date] | MonthDay:
        """The day, the (first, last) range, or the partial (month, day)."""
        if self.first is None or self.last is None:
            assert self.partial is not None
            return self.partial
        return (self.first, self.last) if self.first != self.last else self.first


def overlaps(value: GroundedDate, window: DateRange) -> bool:
    """Whether a grounded value shares a day with an inclusive window (None = open).

    A partial value (year unknown) never does; callers match its (month, day) instead.
    """
    if value.first is None or value.last is None:
        return False
    low, high = window
    return (low is None or value.last >= low) and (high is None or value.first <= high)


def format_grounded(value: GroundedDate | date | DateRange) -> str:
    """A grounded value for a citation: "2025-11-23", "2025-11-17 to 2025-11-23",
    "from 2025-11-21", "until 2025-11-22", or "November 23, year unknown"."""
    if isinstance(value, GroundedDate):
        if value.first is None or value.last is None:
            assert value.partial is not None
            return f"{month_day_label(*value.partial)}, year unknown"
        value = (value.first, value.last)
    if isinstance(value, date):
        return value.isoformat()
    first, last = value
    if first is not None and last is not None:
        if first == last:
            return first.isoformat()
        return f"{first.isoformat()} to {last.isoformat()}"
    if first is not None:
        return f"from {first.isoformat()}"
    if last is not None:
        return f"until {last.isoformat()}"
    return "any date"


def month_day_label(month: int, day: int) -> str:
    """A (month, day) as people write it: "November 23"."""
    return f"{calendar.month_name[month]} {day}"


def label(value: GroundedDate) -> str:
    """ISO day or range; "November 23" when the article's year is unknown."""
    if value.partial is not None:
        return month_day_label(*value.partial)
    return format_grounded(value)
