"""A person is no place, nor a time: "Where did he talk to the press?" is not answered
"reporters", nor "Where are the ministers meeting?" "Wednesday".

The reader, reading "told reporters in Brasília", gave "reporters" (0.86) for where he
spoke. Where a question asks where, a span that names people by a noun in small letters
("reporters", "conservators", "residents") is set aside for the reader's runner-up in its
sentence, where it believed it. A name is left alone: a place's name and a person's look
the same, and "the Red Cross" may be where someone works. A day, a date or a time of
day alone ("Wednesday", "March 3", "6 p.m.") is set aside likewise: it says when.

The other way round, a place is no one: "Who runs Solvane?" is not answered "Merriton"
of "based in Merriton", nor "Who hailed the talks as a breakthrough?" "Ras EnNakoura" of
"the talks with Israel in Ras EnNakoura". Where a question asks who, a name the article
sets right after "in" or "near" is a place, whatever it looks like, and is set aside the
same way ("at" is left alone: "talks at the UN" names who held them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.dates.patterns import MONTH_NAMES, WEEKDAYS
from qa.person_nouns import names_a_role
from qa.reading import ReadSpan, set_aside

# "Where ...?", "From where ...?", "To where ...?": a place asked, opening the question.
_WHERE = re.compile(r"^\W*(?:(?:from|to|and|so)\s+)?where\b", re.IGNORECASE)


def not_people(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those naming people by a noun in small letters, where `question`
    asks where; each replaced by the reader's runner-up in its sentence where it
    believed it."""
    if _WHERE.match(question) is None:
        return list(spans)
    return set_aside(
        spans,
        lambda span: (
            (span.text[:1].islower() and names_a_role(span.text))
            or _WHEN_ALONE.match(span.text) is not None
        ),
    )


_WHO = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:who|whom)\b", re.IGNORECASE)
# "in", "near" right before a capitalised word: a place.
_IN_PLACE = re.compile(r"\b(?:in|near)\s+$", re.IGNORECASE)


def not_places(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less names set right after "in" or "near" in `text` (the article the
    spans' offsets are in), where `question` asks who; each replaced by the reader's
    runner-up in its sentence where it believed it."""
    if _WHO.match(question) is None:
        return list(spans)
    return set_aside(
        spans,
        lambda span: (
            span.text[:1].isupper()
            and _IN_PLACE.search(text, max(0, span.start - 8), span.start) is not None
            # "in April 1999" says when, not where.
            and _CALENDAR_WORD.match(span.text) is None
        ),
    )


_MONTHS = "|".join(MONTH_NAMES)
# A month or a weekday opening a span: a time, not a place.
_CALENDAR_WORD = re.compile(rf"(?:{'|'.join(WEEKDAYS)}|{_MONTHS})\b", re.IGNORECASE)
# A day, a date or a time of day and nothing else: "Wednesday", "on March 3", "6:15 p.m.",
# "last Tuesday, April 22".
_WHEN_ALONE = re.compile(
    rf"^(?=.*\w)\W*(?:(?:on|at|by|until|last|next|this|early|late|about|around)\s+)*"
    rf"(?:(?:{'|'.join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?,?\s*)?"
    rf"(?:(?:{_MONTHS})\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?"
    r"|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?))?\W*$",
    re.IGNORECASE,
)
