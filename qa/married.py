"""A spouse asked for where the article tells of a marriage: "Who was Baird's wife?" read
as "Who was Baird married to?".

A biography says whom its subject married ("In 1839 he married Margaret Elspeth
Drummond") more often than it calls her his wife; the reader, asked for a wife where no
sentence writes the word, found no one (0.07), while "Who was Baird married to?" is
answered from that sentence (0.91). Only where the article writes no word of the kind
asked (wife, husband, spouse) and does write of marrying.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SPOUSE_ASKED = re.compile(
    r"^\W*who\s+(?P<aux>is|was)\s+(?P<owner>.+?)[’']s?\s+(?P<noun>wife|husband|spouse)\s*\??$",
    re.IGNORECASE,
)
_SPOUSES = ("wife", "husband", "spouse", "wives", "husbands", "spouses")
_MARRYING = ("married", "marry", "marries", "marrying", "marriage")


def as_married(question: str, uses: Callable[[str], bool]) -> str | None:
    """`question` asked as whom someone is married to, where it asks for their spouse and
    the article writes only of marrying (`uses`: whether the article uses a word); else
    None."""
    asked = _SPOUSE_ASKED.match(question)
    if asked is None:
        return None
    if any(map(uses, _SPOUSES)):
        return None
    if not any(map(uses, _MARRYING)):
        return None
    return f"Who {asked['aux'].lower()} {asked['owner']} married to?"
