"""A length is no area: "How deep is Lake Sorna?" was answered "4.8 square kilometres"
(0.81), the lake's area, where the article gives no depth.

Where a question asks how deep, high, tall, wide, far or long something is, a span that
gives an area (square units, hectares, acres) answers something else: it is dropped from
what the reader found, so the other spans are weighed, or the question withheld. The
validation split's records hold no such answer to drop (/work/s32/sim/dimsim.py).

Nor is a time a distance: "How far from the zoo had she travelled?" was answered
"7:30 a.m" (when she was spotted), and "how far from zoo was the panda found" "six years"
(how long a keeper had worked there). Where a question asks how far, deep, high, tall or
wide (not "how long", which may ask a time), a span that is a time of day, a date or a
span of time is set aside for the reader's runner-up in its sentence, where it believed it.

Nor is a share or a sum a length, a time or an age: "How long has she been there?" was
answered "30 percent". Where a question asks how long, deep, tall, wide or old, a span
that is a percentage or an amount of money is set aside the same way.

Nor is the stretch a superlative compares over how long anything lasted: "How long did
the hail last?" was answered "more than two decades" of "their worst harvest in more than
two decades".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.dates.patterns import MONTH_NAMES, WEEKDAYS
from qa.reading import ReadSpan, set_aside
from qa.time_of_day import ONLY_A_TIME

_LENGTH_ASKED = re.compile(r"\bhow\s+(?P<asked>deep|high|tall|wide|far|long)\b", re.IGNORECASE)
_AREA = re.compile(r"\b(?:square|sq\.?)\s|\bkm[2²]|\bhectares?\b|\bacres?\b", re.IGNORECASE)


def not_areas(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those giving an area, where `question` asks a length."""
    if _LENGTH_ASKED.search(question) is None:
        return list(spans)
    return [span for span in spans if _AREA.search(span.text) is None]


# The dimension each word names; "far" and "long" both ask a length ("How far did the
# glacier retreat?" of "retreated 12 kilometres over a length of ...").
_DIMENSIONS = {
    **dict.fromkeys(("deep", "depth", "depths"), "depth"),
    **dict.fromkeys(("high", "height", "tall", "altitude", "elevation"), "height"),
    **dict.fromkeys(("wide", "width", "breadth", "across"), "width"),
    **dict.fromkeys(("long", "length", "far", "distance"), "length"),
}
_DIMENSION = "|".join(_DIMENSIONS)
# Named before the span: "a maximum depth of 268 metres", "at a height of"; after it:
# "268 metres deep", "30 metres high", "a 48-metre-long hull".
_BEFORE = re.compile(
    rf"\b(?P<word>{_DIMENSION})\s+(?:of|at)\s+(?:about\s+|some\s+|up\s+to\s+)?$", re.I
)
_AFTER = re.compile(rf"^[\s-]*(?P<word>{_DIMENSION})\b", re.IGNORECASE)


