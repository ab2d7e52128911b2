"""Each sentence's dates, stated or inherited, as retrieval and citations use them.

A sentence that states no date is about the last date stated before it, fading with
distance: "Just days later, on November 23, ... The target was ..." puts the target on
November 23. One rule (`inherit`) gives that for both kinds of date: (month, day) pairs,
which the date signal matches against a question, and grounded dates, which date
ranges and citations use. A sentence that names a day of its own that the kind cannot
hold ("last Tuesday" has no (month, day), nor a grounded date in an article without a
date) is about that day, not the one before: it inherits nothing, and passes nothing on
("made between January 8 and March 21 ... cans collected from a pharmacy in Toledo,
Ohio, last Tuesday" is not about January 8).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from index.sentences import Sentence
from qa.dates.days import whole_months
from qa.dates.finding import find_dates, names_a_day
from qa.dates.grounding import ground_sentences
from qa.dates.values import GroundedDate, MonthDay, label

INHERIT_DECAY = 0.6  # an inherited date's strength per sentence of distance
INHERIT_SPAN = 4  # sentences after the last stated date that still inherit it

_Dates = TypeVar("_Dates", bound=Collection[object])


def inherit(
    stated: Iterable[_Dates], none: _Dates, own_days: Iterable[bool] | None = None
) -> Iterator[tuple[_Dates, float]]:
    """For each sentence's stated dates, the dates it is about and how strongly.

    Its own dates at 1.0 when it states any; else the last ones stated before it, at
    INHERIT_DECAY ** distance, up to INHERIT_SPAN sentences on; else `none` at 0.0. Only
    the last stated dates are remembered, so this is one pass over the sentences.
    `own_days`, where given, says for each sentence whether it names a day of its own:
    one that states none of `stated`'s kind gets `none` at 0.0, and the sentences after
    it inherit nothing from before it.
    """
    current = none
    distance = 0
    naming = iter(own_days) if own_days is not None else None
    for own in stated:
        names_own_day = next(naming, False) if naming is not None else False
        if own:
            current, distance = own, 0
            yield own, 1.0
            continue
        if names_own_day:
            current = none
            yield none, 0.0
            continue
        distance += 1
        if current and distance <= INHERIT_SPAN:
            yield current, INHERIT_DECAY**distance
        else:
            yield none, 0.0


def own_days(sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether it names a day in any way (qa.dates.finding.names_a_day):
    worked out once for both kinds of date."""
    return [names_a_day(sentence.text) for sentence in sentences]


def sentence_dates(
    sentences: Sequence[Sentence], named_days: Sequence[bool] | None = None
) -> list[dict[MonthDay, float]]:
    """For each sentence, the (month, day) pairs it is about with a strength in 0..1
    (`named_days`: `own_days` of the sentences, where already worked out)."""
    stated = (find_dates(sentence.text) for sentence in sentences)
    named = own_days(sentences) if named_days is None else named_days
    inherited = inherit(stated, set(), named)
    return [dict.fromkeys(days, strength) for days, strength in inherited]


@dataclass(frozen=True)
class SentenceDates:
    """The dates a sentence is about, and how strongly (1 = stated in it)."""

    values: tuple[GroundedDate, ...]
    strength: float

    def labels(self) -> list[str]:
        """Readable dates for a citation ("2025-11-23", "November 23")."""
        return [label(v) for v in self.values]


def _passed_on(value: GroundedDate) -> bool:
    """Whether a date a sentence states dates the sentences after it too: not a whole
    month or year ("asbestos found in 2019", "returned last month"), which news names in
    passing; the story's days go on around it."""
    first, last = value.first, value.last
    return first is None or last is None or not whole_months(first, last)


def dated_sentences(
    sentences: Sequence[Sentence],
    article_day: date | None,
    named_days: Sequence[bool] | None = None,
) -> list[SentenceDates]:
    """For each sentence, its own grounded dates or the last ones stated before it that
    are passed on (`_passed_on`; `named_days`: `own_days` of the sentences, where already
    worked out)."""
    stated = [tuple(values) for values in ground_sentences(sentences, article_day)]
    passed = (tuple(v for v in values if _passed_on(v)) for values in stated)
    # A sentence that grounds a day of its own states it; one that names a day it cannot
    # ground ("last Tuesday" with no article date) stops the dates before it.
    named = own_days(sentences) if named_days is None else named_days
    unground = (not own and names for own, names in zip(stated, named, strict=True))
    inherited = inherit(passed, (), unground)
    return [
        SentenceDates(own, 1.0) if own else SentenceDates(values, strength)
        for own, (values, strength) in zip(stated, inherited, strict=True)
    ]


def stating(dated: Sequence[SentenceDates], position: int) -> int | None:
    """The sentence that states the dates sentence `position` is about: itself when it
    states them, else the one before it they are inherited from; None when it has none."""
    values = dated[position].values
    if not values:
        return None
    for back in range(position, max(-1, position - INHERIT_SPAN - 1), -1):
        if dated[back].strength == 1.0 and dated[back].values == values:
            return back
    return None
