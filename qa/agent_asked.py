"""Who did something is not what it was done with: "Who hailed the talks as a
breakthrough?" is not answered "Israel" of "hailed the recent round of talks with Israel".

The reader, reading "Lebanon's foreign ministry has hailed the recent round of talks
with Israel ...", gave "Israel" (margin 6.7) for who hailed them: the name sits right
after the thing the question names, so it looks like the answer, but it says which talks
(talks with whom), not who hailed them. Where a question asks who did something ("Who
hailed ...?", "Who called ...?", not "Who did they meet?" nor "Who was ...?"), a span
the article sets right after one of the question's own words and "with", "between",
"against", "of" or "and" ("talks with Israel", "the leader of Hamas", "the deal between
Iran and Iraq") is set aside for the reader's runner-up in its sentence, where it
believed it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.reading import ReadSpan, set_aside

# "Who <verb> <the rest>?": the one who did it asked. Not "Who did/was/is ...?", which
# ask the one it was done to, or who someone is.
_AGENT_WHO = re.compile(
    r"^\W*(?:(?:and|so)\s+)?who\s+(?:(?:has|have|had|will|would|could|can|might|may)\s+)?"
    r"(?!(?:is|was|are|were|be|been|did|does|do|'s|’s)\b)[a-z]+\s+(.+)$",
    re.IGNORECASE,
)
# The words that tie a name to the thing before it: "talks with Israel".
_TIE = r"\s+(?:with|between|against|of|and)\s+(?:the\s+)?$"
# Question words too short to be the thing asked about ("a", "of", "as").
_SHORTEST = 3
# How far before a span its tie is looked for: the question's word and the tying word.
_REACH = 60


def not_objects(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less those `text` (the article the spans' offsets are in) sets right
    after a word of `question`'s rest and a tying word ("talks with Israel"), where
    `question` asks who did something."""
    asked = _AGENT_WHO.match(question.strip())
    if asked is None:
        return list(spans)
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", asked.group(1)) if len(w) >= _SHORTEST}
    if not words:
        return list(spans)
    tied = re.compile(rf"\b(?:{'|'.join(sorted(words))}){_TIE}", re.IGNORECASE)
    return set_aside(
        spans, lambda span: tied.search(text, max(0, span.start - _REACH), span.start) is not None
    )
