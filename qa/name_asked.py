"""A name asked for is a name: "What is the name of Rob Petrie's boat?" is not answered
"crayfish pots", nor "What is the name of the contractor?" "outside maintenance
contractor" (the reader's spans, 0.95 and 0.32; the article names neither).

A span with no capitalised word but its sentence's first (qa.answerability.fits_type) is
set aside where the question asks for a name, so another span is weighed or the question
withheld.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.answerability import NAME, fits_type
from qa.reading import ReadSpan

_NAME_ASKED = re.compile(
    r"\bname\s+of\b|[’']s\s+name\b|\b(?:what|which)(?:\s+[\w’'-]+){0,3}?\s+name\b|"
    r"\bwhat\s+(?:is|was|are|were)\s+(?:it|he|she|they)\s+called\b",
    re.IGNORECASE,
)


def asks_name(question: str) -> bool:
    """Whether `question` asks for a name ("What is the name of ...?", "the boat's name")."""
    return _NAME_ASKED.search(question) is not None


def names_only(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """`spans` less those that are no name, where `question` asks for one (`text`: the
    article the spans' offsets are in)."""
    if not asks_name(question):
        return list(spans)
    return [s for s in spans if fits_type(NAME, s.text, _starts_sentence(s, text))]


def _starts_sentence(span: ReadSpan, text: str) -> bool:
    before = text[max(0, span.start - 3) : span.start].strip()
    return span.start == 0 or before == "" or before[-1:] in '.!?"“”'