def of_the_dimension(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less those the article says measure another dimension than the one
    `question` asks (`text`: the article the spans' offsets are in)."""
    asked = _LENGTH_ASKED.search(question)
    if asked is None:
        return list(spans)
    wanted = _DIMENSIONS[asked["asked"].lower()]
    return [span for span in spans if _measured(span, text) in (None, wanted)]


def _measured(span: ReadSpan, text: str) -> str | None:
    """The dimension the words beside `span` say it measures, or None."""
    before = _BEFORE.search(text[max(0, span.start - 40) : span.start])
    after = _AFTER.match(text[span.end : span.end + 20])
    found = before or after
    return _DIMENSIONS[found["word"].lower()] if found else None


# Not "how far into the flight", "how far apart were the doses", "how far along": those
# may ask a time.
_SPACE_ASKED = re.compile(r"\bhow\s+(?:deep|high|tall|wide|far)\b", re.IGNORECASE)
# (The question may be read reworded: "How far were apart the two doses given?")
# "How far is the drive?" may be answered "5.5 hours", as travellers measure it.
_FAR_IN_TIME = re.compile(
    r"\bhow\s+far\b(?:\s+\w+)*?\s+(?:into|apart|along|through)\b"
    r"|\b(?:drive|walk|ride|flight|trip|journey|commute|sail)s?\b",
    re.IGNORECASE,
)
# A clock time, a unit of time, a weekday or a month: when, or for how long.
_TIME = re.compile(
    # ("light-years" is a distance)
    # (nor a rate: "65 kilometres per hour" is a speed)
    r"\d:\d\d|\b[ap]\.?m\b|(?<![\w-])(?<!per\s)(?<!an\s)(?<!a\s)"
    r"(?:second|minute|hour|day|week|month|year|decade|century)s?\b"
    # ("may" is as often the verb)
    rf"|\b(?:{'|'.join(WEEKDAYS)}|{'|'.join(m for m in MONTH_NAMES if m != 'may')})\b",
    re.IGNORECASE,
)


def not_times(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those that say when or for how long, where `question` asks how
    far, deep, high, tall or wide; each replaced by the reader's runner-up in its
    sentence where it believed it."""
    if _SPACE_ASKED.search(question) is None or _FAR_IN_TIME.search(question):
        return list(spans)
    # Nor by a speed, where a length is asked ("148 kilometres per hour" for "How far is
    # that from the town?"); "How high did the winds reach?" may be.
    rates = _DISTANCE_ASKED.search(question) is not None
    return set_aside(
        spans,
        lambda span: (
            _TIME.search(span.text) is not None or (rates and _RATE.search(span.text) is not None)
        ),
    )


_DISTANCE_ASKED = re.compile(r"\bhow\s+(?:deep|tall|wide|far)\b", re.IGNORECASE)
_RATE = re.compile(
    r"\bper\s+(?:second|minute|hour|day)\b|\b(?:km/h|mph|knots)\b|/\s*(?:s|h|hr)\b",
    re.IGNORECASE,
)


# (Not "how far" nor "how high": "How far did the index drop?" is answered "1.8 percent",
# "How high could the fee go?" "80 million euros".)
_LENGTH_OR_AGE_ASKED = re.compile(r"\bhow\s+(?:long|deep|tall|wide|old)\b", re.IGNORECASE)
# A share or a sum: "30 percent", "18%", "$2.6 million", "40 euros".
_AMOUNT = re.compile(
    r"\d\s*%|\b(?:percent|per\s+cent|percentage\s+points?)\b|[$€£¥]\s?\d"
    r"|\d[\d,.]*\s*(?:million|billion)?\s*(?:dollars?|euros?|pounds\s+sterling)\b",
    re.IGNORECASE,
)


def not_amounts(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less shares and sums, where `question` asks how long, deep, tall, wide or
    old; each replaced by the reader's runner-up in its sentence where it believed it."""
    if _LENGTH_OR_AGE_ASKED.search(question) is None:
        return list(spans)
    return set_aside(spans, lambda span: _AMOUNT.search(span.text) is not None)


# "How long did the hail last?", "How long has she led it?": a time something took.
_LASTED_ASKED = re.compile(r"\bhow\s+long\b", re.IGNORECASE)
# "their worst harvest in more than two decades", "the first time in 20 years": the
# stretch a superlative is over, not how long anything lasted; nor that of a count ("the
# second walkout at Harrowfield in three years", story h48).
_COMPARED_OVER = re.compile(
    r"\b(?:\w+est|worst|best|first|most|least|highest|lowest|biggest|largest|smallest"
    r"|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\b"
    r"(?:\s+[\w’'-]+){0,3}?\s+(?:in|for)\s+$",
    re.IGNORECASE,
)


def not_compared_over(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """For a question asking how long, the spans less the stretch a superlative compares
    over ("more than two decades" of "their worst harvest in more than two decades",
    read for "How long did the hail last?"; `text`: the article the offsets are in)."""
    if _LASTED_ASKED.search(question) is None:
        return list(spans)

    def compared(span: ReadSpan) -> bool:
        return _COMPARED_OVER.search(text[max(0, span.start - 50) : span.start]) is not None

    return set_aside(spans, compared)


# "How long will it last?", "How long did the rescue take?": a time asked, which a
# length ("10 kilometres" of the zone's radius, story h46) does not give.
_LASTING_ASKED = re.compile(
    r"\bhow\s+long\b(?:\s+[\w’'-]+)*?\s+(?:last|lasts|lasted|take|takes|took|taken|run|runs|"
    r"ran|stay|stays|stayed|remain|remains|remained|continue|continues|continued|go\s+on)\b"
    r"|\bhow\s+long\s+(?:ago|before|after|until|since|to)\b",
    re.IGNORECASE,
)
_A_LENGTH = re.compile(
    r"\d\s*(?:-\s*)?(?:kilomet(?:re|er)s?|km|met(?:re|er)s?|miles?|feet|foot|ft|yards?|"
    r"inches|centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|nautical\s+miles?)\b",
    re.IGNORECASE,
)


def not_lengths(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less a clock time alone, where `question` asks how long ("how long to
    put fire out" / "10:40 p.m.", story h45), and less those giving a length in space,
    where it asks how long something lasts or takes; each replaced by the reader's
    runner-up in its sentence where it believed it."""
    if _LASTED_ASKED.search(question) is None:
        return list(spans)
    lasting = _LASTING_ASKED.search(question) is not None
    return set_aside(
        spans,
        lambda span: (
            ONLY_A_TIME.match(span.text) is not None
            or (lasting and _A_LENGTH.search(span.text) is not None)
        ),
    )
