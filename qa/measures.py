"""A length is no area: "How deep is Lake Sorna?" was answered "4.8 square kilometres"
(0.81), the lake's area, where the article gives no depth.

Where a question asks how deep, high, tall, wide, far or long something is, a span that
gives an area (square units, hectares, acres) answers something else: it is dropped from
what the reader found, so the other spans are weighed, or the question withheld. The
validation split's records hold no such answer to drop (/work/s32/sim/dimsim.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.reading import ReadSpan

_LENGTH_ASKED = re.compile(r"\bhow\s+(?:deep|high|tall|wide|far|long)\b", re.IGNORECASE)
_AREA = re.compile(r"\b(?:square|sq\.?)\s|\bkm[2²]|\bhectares?\b|\bacres?\b", re.IGNORECASE)


def not_areas(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those giving an area, where `question` asks a length."""
    if _LENGTH_ASKED.search(question) is None:
        return list(spans)
    return [span for span in spans if _AREA.search(span.text) is None]
