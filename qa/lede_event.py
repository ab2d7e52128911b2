"""The event a news story opens with, asked for: "What happened on Corliss Avenue on
Wednesday?" where the opening sentence ("A sinkhole roughly 40 feet wide opened beneath
Corliss Avenue in downtown Marlow Springs early Wednesday, ...") names all the question
names. A news story leads with its event; later sentences naming the same street and day
tell what followed ("Mayor Linda Harrow, 58, declared a local emergency on Wednesday
afternoon ..."), and retrieval, matching words, ranked those first."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from index.sentences import Sentence
from qa.lexical import terms
from qa.retrieval import Ranking

# "What happened in the Strait of Corvane on Monday?": the event asked, where and when after.
_EVENT_ASKED = re.compile(
    r"^what(?:'s|\s+has|\s+had)?\s+(?:happened|occurred|took\s+place)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
# "What happened to the driver?" asks one thing's fate, "... after the vote?" what
# followed, "... there?" refers back: none asks for the story's event.
_NOT_THE_EVENT = re.compile(
    r"^\s*(?:to|after|before|next|then|there|since|afterwards|later|between|with|because)\b",
    re.IGNORECASE,
)


def lede_asked(question: str, sentences: Sequence[Sentence]) -> int | None:
    """The position of the opening sentence where `question` asks what happened and that
    sentence names every word the question adds ("on Corliss Avenue on Wednesday"), else
    None. "What happened?" alone asks for the gist (qa.overview), not this."""
    if not sentences:
        return None
    asked = _EVENT_ASKED.match(question.strip().rstrip("?!. "))
    if asked is None or _NOT_THE_EVENT.match(asked["rest"]):
        return None
    named = set(terms(asked["rest"]))
    if not named or not named <= set(terms(sentences[0].text)):
        return None
    return 0


def led_by(ranking: Ranking, positions: Collection[int]) -> Ranking:
    """`ranking` with the sentences at `positions` moved first, to be read first, in the
    order the ranking gives them; the rest keep their order (and every candidate its
    scores)."""
    first = [c for c in ranking.candidates if c.position in positions]
    rest = [c for c in ranking.candidates if c.position not in positions]
    return replace(ranking, candidates=first + rest)
