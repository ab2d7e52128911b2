"""The article's timeline as the chat shows it: every day, span, month or year the article
states, in calendar order, each linked to the sentence stating it.

`qa.dates.timeline` lists the (month, day) pairs an article writes out, which the gist
and the suggested date questions are built on. Many stories date their events otherwise:
"on Saturday", "last month" (counted from the article's date), "in 2019", "in January
2027" (a whole year or month), all grounded by qa.dates.grounding. A museum's reopening
story dated all five that way, and the pane said "No dated events found in this
article." The chronology takes them all.

Only what a sentence states counts (not what it inherits), and a time stamp line dates
the article, not an event. Days written without a year, where the article's date is
unknown, sort as in the latest year the article names (a story's undated days are most
often its latest ones).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from index.sentences import Sentence
from qa.dates.datelines import is_time_stamp
from qa.dates.days import whole_months
from qa.dates.grounding import ground_sentences
from qa.dates.timeline import summarize
from qa.dates.values import GroundedDate, month_day_label


@dataclass(frozen=True)
class DatedEvent:
    """One date the article states, how it is written on the timeline, and what happened."""

    label: str  # "March 7, 2026", "February 2026", "2019", "November 23" (year unknown)
    # (year, month, day) it begins on, to sort by; a day of unknown year takes the latest
    # year the article names.
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
    if whole_months(first, last) and (first.year, first.month) == (last.year, last.month):
        return f"{calendar.month_name[first.month]} {first.year}", start
    if whole_months(first, last) and (first.year, first.month, last.month) == (last.year, 1, 12):
        return str(first.year), start
    if (first.year, first.month) == (last.year, last.month):
        return f"{calendar.month_name[first.month]} {first.day}–{last.day}, {first.year}", start
    if first.year == last.year:
        begin = month_day_label(first.month, first.day)
        return f"{begin} – {month_day_label(last.month, last.day)}, {first.year}", start
    begin = f"{month_day_label(first.month, first.day)}, {first.year}"
    return f"{begin} – {month_day_label(last.month, last.day)}, {last.year}", start


def chronology(sentences: Sequence[Sentence], article_day: date | None) -> list[DatedEvent]:
    """Every date the article's sentences state, earliest first (ties in article order)."""
    found: list[tuple[str, str, tuple[int, int, int], Sentence]] = []
    for sentence, values in zip(sentences, ground_sentences(sentences, article_day), strict=True):
        if is_time_stamp(sentence.text):
            continue
        for value in values:
            found.append((value.text, *_grounded_label(value), sentence))
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
