"""A clause that recalls an earlier event answers about that event, not the story's.

News measures an event against the last one like it: "Tuesday's disaster is the deadliest
earthquake in Peru since 2007, when a magnitude 8.0 quake near Pisco killed more than 500
people." Asked "What was the magnitude of Tuesday's earthquake?", the reader took "8.0"
from that clause (margin 9.3, confident) over "A magnitude 7.2 earthquake struck ..."
(8.3), and "How many people died in the quake?" stopped at "more than 500" without
reading the opening sentence's "at least 143". "When did Mount Orsena erupt?" read
"August 1968" of "It was Mount Orsena's first eruption since August 1968, when lava
buried ...".

A span inside such a clause (after "since <year>, when" / "which" / "that"; or after the
year of "the last major outbreak ..., in 2017, killed 114 people") is about the earlier
event unless the question names its year: those spans are dropped from what the
reader found, so the other passages are read and weighed. The year itself is kept where
the question asks for an earlier time ("When did Peru last suffer a deadlier quake?":
2007) or asks no when. "In 1998, when ..." is left alone: in reference text it as often
tells the story's own events (the validation split's gold
answers lie in such clauses 17 times, in a "since <year>, when" clause once, the year).
Nor is a clause a question asking of the last or previous one is answered from, nor one
every content word of the question is in: "How many amphorae had looters
removed?" asks of the earlier event itself ("since 2021, when investigators discovered
that looters had removed at least 40 amphorae").
"""

from __future__ import annotations

import functools
import re

from index.sentences import Sentence
from qa.lexical import terms

# "since 2007, when ...", "since March 2011, which ...", "since the 1998 floods, that ...",
# "since the surge of February 2009, when ...":
# the clause runs to the sentence's end or a semicolon.
_RECALLED = re.compile(
    r"\bsince\s+(?P<date>(?:the\s+)?(?:[^\W\d_]+\s+){0,3}?(?P<year>1\d{3}|20\d{2}))"
    r"(?:\s+[^\W\d_]+){0,2}\s*,?\s+(?:when|which|that)\b(?P<clause>[^;]*)",
    re.IGNORECASE,
)


# "The last major cholera outbreak in the country, in 2017, killed 114 people": the
# last or previous one of its kind, dated; what follows the year tells of it.
# "Ardenza's last major earthquake, a magnitude 5.8 quake in 1976, killed 12 people"
# too; not "last week" or "last year", which are the story's own time.
_LAST_ONE = re.compile(
    r"\b(?:last|previous)\s+(?!(?:week|month|year|night|time|weekend|season)s?\b)"
    r"(?P<what>(?:[\w.’'-]+,?\s+){0,7}?)"
    r"in\s+(?:[^\W\d_]+\s+)?(?P<year>1\d{3}|20\d{2})\b,?(?P<clause>[^;]*)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def _recalling(text: str) -> tuple[tuple[int, int, str], ...]:
    """A sentence's clauses recalling an earlier event: (start, end, year). Cached: every
    span the reader finds in a sentence asks again."""
    if "since" not in text.lower() and not _LAST_OR_PREVIOUS.search(text):
        return ()
    return tuple(
        (match.start("clause"), match.end("clause"), match["year"])
        for pattern in (_RECALLED, _LAST_ONE)
        for match in pattern.finditer(text)
    )


_LAST_OR_PREVIOUS = re.compile(r"\b(?:last|previous)\b", re.IGNORECASE)


def recalls_earlier_event(question: str, sentence: Sentence, start: int) -> bool:
    """Whether an answer starting at `start` (in the article) in `sentence` lies in a
    clause recalling an earlier event whose year the question does not name; or is
    that event's date ("August 1968" of "its first eruption since August 1968, when ...")
    where the question asks when without asking for an earlier time ("When did Mount
    Orsena erupt?", not "When did it last erupt?")."""
    offset = start - sentence.start
    for first, end, year in _recalling(sentence.text):
        if first <= offset < end:
            return (
                year not in question
                and _LAST_ASKED.search(question) is None
                and not _asked_of(question, sentence.text[first:end])
            )
    if _WHEN.match(question) and not _EARLIER.search(question):
        return any(first <= offset < end for first, end in _recalled_dates(sentence.text))
    return False


# A question asking of the last one before: "How many died in Ardenza's last major
# earthquake?".
_LAST_ASKED = re.compile(r"\b(?:last|previous|previously|prior|earlier)\b", re.IGNORECASE)


def _asked_of(question: str, clause: str) -> bool:
    """Whether the clause holds every content word of the question (two at least)."""
    asked = set(terms(question))
    return len(asked) >= 2 and asked <= set(terms(clause))


_WHEN = re.compile(r"\W*(?:when|(?:in|on)\s+what\s+(?:year|date|day|month))\b", re.IGNORECASE)
# A question asking for an earlier time, or when something began ("When did the
# separatist movement begin?" / "has been active since 1964, when ...", on the split):
# the recalled event's date answers it.
_EARLIER = re.compile(
    r"\b(?:last|previous|previously|before|earlier|prior|ago|first|since|former|old|"
    r"beg[iau]n\w*|start\w*)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def _recalled_dates(text: str) -> tuple[tuple[int, int], ...]:
    """Where the dates of recalled events are in a sentence ("August 1968" of "since
    August 1968, when ..."; "1976" of "Ardenza's last major earthquake, a magnitude 5.8
    quake in 1976, killed ...")."""
    if "since" not in text.lower() and not _LAST_OR_PREVIOUS.search(text):
        return ()
    since = [(m.start("date"), m.end("date")) for m in _RECALLED.finditer(text)]
    # Not "Skerrowan being the last in 1998": the last of the story's own, no event named.
    last = [(m.start("year"), m.end("year")) for m in _LAST_ONE.finditer(text) if m["what"]]
    return tuple(since + last)
