"""The days a question asks about: "after November 20", "last week", "in the week of
the talks"; and how strongly each sentence is about a day in them.

What precedes a date ("after", "between") is read from the last few words before it,
in place, never from a copy of the whole question up to it, so a long question full of
dates (a pasted history turn) takes time linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from qa.dates.days import add_months, make, month_number, month_span, week_start, year_for
from qa.dates.grounding import ground_text
from qa.dates.patterns import MONTH_ONLY
from qa.dates.sentences import SentenceDates
from qa.dates.values import DateRange, GroundedDate, overlaps

# Words before a date that make it a bound. Each is matched against the end of the text
# before the date; none is longer than _TAIL_WORDS words.
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_AFTER = re.compile(r"\b(?:after|later\s+than|following)\s*$", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|from|starting|beginning|on\s+or\s+after)\s*$", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:before|prior\s+to|earlier\s+than)\s*$", re.IGNORECASE)
_UNTIL = re.compile(
    r"\b(?:until|till|by|through|up\s+to|no\s+later\s+than|on\s+or\s+before)\s*$",
    re.IGNORECASE,
)
_WEEK_OF = re.compile(r"\bweek\s+of\s*$", re.IGNORECASE)
_TAIL_WORDS = 3
# ... and after the first date of "between X and Y" (matched in place, at its end).
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|thru|-|–)\s*", re.IGNORECASE)
_BARE_DAY = re.compile(r"(?P<d>(?:[12]\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?\b")
_WORD_START = re.compile(r"\b\w")


class _Before:
    """Whether the text just before a position ends with one of the patterns above.

    A match of `\\bw1\\s+w2\\s+w3\\s*$` starts at a word start no more than _TAIL_WORDS
    word starts back, so the search starts there; ending it at `at` (endpos) makes `$`
    and `\\b` read `at` as the end of the text, as if it were cut there.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.word_starts = [match.start() for match in _WORD_START.finditer(text)]

    def ends_with(self, pattern: re.Pattern[str], at: int) -> bool:
        words = bisect_left(self.word_starts, at)
        start = self.word_starts[words - _TAIL_WORDS] if words >= _TAIL_WORDS else 0
        return pattern.search(self.text, start, at) is not None


def _question_values(question: str, article: date | None) -> list[GroundedDate]:
    """The question's dates with calendar days, plus months named alone ("in October")."""
    values = [v for v in ground_text(question, article) if v.first is not None]
    claimed = bytearray(len(question))
    for v in values:
        claimed[v.start : v.end] = b"\x01" * (v.end - v.start)
    months: list[GroundedDate] = []
    for match in MONTH_ONLY.finditer(question):
        start, end = match.span("v")
        if claimed.find(1, start, end) != -1:
            continue
        month = month_number(match.group("mon"))
        if match.group("y"):
            year = int(match.group("y"))
        elif article is not None:
            year = year_for(month, article)
        else:
            continue
        first, last = month_span(year, month)
        months.append(GroundedDate(match.group("v"), start, end, first, last))
    return sorted(values + months, key=lambda v: v.start)


