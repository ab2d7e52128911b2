"""Finding dates in text: (month, day) pairs for matching, and every groundable phrase.

"Nov. 23" in a question finds "23rd of November" in a sentence because both read as
(11, 23). Grounding needs more (weekdays, "yesterday", "two days later") and one
reading per stretch of text, so `date_hits` also settles overlaps, longest first.
"""

from __future__ import annotations

import re

from qa.dates.days import day_number, make, month_number
from qa.dates.patterns import AMBIGUOUS_MONTHS, GROUNDABLE, MONTH_DAY, WEEKDAYS
from qa.dates.values import MonthDay, month_day_label

Hit = tuple[str, re.Match[str]]  # (kind, match): the kind names the GROUNDABLE pattern


def find_dates(text: str) -> set[MonthDay]:
    """The (month, day) pairs mentioned in `text` (days that do not exist are skipped)."""
    found: set[MonthDay] = set()
    for match in MONTH_DAY.finditer(text):
        month = month_number(match.group("mon") or match.group("mon2"))
        day = day_number(match.group("d") or match.group("d2"))
        if make(2000, month, day):  # a leap year, so February 29 counts
            found.add((month, day))
    return found


def date_phrases(text: str) -> list[str]:
    """The date phrases as written in `text` ("Nov. 23", "23rd of November")."""
    return [match.group(0) for match in MONTH_DAY.finditer(text)]


# A question that is a day and nothing else: "November 19?", "and on nov. 19", "the 19th
# of November 2025?", "on Saturday?".
_DAY_ALONE_QUESTION = re.compile(
    rf"^\s*(?:and\s+)?(?:on\s+)?(?:(?P<weekday>{'|'.join(WEEKDAYS)})|(?:the\s+)?"
    rf"(?P<day>{MONTH_DAY.pattern}(?:,?\s+(?:19|20)\d{{2}})?))\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# A year written after a day ("14 March 1968", "November 14, 2024"): part of the phrase.
_YEAR_AFTER = re.compile(r",?\s+(?:1[0-9]|20)\d{2}\b")


def date_spans(text: str, days: set[MonthDay]) -> list[tuple[int, int]]:
    """Where `text` writes one of `days` (with the year after it, if any): (start, end)
    offsets in text order."""
    spans = []
    for match in MONTH_DAY.finditer(text):
        month = month_number(match.group("mon") or match.group("mon2"))
        if (month, day_number(match.group("d") or match.group("d2"))) not in days:
            continue
        year = _YEAR_AFTER.match(text, match.end())
        spans.append((match.start(), year.end() if year else match.end()))
    return spans


def only_a_day(text: str) -> str | None:
    """The date phrase of a question that names a day and nothing else ("November 19?",
    "on November 19", "Saturday?"), or None."""
    found = _DAY_ALONE_QUESTION.match(text)
    if found is None:
        return None
    if found["weekday"]:
        return found["weekday"].capitalize()
    return found["day"] if find_dates(found["day"]) else None


def remove_dates(text: str) -> str:
    """`text` with its date phrases blanked out (the date signal scores them instead)."""
    return MONTH_DAY.sub(" ", text)


def _a_word_not_a_month(match: re.Match[str]) -> bool:
    """Whether a date phrase's month is an ordinary word ("may have"): a month word that
    is also one counts only when capitalised."""
    month = match.groupdict().get("mon")
    if not month:
        return False
    return month.rstrip(".").lower() in AMBIGUOUS_MONTHS and month.islower()


def date_hits(text: str) -> list[Hit]:
    """Every groundable date phrase in `text` in text order; where phrases overlap, the
    longest wins (the earlier one, then the earlier pattern, on a tie).

    Linear in the text: the characters already claimed are marked in a bytearray, and
    each pattern's matches do not overlap one another, so all the checks together read
    each character at most once per pattern.
    """
    found: list[Hit] = []
    for kind, pattern in GROUNDABLE:
        for match in pattern.finditer(text):
            if not _a_word_not_a_month(match):
                found.append((kind, match))
    found.sort(key=lambda hit: (-(hit[1].end() - hit[1].start()), hit[1].start()))
    claimed = bytearray(len(text))
    taken: list[Hit] = []
    for kind, match in found:
        start, end = match.span()
        if claimed.find(1, start, end) == -1:
            claimed[start:end] = b"\x01" * (end - start)
            taken.append((kind, match))
    return sorted(taken, key=lambda hit: hit[1].start())


# Kinds of date phrase (qa.dates.patterns.GROUNDABLE) that name one day: not a schedule,
# a month, a year or a period such as "last week".
_DAY_KINDS = frozenset({"iso", "range", "day", "word", "weekday", "offset", "step"})


# Every phrase of those kinds has a digit or one of these words in it: most sentences
# need no closer look.
_MAY_NAME_A_DAY = re.compile(r"\d|day|night|tomorrow|week|month|morning|evening", re.IGNORECASE)


def names_a_day(text: str) -> bool:
    """Whether `text` names a day in any way ("on November 23", "last Saturday",
    "yesterday", "two days later"): as `date_hits` would find one, without settling
    overlaps, which among these kinds only a weekly schedule wins ("Monday-Friday")."""
    if _MAY_NAME_A_DAY.search(text) is None:
        return False
    schedules = [
        match.span()
        for kind, pattern in GROUNDABLE
        if kind == "schedule"
        for match in pattern.finditer(text)
    ]
    for kind, pattern in GROUNDABLE:
        if kind not in _DAY_KINDS:
            continue
        for match in pattern.finditer(text):
            if _a_word_not_a_month(match):
                continue
            if not any(start <= match.start() and match.end() <= end for start, end in schedules):
                return True
    return False


# "on the 23rd", "since the 19th": a day of the month with no month, at the end of a
# clause (not "on the 19th floor"). A date phrase already names its month: left alone.
_DAY_ALONE = re.compile(
    r"\b(?P<prep>on|since|by|until|before|after|from)\s+the\s+"
    r"(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[?.!,;:]|$|\s(?:and|or|in|at|when|while)\b))",
    re.IGNORECASE,
)


def name_days(text: str, stated: set[MonthDay]) -> str:
    """`text` with each day named without its month ("on the 23rd") named with it
    ("on November 23") where exactly one of the `stated` dates falls on that day; as
    written where none does, or several do."""

    def named(match: re.Match[str]) -> str:
        day = int(match["day"])
        months = sorted(month for month, stated_day in stated if stated_day == day)
        if len(months) != 1:
            return match.group(0)
        return f"{match['prep']} {month_day_label(months[0], day)}"

    return _DAY_ALONE.sub(named, text) if stated else text


# A year typed by its last two digits after an apostrophe: "in '53", "the ’08 crash" (not
# "the '90s", a decade).
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](\d\d)(?![\w'’])")
# The years an article states: four digits, 1000-2099, not inside a number ("1,953.5").
_YEAR = re.compile(r"(?<!\d)(?<!\d[,.])(1\d\d\d|20\d\d)(?!\d|[,.]\d)")


def stated_years(text: str) -> set[int]:
    """The years `text` states in four digits."""
    return {int(found) for found in _YEAR.findall(text)}


def name_years(text: str, stated: set[int]) -> str:
    """`text` with each year typed by its last two digits ("in '53") written in full
    ("in 1953") where exactly one of the `stated` years ends so; as written where none
    does, or several do ("'53" beside 1853 and 1953)."""

    def named(match: re.Match[str]) -> str:
        years = [year for year in stated if year % 100 == int(match.group(1))]
        return str(years[0]) if len(years) == 1 else match.group(0)

    return _SHORT_YEAR.sub(named, text) if stated else text
