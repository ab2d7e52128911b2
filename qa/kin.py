"""A relative asked is not another relative, nor the one they are related to.

"What are the names of Vass's daughters?" was answered "Lena" of "He waved to his wife,
Lena, and their two daughters", and "How old is his daughter?" (Darren Quigley's) "36"
of "Darren Quigley, 36, whose 8-year-old daughter Maisie ..." (stories h35-h38). Where a
question asks of someone's relative (the words for family are a closed class, as
pronouns are), a name the article calls by another family word ("his wife, Lena") is set
aside, and so is an age set beside a name that no family word introduces: that is the
age of the one they are related to, or of someone else. The reader's runner-up in its
sentence is weighed instead where it believed the span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.reading import ReadSpan, set_aside

_KIN_WORDS = (
    "wife wives husband husbands son sons daughter daughters mother mothers father fathers "
    "brother brothers sister sisters child children kid kids grandson grandsons "
    "granddaughter granddaughters grandmother grandfather grandchildren parent parents "
    "partner fiance fiancee fiancé fiancée widow widower nephew niece cousin uncle aunt "
    "stepson stepdaughter"
).split()
_KIN = "|".join(sorted(_KIN_WORDS, key=len, reverse=True))
# A relative asked of someone: "Vass's daughters", "his daughter", "their son".
_KIN_ASKED = re.compile(
    rf"(?:[’']s?|\b(?:his|her|their|its))\s+(?:\w+\s+)?(?P<kin>{_KIN})\b", re.IGNORECASE
)
_NAME = r"(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2}"
# The family word right before a name: "his wife, Lena", "daughter Maisie".
_KIN_BEFORE_NAME = re.compile(rf"\b(?P<kin>{_KIN})\s*,?\s+$", re.IGNORECASE)
# ... or right after it: "Lena, his wife".
_KIN_AFTER_NAME = re.compile(
    rf"^\s*,\s+(?:his|her|their|the)\s+(?:\w+\s+)?(?P<kin>{_KIN})\b", re.IGNORECASE
)
# An age set off after a name, and the family word before the name, if any: "his
# daughter Maisie, 8," / "Darren Quigley, 36,".
_AGED_NAME = re.compile(
    rf"(?:\b(?P<kin>{_KIN})\s*,?\s+)?{_NAME}\s*,\s*(?:aged\s+)?$", re.IGNORECASE
)
_AGE = re.compile(r"^\d{1,3}$")


def kin_asked(question: str) -> str | None:
    """The family word `question` asks of someone ("daughters" of "What are the names of
    Vass's daughters?"), in small letters, or None."""
    found = _KIN_ASKED.search(question)
    return found["kin"].lower() if found is not None else None


def not_other_kin(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less names called by another family word than the one asked, and ages
    set beside a name no such word introduces (see the module's note); `text`: the
    article the spans' offsets are in."""
    asked = kin_asked(question)
    if asked is None:
        return list(spans)

    def other(span: ReadSpan) -> bool:
        before = text[max(0, span.start - 60) : span.start]
        if _AGE.match(span.text.strip()):
            aged = _AGED_NAME.search(before)
            if aged is None:
                return False
            return aged["kin"] is None or not _same(aged["kin"], asked)
        if not span.text[:1].isupper():
            return False
        found = _KIN_BEFORE_NAME.search(before) or _KIN_AFTER_NAME.match(text, span.end)
        return found is not None and not _same(found["kin"], asked)

    return set_aside(spans, other)


def _same(kin: str, asked: str) -> bool:
    """Whether two family words name the same relation, one or many ("daughter" and
    "daughters")."""
    one, two = kin.lower(), asked.lower()
    return (
        one == two
        or one.rstrip("s") == two.rstrip("s")
        or {one, two} <= {"child", "children", "kid", "kids"}
    )
