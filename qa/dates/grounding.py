"""Dates in an article resolved to calendar days against the article's own date.

`find_dates` matches dates as (month, day) pairs; grounding resolves them: "November 23"
in an article dated 2025-11-24 is 2025-11-23, "yesterday" is 2025-11-23, "last week" is
2025-11-17 to 2025-11-23 and "two days later" counts from the date mentioned before it.

Reference rules
- The article date comes from metadata, else a dateline at the top
  (`qa.dates.datelines.article_date`), else it is unknown.
- A date written without a year takes the article date's year, or the year before when
  its month comes after the article's month (an article of 2026-01-03 saying
  "December 30" means 2025-12-30). A later month is therefore read as last year's,
  unless its sentence tells of what is to come ("will face Northport on May 16", "is set
  to begin in September"): then it is this year's.
- "later / earlier / after that / before that / the next day / the previous day" count
  from the most recent date mentioned before them in the article (in an earlier
  sentence or earlier in the same sentence), whatever its kind; with none before them
  they are left out. Everything else relative ("yesterday", "on Tuesday", "last week",
  "earlier this month", "three days ago") counts from the article date.
- A weekday ("on Tuesday", "Sunday") is the most recent such day on or before the
  article date; "last Tuesday" is strictly before it and "next Tuesday" strictly after.
- Vague spans are ranges: "days later" is the 1st to the 7th day after the reference
  (VAGUE_DAYS), "days earlier"/"days ago" the 7 days before it.
- A month or year an event is placed in ("in January 2027", "during 2019", "in
  October") is that whole month or year; a year-less month takes its year as a day
  does, and is left out without the article date. It dates its own sentence only
  (`qa.dates.sentences`): news names such times in passing ("asbestos found in 2019").
- A weekly schedule ("from Tuesday to Sunday", "Monday-Friday") is no day.

Unknown article date
- Dates with an explicit year ("Nov 23, 2024", "2024-11-23") are still grounded.
- Dates without a year become partial: `first`/`last` are None and `partial` holds
  (month, day); a year-less range keeps its first day.
- Relative expressions anchored on the article date are left out (no value at all).
- Chains ("two days later") still work from a full date; from a partial date an exact
  offset gives a partial day, and a vague one ("days later") is left out.

Every value keeps the words it came from and their character offsets in the article
(`Sentence.start`-based), so a citation can show and highlight them. Only the previous
value is carried from phrase to phrase, so grounding is one pass over the text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from index.sentences import Sentence
from qa.dates.days import day_number, make, month_number, month_span, year_for
from qa.dates.finding import date_hits
from qa.dates.relative import Resolved, counts_from_article, from_article, from_previous
from qa.dates.values import GroundedDate

# A sentence telling of what is to come: "Harbor City will face Northport on May 16".
_FUTURE = re.compile(
    r"\b(?:will|shall|won[’']t|(?:is|are)\s+(?:due|set|scheduled|expected|planned)\s+to"
    r"|(?:is|are)\s+to|upcoming)\b",
    re.IGNORECASE,
)


def _year(month: int, day: int, article: date, ahead: bool) -> int:
    """The year of a year-less day: the article's, or the one before for a later day,
    unless the sentence tells of what is to come (`ahead`): "will face Northport on May
    16" in an article of April 27 is this May, not last May."""
    if ahead and (month, day) > (article.month, article.day):
        return article.year
    return year_for(month, article)


def _stated(match: re.Match[str], article: date | None, ahead: bool = False) -> Resolved | None:
    """A date written out: "November 23", "23 Nov 2024", "November 19-23"."""
    month = month_number(match.group("mon"))
    day = day_number(match.group("d"))
    second = match.groupdict().get("d2")
    last_day = day_number(second) if second else day
    if last_day < day:
        return None
    if match.group("y"):
        year = int(match.group("y"))
    elif article is not None:
        year = _year(month, day, article, ahead)
    else:
        return (month, day) if make(2000, month, day) else None
    first, last = make(year, month, day), make(year, month, last_day)
    return (first, last) if first and last else None


def iso_day(match: re.Match[str]) -> date | None:
    """The day of "2025-11-23", None for "2025-02-30"."""
    return make(int(match.group("y")), int(match.group("m")), int(match.group("d")))


def _resolve(
    kind: str,
    match: re.Match[str],
    article: date | None,
    previous: GroundedDate | None,
    ahead: bool = False,
) -> Resolved | None:
    if kind == "iso":
        day = iso_day(match)
        return (day, day) if day else None
    if kind in ("day", "range"):
        return _stated(match, article, ahead)
    if kind == "schedule":
        return None  # "from Tuesday to Sunday": every week, no day
    if kind == "year":
        year = int(match.group("y"))
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "month":
        month = month_number(match.group("mon"))
        if match.group("y"):
            return month_span(int(match.group("y")), month)
        if article is None:
            return None
        later = (month, calendar.monthrange(article.year, month)[1])
        return month_span(_year(*later, article, ahead), month)
    if counts_from_article(kind, match):
        return from_article(kind, match, article) if article is not None else None
    return from_previous(kind, match, previous)


def _grounded(
    text: str, offset: int, article: date | None, previous: GroundedDate | None
) -> list[GroundedDate]:
    values: list[GroundedDate] = []
    ahead = _FUTURE.search(text) is not None
    for kind, match in date_hits(text):
        resolved = _resolve(kind, match, article, previous, ahead)
        if resolved is None:
            continue
        start, end = offset + match.start(), offset + match.end()
        if isinstance(resolved[0], date):
            first, last = resolved
            assert isinstance(first, date) and isinstance(last, date)
            value = GroundedDate(match.group(0), start, end, first, last)
        else:
            month, day = resolved
            assert isinstance(month, int) and isinstance(day, int)
            value = GroundedDate(match.group(0), start, end, None, None, (month, day))
        values.append(value)
        previous = value
    return values


def ground_text(text: str, article_date: date | None) -> list[GroundedDate]:
    """The grounded dates of one text, in order; offsets are into `text`."""
    return _grounded(text, 0, article_date, None)


def ground_sentences(
    sentences: Sequence[Sentence], article_date: date | None
) -> list[list[GroundedDate]]:
    """For each sentence, the dates it states, grounded (see the module notes), in order.

    A sentence that states no date gets an empty list (no inheritance: `qa.dates.
    sentences` does that). Offsets are article offsets (`Sentence.start`-based).
    """
    result: list[list[GroundedDate]] = []
    previous: GroundedDate | None = None
    for sentence in sentences:
        values = _grounded(sentence.text, sentence.start, article_date, previous)
        if values:
            previous = values[-1]
        result.append(values)
    return result
