"""Calendar arithmetic on the numbers date phrases give: months, weeks, weekdays."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from qa.dates.patterns import NUMBERS

_MONTH_KEYS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def month_number(word: str) -> int:
    """1..12 for any month word the patterns accept ("Sept.", "nov", "December")."""
    return _MONTH_KEYS.index(word.rstrip(".").lower()[:3]) + 1


def day_number(text: str) -> int:
    """The day in "23", "23rd", "03"."""
    return int(re.sub(r"\D", "", text))


def make(year: int, month: int, day: int) -> date | None:
    """The day, or None when it does not exist ("November 31")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_for(month: int, reference: date) -> int:
    """The year of a year-less month: the reference's, or the one before for later months."""
    return reference.year if month <= reference.month else reference.year - 1


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clipped to the last day of a shorter month."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def whole_months(first: date, last: date) -> bool:
    """Whether first..last (inclusive) is one or more whole calendar months ("in October",
    "in 2019", "last month")."""
    return first <= last and first.day == 1 and (last + timedelta(days=1)).day == 1


def weekday_on_or_before(reference: date, weekday: int) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def weekday_before(reference: date, weekday: int) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)


def weekday_after(reference: date, weekday: int) -> date:
    return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


def count(word: str) -> int:
    """The number in "two", "12", "a couple of"."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return 2 if word.endswith("couple of") else NUMBERS[word]


def shift(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` days, weeks or months."""
    if unit == "month":
        return add_months(day, amount)
    return day + timedelta(days=amount * (7 if unit == "week" else 1))
