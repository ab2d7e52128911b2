"""Who someone is answers no why, how, when or where.

"Why did Edmund Tarrow pay for the bridge?" was answered "wool merchant" (0.89) of "the
bridge was paid for by a wool merchant, Edmund Tarrow, after his son drowned while
trying to ford the river": the words the article sets beside the name the question
asks about, which tell who he is. Where a question asks why, how, when or where, a span
set beside a name the question holds (before it by a comma, "a wool merchant, Edmund
Tarrow"; or after it, "Edmund Tarrow, a wool merchant"; or as a title, "merchant Edmund
Tarrow") is set aside, and the best span the reader read beside it in its sentence,
where it believed the one set aside (margin over 0), is weighed instead ("his son
drowned while trying to ford the river").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.reading import ReadSpan

_ASKS = re.compile(r"^\W*(?:why|how(?!\s+(?:many|much|old|long|far|big)\b)|when|where)\b", re.I)
_NAME = r"(?P<name>(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3})"
_NAME_AFTER = re.compile(rf"\s*,?\s+{_NAME}")
_NAME_BEFORE = re.compile(rf"{_NAME}\s*,\s+(?:the\s+|a\s+|an\s+)?$")


def not_who_they_are(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less those describing a name `question` holds, where it asks why, how,
    when or where (`text`: the article the spans' offsets are in); each replaced by the
    span the reader read beside it where it believed it."""
    if _ASKS.match(question) is None:
        return list(spans)
    asked = {word.lower() for word in re.findall(r"[\w’'-]+", question)}

    def describes(span: ReadSpan) -> bool:
        after = _NAME_AFTER.match(text, span.end)
        before = _NAME_BEFORE.search(text, max(0, span.start - 60), span.start)
        named = [found["name"] for found in (after, before) if found is not None]
        # The name as the question holds it, whole or by its last word ("Tarrow").
        return any(name.split()[-1].lower() in asked for name in named)

    kept: list[ReadSpan] = []
    for span in spans:
        if not describes(span):
            kept.append(span)
            continue
        beside = span.beside() if span.margin > 0 else None
        if beside is not None and not describes(beside):
            kept.append(beside)
    return kept
