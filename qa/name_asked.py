"""The name of what a named owner has is a name: "What is the name of Rob Petrie's
boat?" is not answered "crayfish pots" (the reader's span, 0.95; the article names no
boat).

A span with no capitalised word but its sentence's first (qa.answerability.fits_type) is
set aside where the question asks the name of something a named owner has, so another
span is weighed or the question withheld. Not where it asks the name of a kind of thing:
on the validation split "What is the name of the round that gives failed contestants
another chance?" asks for "wildcard", and six such lost their answer to a first version.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.answerability import NAME, fits_type
from qa.reading import ReadSpan

# Kinds of things that are named with capitals.
_PROPER_KINDS = (
    "town city village country province state county region island river lake mountain "
    "ship vessel boat ferry tanker company firm airline street road hospital school "
    "university museum zoo newspaper"
).split()
# The name of something a named owner has: "the name of Rob Petrie's boat", "Rob Petrie's
# boat's name". Not the name of a kind of thing ("What is the name of the round that gives
# failed contestants another chance?", "What is it called when ...?"): on the validation
# split those ask for a term in small letters ("wildcard", "haciendas", "sound").
_NAME_ASKED = re.compile(
    r"\bname\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*[’']s\s|"
    r"\b(?-i:[A-Z])[\w-]*[’']s\s+[\w\s-]+?[’']s\s+name\b|"
    # A place, a vessel or a firm has a proper name: "whats the name of the town where the
    # train derailed" is not answered "river town" (stories h29-h32).
    rf"\bname\s+of\s+(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:{'|'.join(_PROPER_KINDS)})\b",
    re.IGNORECASE,
)


def asks_name(question: str) -> bool:
    """Whether `question` asks for the name of something a named owner has ("What is the
    name of Rob Petrie's boat?")."""
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
