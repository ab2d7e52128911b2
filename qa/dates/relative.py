"""Phrases that name a day only relative to another one.

Counted from the article date: "yesterday", "on Tuesday", "last week", "three days ago".
Counted from the previous date mentioned: "two days later", "the next day". The rules
they follow are in `qa.dates.grounding`'s notes.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from qa.dates.days import (
    add_months,
    count,
    month_span,
    shift,
    week_start,
    weekday_after,
    weekday_before,
    weekday_on_or_before,
)
from qa.dates.patterns import WEEKDAYS
from qa.dates.values import GroundedDate, MonthDay

VAGUE_DAYS = 7  # "days later" = 1..VAGUE_DAYS days after the reference

Resolved = tuple[date, date] | MonthDay  # a (first, last) range or a year-less day


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def counts_from_article(kind: str, match: re.Match[str]) -> bool:
    """Whether a phrase is counted from the article date rather than the previous date:
    "three days ago" and a bare "next week" are; "two days later", "the next week" not."""
    if kind == "offset":
        return match.group("dir").lower() == "ago"
    if kind == "step":
        return _words(match.group("s")) == "next week" and not match.group("the")
    return kind in ("word", "weekday", "period")


def from_article(kind: str, match: re.Match[str], article: date) -> tuple[date, date]:
    """A phrase counted from the article date: "yesterday", "on Tuesday", "last week"."""
    if kind == "word":
        shifts = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
        day = article + timedelta(days=shifts[_words(match.group("w"))])
        return day, day
    if kind == "weekday":
        weekday = WEEKDAYS.index(match.group("wd").lower())
        qualifier = _words(match.group("q") or "")
        if qualifier in ("last", "this past", "past"):
            day = weekday_before(article, weekday)
        elif qualifier in ("next", "this coming", "coming"):
            day = weekday_after(article, weekday)
        else:
            day = weekday_on_or_before(article, weekday)
        return day, day
    if kind == "period":
        return _period(_words(match.group("p")), article)
    if kind == "offset":  # only "... ago" (counts_from_article)
        if match.group("vague"):
            return article - timedelta(VAGUE_DAYS), article - timedelta(days=1)
        day = shift(article, -count(match.group("n")), match.group("u").lower())
        return day, day
    assert kind == "step", kind  # only a bare "next week" (counts_from_article)
    week = week_start(article) + timedelta(days=7)
    return week, week + timedelta(days=6)


def _period(phrase: str, ref: date) -> tuple[date, date]:
    week = week_start(ref)
    month_first, month_last = month_span(ref.year, ref.month)
    year_first, year_last = date(ref.year, 1, 1), date(ref.year, 12, 31)
    yesterday, tomorrow = ref - timedelta(days=1), ref + timedelta(days=1)
    if phrase == "last week":
        return week - timedelta(days=7), week - timedelta(days=1)
    if phrase == "this week":
        return week, week + timedelta(days=6)
    if phrase == "earlier this week":
        return week, max(week, yesterday)
    if phrase == "later this week":
        return min(tomorrow, week + timedelta(days=6)), week + timedelta(days=6)
    if phrase in ("past week", "the past week"):
        return ref - timedelta(days=7), yesterday
    if phrase == "last weekend":
        sunday = weekday_before(ref, 6)
        return sunday - timedelta(days=1), sunday
    if phrase == "this weekend":
        return week + timedelta(days=5), week + timedelta(days=6)
    if phrase == "last month":
        previous = add_months(month_first, -1)
        return month_span(previous.year, previous.month)
    if phrase == "this month":
        return month_first, month_last
    if phrase == "earlier this month":
        return month_first, max(month_first, yesterday)
    if phrase == "later this month":
        return min(tomorrow, month_last), month_last
    if phrase == "last year":
        return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31)
    if phrase == "this year":
        return year_first, year_last
    if phrase == "earlier this year":
        return year_first, max(year_first, yesterday)
    assert phrase == "later this year", phrase
    return min(tomorrow, year_last), year_last


def from_previous(
    kind: str, match: re.Match[str], previous: GroundedDate | None
) -> Resolved | None:
    """A phrase counted from the previous date: "two days later", "the next day"."""
    if previous is None:
        return None
    first, last = previous.first, previous.last
    if kind == "offset":
        forward = match.group("dir").lower().startswith(("later", "after"))
        if match.group("vague"):
            if first is None or last is None:
                return None
            if forward:
                return last + timedelta(days=1), last + timedelta(VAGUE_DAYS)
            return first - timedelta(VAGUE_DAYS), first - timedelta(days=1)
        amount, unit = (1 if forward else -1) * count(match.group("n")), match.group("u").lower()
        if first is None or last is None:
            return _moved_partial(previous, amount, unit)
        day = shift(last if forward else first, amount, unit)
        return day, day
    step = _words(match.group("s"))
    forward = step.startswith(("next", "following")) or step.endswith("after")
    if step.endswith("week") or step.startswith("week"):
        if first is None or last is None:
            return None
        week = week_start(last if forward else first) + timedelta(days=7 if forward else -7)
        return week, week + timedelta(days=6)
    if first is None or last is None:
        return _moved_partial(previous, 1 if forward else -1, "day")
    day = last + timedelta(days=1) if forward else first - timedelta(days=1)
    return day, day


def _moved_partial(previous: GroundedDate, amount: int, unit: str) -> MonthDay:
    """A year-less day moved; counted in 2000, a leap year, so February 29 exists."""
    assert previous.partial is not None
    moved = shift(date(2000, *previous.partial), amount, unit)
    return moved.month, moved.day