def question_range(question: str, article_date: date | None) -> DateRange | None:
    """The days a question asks about, inclusive, None on an open side; None if it names none.

    "on November 23" -> (Nov 23, Nov 23); "after November 20" -> (Nov 21, None);
    "since ..." keeps the day; "before Nov 23" -> (None, Nov 22); "until/by ..." keeps it;
    "between November 19 and 23" / "from ... to ..."; "in the week of November 17" ->
    its Monday..Sunday; "in November" -> the month; "yesterday", "last week", "on
    Tuesday" count from the article date. Several dates: the stated days and ranges are
    joined (earliest to latest) and the one-sided bounds then narrow that. Dates without
    a year need the article date; chains ("two days later") are ignored in questions.
    """
    values = _question_values(question, article_date)
    at_start = {v.start: i for i, v in reversed(list(enumerate(values)))}
    before = _Before(question)
    bounded: list[tuple[date, date]] = []
    lower: list[date] = []
    upper: list[date] = []
    skip: set[int] = set()
    for index, value in enumerate(values):
        if index in skip:
            continue
        assert value.first is not None and value.last is not None
        if before.ends_with(_RANGE_OPEN, value.start):
            join = _RANGE_JOIN.match(question, value.end)
            if join:
                at = join.end()
                following = at_start.get(at)
                until = values[following].last if following is not None else None
                bare = _BARE_DAY.match(question, at)
                if following is not None and until is not None:
                    skip.add(following)
                    bounded.append((value.first, until))
                    continue
                if bare:
                    end = make(value.last.year, value.last.month, int(bare.group("d")))
                    if end is not None and end < value.last:
                        end = add_months(end, 1)
                    if end is not None:
                        bounded.append((value.first, end))
                        continue
        # "on or after" / "on or before" are checked before "after" / "before".
        if before.ends_with(_SINCE, value.start):
            lower.append(value.first)
        elif before.ends_with(_AFTER, value.start):
            lower.append(value.last + timedelta(days=1))
        elif before.ends_with(_UNTIL, value.start):
            upper.append(value.last)
        elif before.ends_with(_BEFORE, value.start):
            upper.append(value.first - timedelta(days=1))
        elif before.ends_with(_WEEK_OF, value.start):
            week = week_start(value.first)
            bounded.append((week, week + timedelta(days=6)))
        else:
            bounded.append((value.first, value.last))
    if not (bounded or lower or upper):
        return None
    low: date | None = min(first for first, _ in bounded) if bounded else None
    high: date | None = max(last for _, last in bounded) if bounded else None
    if lower:
        low = max([*lower, *([low] if low else [])])
    if upper:
        high = min([*upper, *([high] if high else [])])
    if low is not None and high is not None and low > high:
        return None
    return low, high


def scores_within(window: DateRange, dated: Sequence[SentenceDates]) -> list[float]:
    """How strongly each sentence is about a day in `window` (0 when none)."""
    return [d.strength if any(overlaps(v, window) for v in d.values) else 0.0 for d in dated]


def range_scores(
    question: str, dated: Sequence[SentenceDates], article_day: date | None
) -> tuple[DateRange | None, list[float]]:
    """The date range a question asks about ("after November 20", "last week") and, for
    each sentence, how strongly it is about a day in that range (0 when none)."""
    window = question_range(question, article_day)
    if window is None:
        return None, [0.0] * len(dated)
    return window, scores_within(window, dated)


# "in the week of the talks", "after the ceasefire", "before that strike": a range anchored
# on an event rather than a date. The event is what follows, up to the end of the clause.
_EVENT = re.compile(
    r"\b(?P<relation>(?:in |during )?the week of|on the day of|after|before|since|until)\s+"
    r"(?P<event>(?:the|that|this|those|these)\s+[^?!.,;:]+)",
    re.IGNORECASE,
)
EVENT_CANDIDATES = 3  # how many of the best sentences for the event may date it


def event_range(
    question: str,
    dated: Sequence[SentenceDates],
    find_event: Callable[[str], Sequence[int]],
) -> tuple[str, DateRange] | None:
    """(event, days) for a question whose range is anchored on an event the article dates.

    `find_event(phrase)` ranks the article's sentences for the event phrase, best first;
    the first of the best few with a calendar date dates the event ("the talks" -> the
    sentence saying the talks were on 2025-11-19). "in the week of" gives that week,
    Monday to Sunday; "after"/"before" the days strictly after/before it; "since"/"until"
    include it; "on the day of" is the day itself. None when no such phrase, the phrase is
    itself a date (question_range handles those), or the event has no calendar date.
    """
    match = _EVENT.search(question)
    if match is None or question_range(match.group(0), date(2000, 1, 1)) is not None:
        return None
    event = match.group("event").strip()
    for position in list(find_event(event))[:EVENT_CANDIDATES]:
        values = [v for v in dated[position].values if v.first is not None and v.last]
        if values:
            first, last = values[0].first, values[0].last
            assert first is not None and last is not None
            return event, _around(match.group("relation").lower(), first, last)
    return None


def _around(relation: str, first: date, last: date) -> DateRange:
    if relation.endswith("week of"):
        monday = week_start(first)
        return monday, monday + timedelta(days=6)
    return {
        "after": (last + timedelta(days=1), None),
        "before": (None, first - timedelta(days=1)),
        "since": (first, None),
        "until": (None, last),
    }.get(relation, (first, last))
