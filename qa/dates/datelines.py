"""The article's own date: from metadata, else from a dateline at the top of the text.

Grounding counts "yesterday" and "on Tuesday" from this date, and gives year-less dates
its year; without it those stay partial or are left out (`qa.dates.grounding`).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from qa.dates.days import day_number, make, month_number
from qa.dates.finding import date_hits
from qa.dates.grounding import iso_day
from qa.dates.patterns import DAY, MONTH, WEEKDAYS, YEAR
from qa.dates.values import MonthDay

HEAD_LINES = 6  # a dateline is looked for in this many non-blank lines at the top
HEAD_LINE_CHARS = 200  # ... and only at the start of each

_LABEL = re.compile(
    r"^\s*(?P<label>first\s+published|published|posted|dated|date|last\s+updated|updated"
    r"|last\s+modified|modified)\b\s*(?:on|at)?\s*[:\-—–|]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# What may come before a dateline's date: a place, maybe an agency ("BEIRUT,",
# "WASHINGTON (AP) —", "By Jane Doe,") -- a few capitalised words, then a separator.
_DATELINE_BEFORE = re.compile(
    r"^(?:[A-Z][\w.'’\-]*(?:\s+[A-Za-z][\w.'’\-]*){0,4}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?"
    r"\s*(?:\([A-Za-z .]+\))?\s*[,—–\-|]\s*)?$"
)
# What may follow it: end of line, an agency, a dash, a colon or a time.
_DATELINE_AFTER = re.compile(
    r"^\s*,?\s*(?:$|\([A-Za-z .]+\)|[—–\-|:]|T\d|\d{1,2}[:.]\d{2}|at\b)", re.IGNORECASE
)

Written = tuple[re.Match[str], date | None, MonthDay | None]

# A time stamp as a page prints it on a line of its own: "March 3, 2026 11:42 AM GMT",
# "Published: Tue 3 Mar 2026 11.42 GMT", "2026-03-03T11:42:00Z", "Updated 9:05 a.m. ET,
# March 4". Its time of day and zone are no event (qa.dates.timeline skips such lines).
_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_ZONE = r"(?-i:[A-Z]{2,5})(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}"
_WEEKDAY = "(?:" + "|".join(day[:3] + "(?:" + day[3:] + ")?" for day in WEEKDAYS) + r")\.?,?"
_ON_DAY = (
    rf"(?:{_WEEKDAY}\s+)?(?:{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|{DAY}\s+(?:of\s+)?{MONTH}"
    rf"(?:,?\s+{YEAR})?|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?)"
)
_STAMP_LABEL = (
    r"(?:(?:first\s+)?published|posted|(?:last\s+)?updated|(?:last\s+)?modified|dated?)"
    r"(?:\s+(?:on|at))?\s*:?"
)
_GAP = r"\s*[,|·•/—–-]?\s*"
_CLOCK = rf"(?:at\s+)?(?:{_TIME})(?:\s*\(?(?:{_ZONE})\)?)?"
_STAMP = rf"(?:{_STAMP_LABEL}\s*)?(?:{_CLOCK}{_GAP})?{_ON_DAY}(?:{_GAP}{_CLOCK})?"
TIME_STAMP = re.compile(rf"{_STAMP}(?:{_GAP}{_STAMP})*", re.IGNORECASE)


def _written_dates(text: str) -> list[Written]:
    """Each written date in `text` in order: with a year -> date, without -> (month, day)."""
    found: list[Written] = []
    for kind, match in date_hits(text):
        if kind == "iso":
            day = iso_day(match)
            if day:
                found.append((match, day, None))
        elif kind == "day":
            month, day_of_month = month_number(match.group("mon")), day_number(match.group("d"))
            if match.group("y"):
                full = make(int(match.group("y")), month, day_of_month)
                if full:
                    found.append((match, full, None))
            elif make(2000, month, day_of_month):
                found.append((match, None, (month, day_of_month)))
    return found


def _complete(month_day: MonthDay, text: str, year: int | None) -> date | None:
    """A dateline day without a year: `year` if given, else the earliest year that puts it
    on or after every date the article writes with a year (an article is not older than
    the dated events it reports); None when the article writes no year."""
    if year is not None:
        return make(year, *month_day)
    stated = [day for _, day, _ in _written_dates(text) if day is not None]
    if not stated:
        return None
    latest = max(stated)
    candidate = make(latest.year, *month_day)
    if candidate is not None and candidate >= latest:
        return candidate
    return make(latest.year + 1, *month_day)


def _as_day(
    day: date | None, month_day: MonthDay | None, text: str, year: int | None
) -> date | None:
    """A written date as a day: as written when it has a year, else completed."""
    if day is not None:
        return day
    assert month_day is not None
    return _complete(month_day, text, year)


def _first_date(
    fragment: str, text: str, year: int | None, *, at_start: bool = False
) -> date | None:
    """The first date written in `fragment` (with `at_start`, only one that opens it)."""
    for match, day, month_day in _written_dates(fragment):
        if at_start and fragment[: match.start()].strip():
            return None
        return _as_day(day, month_day, text, year)
    return None


def _dateline(line: str, text: str, year: int | None) -> date | None:
    for match, day, month_day in _written_dates(line):
        if not _DATELINE_BEFORE.match(line[: match.start()]):
            return None
        if not _DATELINE_AFTER.match(line[match.end() :]):
            return None
        return _as_day(day, month_day, text, year)
    return None


def is_time_stamp(line: str) -> bool:
    """Whether `line` is nothing but a publication time stamp (see TIME_STAMP): the
    dateline a page prints under its headline, not a sentence of the article."""
    line = line.strip().rstrip(".")
    return 0 < len(line) <= HEAD_LINE_CHARS and TIME_STAMP.fullmatch(line) is not None


def _from_metadata(value: date | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return _first_date(value, value, None)


def article_date(
    text: str, metadata_date: date | str | None = None, *, year: int | None = None
) -> date | None:
    """The article's own date: metadata, else a dateline at the top, else None.

    `metadata_date` may be a date, a datetime or an ISO string (an unreadable string
    counts as missing). The dateline is looked for in the first HEAD_LINES non-blank
    lines: a "Published:"/"Posted:"/"Date:" line, or a line starting with a date,
    perhaps after a place and an agency ("BEIRUT, Nov 24 (Reuters) -", "Nov. 24, 2025 —",
    "Monday, 24 November 2025", "2025-11-24"); "Updated:" only when nothing else is
    found. A dateline without a year ("Nov 24") takes `year`, else the earliest year that
    is not before any date written with a year in the article, else gives None.
    """
    from_metadata = _from_metadata(metadata_date)
    if from_metadata is not None:
        return from_metadata
    updated: date | None = None
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        head = line[:HEAD_LINE_CHARS]
        labelled = _LABEL.match(head)
        if labelled:
            found = _first_date(labelled.group("rest"), text, year, at_start=True)
            label = labelled.group("label").lower()
            if "updated" in label or "modified" in label:
                updated = updated or found
                continue
            if found is not None:
                return found
            continue
        found = _dateline(head, text, year)
        if found is not None:
            return found
    return updated
