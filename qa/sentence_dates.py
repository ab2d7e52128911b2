"""Each sentence's grounded dates, as retrieval and citations use them.

qa.grounded_dates resolves what a sentence itself says ("November 23" -> 2025-11-23,
"two days later" from the previous date). A sentence that states no date is about the
last date stated before it, fading with distance, the same rule qa.dates applies to
(month, day) pairs: "Just days later, on November 23 ... The target was ..." puts the
target on November 23.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from index.sentences import Sentence
from qa.dates import INHERIT_DECAY, INHERIT_SPAN
from qa.grounded_dates import (
    DateRange,
    GroundedDate,
    format_grounded,
    ground_sentences,
    overlaps,
    question_range,
)


@dataclass(frozen=True)
class SentenceDates:
    """The dates a sentence is about, and how strongly (1 = stated in it)."""

    values: tuple[GroundedDate, ...]
    strength: float

    def labels(self) -> list[str]:
        """Readable dates for a citation ("2025-11-23", "November 23")."""
        return [label(v) for v in self.values]


def label(value: GroundedDate) -> str:
    """ISO day or range; "November 23" when the article's year is unknown."""
    if value.partial is not None:
        month, day = value.partial
        return f"{date(2000, month, day):%B} {day}"
    return format_grounded(value)


def dated_sentences(sentences: list[Sentence], article_day: date | None) -> list[SentenceDates]:
    """For each sentence, its own dates or the last ones stated within INHERIT_SPAN before."""
    result: list[SentenceDates] = []
    current: tuple[GroundedDate, ...] = ()
    distance = 0
    for own in ground_sentences(sentences, article_day):
        if own:
            current, distance = tuple(own), 0
            result.append(SentenceDates(current, 1.0))
            continue
        distance += 1
        if current and distance <= INHERIT_SPAN:
            result.append(SentenceDates(current, INHERIT_DECAY**distance))
        else:
            result.append(SentenceDates((), 0.0))
    return result


def range_scores(
    question: str, dated: list[SentenceDates], article_day: date | None
) -> tuple[DateRange | None, list[float]]:
    """The date range a question asks about ("after November 20", "last week") and, for
    each sentence, how strongly it is about a day in that range (0 when none)."""
    window = question_range(question, article_day)
    if window is None:
        return None, [0.0] * len(dated)
    return window, scores_within(window, dated)


def scores_within(window: DateRange, dated: list[SentenceDates]) -> list[float]:
    """How strongly each sentence is about a day in `window` (0 when none)."""
    return [d.strength if any(overlaps(v, window) for v in d.values) else 0.0 for d in dated]


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
    dated: list[SentenceDates],
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
        monday = first - timedelta(days=first.weekday())
        return monday, monday + timedelta(days=6)
    return {
        "after": (last + timedelta(days=1), None),
        "before": (None, first - timedelta(days=1)),
        "since": (first, None),
        "until": (None, last),
    }.get(relation, (first, last))
