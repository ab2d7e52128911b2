"""The dated events of an article, in calendar order, each linked to the sentence stating it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.sentences import Sentence
from qa.dates.datelines import is_time_stamp
from qa.dates.finding import date_phrases, find_dates
from qa.dates.values import month_day_label

# An event line is the clause after the date ("..., on November 23, the IDF confirmed
# another air strike in Beirut"): the date clause itself is mostly scaffolding.
_CLAUSE = re.compile(r"[^,;:–—]+[,;:–—]?")
_LEADING_LINK = re.compile(
    r"^(?:when|as|after|and|while|where|then|that|which|who)\s+", re.IGNORECASE
)
SUMMARY_WORDS = 24
_MIN_SUMMARY_WORDS = 4
# Words besides the date before an event the summary may leave out ("Just days later, on").
_MAX_LEAD_WORDS = 4


@dataclass(frozen=True)
class TimelineEvent:
    """One date the article states, the sentence stating it, and a short line about it."""

    month: int
    day: int
    position: int  # the sentence's 0-based number
    summary: str
    sentence: str

    @property
    def label(self) -> str:
        """The date as people write it, e.g. "November 23"."""
        return month_day_label(self.month, self.day)


def _shorten(text: str, words: int = SUMMARY_WORDS) -> str:
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:") + " …"


def summarize(sentence: str, phrase: str | None = None) -> str:
    """The part of a dated sentence that says what happened, at most SUMMARY_WORDS words:
    what follows the clause holding its date (`phrase`, where given: "on Saturday", "in
    2019"; else the first (month, day) it writes out)."""
    clauses = [c.strip() for c in _CLAUSE.findall(sentence) if c.strip()]

    def dates_it(clause: str) -> bool:
        return phrase.lower() in clause.lower() if phrase else bool(find_dates(clause))

    dated = next((i for i, clause in enumerate(clauses) if dates_it(clause)), None)
    if dated is not None and dated + 1 < len(clauses):
        joined = " ".join(clauses[dated + 1 :])
        rest = _LEADING_LINK.sub("", joined).strip()
        # What follows is the event where it is linked to the date ("..., when a lorry
        # struck") or where what came before says little more than the date ("Just days
        # later, on November 23, the IDF ..."); not "Veltrix, founded in 1998 in Taipei,
        # had revenue of ...", whose event is in the date's own clause.
        head = " ".join(clauses[: dated + 1])
        date_words = phrase or next(iter(date_phrases(clauses[dated])), "")
        scaffolding = len(head.split()) - len(date_words.split()) <= _MAX_LEAD_WORDS
        linked = rest != joined.strip()
        if (linked or scaffolding) and len(rest.split()) >= _MIN_SUMMARY_WORDS:
            return _shorten(rest[:1].upper() + rest[1:])
    return _shorten(sentence.strip())


def timeline(sentences: Sequence[Sentence]) -> list[TimelineEvent]:
    """Every (month, day) a sentence states, earliest first (ties in article order).

    Only sentences that state a date count, not those that inherit one: the event is
    linked to where the article says it happened. Years are not known, so an article
    running from December into January sorts January first. A time stamp on a line of
    its own ("March 3, 2026 11:42 AM GMT") dates the article, not an event: left out.
    """
    events = []
    for sentence in sentences:
        days = find_dates(sentence.text)
        if not days or is_time_stamp(sentence.text):
            continue
        summary = summarize(sentence.text)  # once per sentence, however many dates it has
        for month, day in sorted(days):
            events.append(TimelineEvent(month, day, sentence.position, summary, sentence.text))
    return sorted(events, key=lambda event: (event.month, event.day, event.position))
