""" "What is Hezbollah?" answered with the phrase the article sets beside the name:
"Hezbollah, the Iran-backed Shi'ite militia that ..." -> "the Iran-backed Shi'ite militia".

News introduces what it tells of in apposition, a noun phrase after the name and a comma.
Retrieval ranks the sentences that only mention the name above it (BM25 favours short
ones), and the reader, reading those, found nothing ("What is Hezbollah?" was not
found). The phrase runs from its article to the next comma, stop or relative clause; a
list ("Israel, the US and France") is no apposition, so a phrase holding "and" before a
capital is left to the reader.
"""

from __future__ import annotations

import re

from qa.referring import DETERMINERS

# The phrase: a determiner or a name's possessive ("Scandinavia's"), then words up to a
# comma, stop, bracket or relative pronoun.
_PHRASE = (
    r"(?P<phrase>(?:the|a|an|(?-i:[A-Z])[\w-]*[’']s)\s+[^,.;:()]*?)"
    r"(?=\s+(?:that|which|who|whose|where)\b|[,.;:()]|$)"
)
_LISTED = re.compile(r"\band\s+(?-i:[A-Z])", re.IGNORECASE)


def name_pattern(topic: str) -> str | None:
    """The topic as a pattern of its words, less a leading determiner; None if empty."""
    words = topic.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return r"\s+".join(re.escape(word) for word in words) if words else None


def apposition(topic: str, sentence: str) -> tuple[int, int] | None:
    """Where, in `sentence`, the noun phrase in apposition to `topic` is (start, end), or
    None where the sentence sets none beside it."""
    name = name_pattern(topic)
    if name is None:
        return None
    found = re.search(rf"\b{name}\s*,\s+{_PHRASE}", sentence, re.IGNORECASE)
    if found is None or _LISTED.search(found["phrase"]):
        return None
    return found.span("phrase")
