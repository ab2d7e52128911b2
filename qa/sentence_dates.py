"""Each sentence's grounded dates, as retrieval and citations use them.

qa.grounded_dates resolves what a sentence itself says ("November 23" -> 2025-11-23,
"two days later" from the previous date). A sentence that states no date is about the
last date stated before it, fading with distance, the same rule qa.dates applies to
(month, day) pairs: "Just days later, on November 23 ... The target was ..." puts the
target on November 23.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
    scores = [d.strength if any(overlaps(v, window) for v in d.values) else 0.0 for d in dated]
    return window, scores
