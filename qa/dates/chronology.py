"""The article's timeline as the chat shows it: every day, span, month or year the article
states, in calendar order, each linked to the sentence stating it.

`qa.dates.timeline` lists the (month, day) pairs an article writes out, which the gist
and the suggested date questions are built on. Many stories date their events otherwise:
"on Saturday", "last month" (grounded against the article's date, qa.dates.grounding),
"in 2019", "in January 2027". A museum's reopening story dated all five that way, and
the pane said "No dated events found in this article." The chronology takes them all.

Only what a sentence states counts (not what it inherits), and a time stamp line dates
the article, not an event. Days written without a year, where the article's date is
unknown, sort as in the latest year the article names (a story's undated days are most
often its latest ones).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from index.sentences import Sentence
from qa.dates.datelines import is_time_stamp
from qa.dates.days import month_number, year_for
from qa.dates.grounding import ground_sentences
from qa.dates.patterns import MONTH_ONLY
from qa.dates.timeline import summarize
from qa.dates.values import GroundedDate, month_day_label

# A year named alone after a preposition ("in 2019", "since early 2021"): a number of
# visitors or a price ("2,019 visitors", "2019 euros") has none.
# History reaches back past 1900 ("in 1066"); a figure run on ("in 1,233 km") is no year.
_YEAR_ALONE = re.compile(
    r"\b(?:in|since|by|until|before|after|during|from|through|of)\s+"
    r"(?:(?:early|late|mid)[\s-]+)?(?P<y>1\d{3}|20\d{2})(?![\w,.-]?\d)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DatedEvent:
    """One date the article states, how it is written on the timeline, and what happened."""

    label: str  # "March 7, 2026", "February 2026", "2019", "November 23" (year unknown)
    # (year, month, day) it begins on, to sort by: a year alone is (year, 0, 0), and a day
    # of unknown year takes the latest year the article names.
    first: tuple[int, int, int]
    position: int  # the sentence's 0-based number
    summary: str
    sentence: str


def _grounded_label(value: GroundedDate) -> tuple[str, tuple[int, int, int]]:
    """How a grounded date is written, and the day it begins on."""
    if value.first is None or value.last is None:
        assert value.partial is not None
        month, day = value.partial
        return month_day_label(month, day), (0, month, day)
    first, last = value.first, value.last
    start = (first.year, first.month, first.day)
    if first == last:
        return f"{month_day_label(first.month, first.day)}, {first.year}", start
    month_days = calendar.monthrange(first.year, first.month)[1]
    if first.day == 1 and (last.year, last.month, last.day) == (
        first.year,
        first.month,
        month_days,
    ):
        return f"{calendar.month_name[first.month]} {first.year}", start
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
        first.year == last.year
    ):
        return str(first.year), start
    if (first.year, first.month) == (last.year, last.month):
        return f"{calendar.month_name[first.month]} {first.day}–{last.day}, {first.year}", start
    if first.year == last.year:
        begin = month_day_label(first.month, first.day)
        return f"{begin} – {month_day_label(last.month, last.day)}, {first.year}", start
    begin = f"{month_day_label(first.month, first.day)}, {first.year}"
    return f"{begin} – {month_day_label(last.month, last.day)}, {last.year}", start


def _named(text: str, article_day: date | None) -> list[tuple[str, str, tuple[int, int, int]]]:
    """The months and years `text` names without a day: (phrase, label, first day)."""
    named = []
    for match in MONTH_ONLY.finditer(text):
        month = month_number(match.group("mon").rstrip("."))
        if match.group("y"):
            year = int(match.group("y"))
        elif article_day is not None:
            year = year_for(month, article_day)
        else:
            continue  # "in October" of an undated article: which October is unknown
        named.append((match.group("v"), f"{calendar.month_name[month]} {year}", (year, month, 1)))
    for match in _YEAR_ALONE.finditer(text):
        year = int(match.group("y"))
        named.append((match.group("y"), str(year), (year, 0, 0)))
    return named


def chronology(sentences: Sequence[Sentence], article_day: date | None) -> list[DatedEvent]:
    """Every date the article's sentences state, earliest first (ties in article order)."""
    found: list[tuple[str, str, tuple[int, int, int], Sentence]] = []
    for sentence, values in zip(sentences, ground_sentences(sentences, article_day), strict=True):
        if is_time_stamp(sentence.text):
            continue
        stated = [(v.text, *_grounded_label(v)) for v in values]
        for phrase, label, first in stated + _named(sentence.text, article_day):
            found.append((phrase, label, first, sentence))
    years = [first[0] for _, _, first, _ in found if first[0]]
    latest = max(years, default=0)
    events: list[DatedEvent] = []
    seen: set[tuple[str, int]] = set()
    for phrase, label, first, sentence in found:
        if (label, sentence.position) in seen:
            continue
        seen.add((label, sentence.position))
        when = (first[0] or latest, first[1], first[2])
        summary = summarize(sentence.text, phrase)
        events.append(DatedEvent(label, when, sentence.position, summary, sentence.text))
    return sorted(events, key=lambda event: (event.first, event.position))
