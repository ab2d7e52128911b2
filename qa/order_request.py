"""Questions about the order of dated events: "Which strike happened first?", "When was
the last strike?", "Which came first, the Beirut strike or the camp strike?"; in the past
tense, as events are told ("What is the earliest known angiosperm?" asks no order of
events).

The reader reads one passage at a time and cannot compare two days: asked "Which strike
happened first?" it gave "air strike" from the November 23 sentence. The article's
chronology (qa.dates.chronology) has every day it states, in calendar order, so the
order is read from there: the events whose sentence names the thing asked about, or the
two events the question names. Only English words decide the question's form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The place asked for, in words: first of all or last of all. ("The second book" is
# not the second date that names a book: a story dates one event more than once.)
_RANKS = {
    "first": 0,
    "earliest": 0,
    "earlier": 0,
    "last": -1,
    "latest": -1,
    "later": -1,
    "final": -1,
    "most recent": -1,
    "more recent": -1,
}
_RANK = "|".join(sorted((re.escape(r) for r in _RANKS), key=len, reverse=True))
_HAPPENED = r"(?:happened|came|was|were|occurred|took\s+place|did\s+\w+\s+happen)"
# "Which strike happened first?", "What attack came last?", "Which was first?"
_WHICH = re.compile(
    rf"^(?:which|what)(?:\s+(?P<noun>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?))??\s+{_HAPPENED}"
    rf"\s+(?P<rank>{_RANK})\s*(?P<options>,?\s*.+\s+or\s+.+?)?\s*\??$",
    re.IGNORECASE,
)
# "When was the first strike?", "What was the last attack?"
_NTH = re.compile(
    rf"^(?P<wh>when|what|which)\s+(?:was|were|did)\s+the\s+(?P<rank>{_RANK})\s+"
    r"(?P<noun>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)(?:\s+(?:happen|take\s+place|occur))?\s*\??$",
    re.IGNORECASE,
)
_OPTIONS = re.compile(r"^,?\s*(?P<one>.+?)\s+or\s+(?P<other>.+?)$", re.IGNORECASE)


@dataclass(frozen=True)
class OrderRequest:
    """What a question about order asks: the place (0 first, -1 last), the
    thing the events are (a noun, or None), the two events named ("the Beirut strike",
    "the camp strike") where it names them, and whether it asks when rather than which."""

    rank: int
    noun: str | None = None
    options: tuple[str, str] | None = None
    asks_when: bool = False


def asked_order(question: str) -> OrderRequest | None:
    """The order `question` asks about, or None where it asks something else."""
    text = question.strip()
    nth = _NTH.match(text)
    if nth is not None:
        return OrderRequest(_rank(nth), nth["noun"], asks_when=nth["wh"].lower() == "when")
    which = _WHICH.match(text)
    if which is None:
        return None
    options = None
    if which["options"]:
        named = _OPTIONS.match(which["options"].strip())
        if named is None:
            return None
        options = (named["one"].strip(" ,"), named["other"].strip(" ,?"))
    if which["noun"] is None and options is None:
        return None  # "Which was first?" names nothing to order
    return OrderRequest(_rank(which), which["noun"], options)


def _rank(asked: re.Match[str]) -> int:
    """The place a matched question asks for ("most  recent" as "most recent")."""
    return _RANKS[" ".join(asked["rank"].lower().split())]
