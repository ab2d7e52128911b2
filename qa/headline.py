"""What a news headline is about: its subject ("Ferry sinks off Crete" -> "the ferry"),
which "it" stands for in a first question that names nothing ("where did it sink?").

Asked first, "where did it sink" was read with "it" standing for nothing and withheld
(0.11) where "Where did the ferry sink?" was answered (0.64). A headline that is a
sentence names its subject before its verb ("Ferry sinks ...", "Chipmaker Veltrix to
build ...", "Harbor City beat Riverside ...", "Oban's harbour bridge reopens ..."); one
that is not ("Lebanon and Israel: talks and the November strikes") names none.
"""

from __future__ import annotations

import re

from qa.english import english_words
from qa.referring import AUXILIARIES, DETERMINERS, PREPOSITIONS, WORD, pointers, words
from qa.verbs import IRREGULAR_PASTS, is_participle

# A subject this long or shorter; more words before a verb is no headline's subject.
_SUBJECT_WORDS = 4
# "When did it happen?" asks about an event, not the thing: "When did the ferry happen?"
# reads as nothing.
_EVENT_VERBS = frozenset("happen happened happens occur occurred occurs take took".split())


_IRREGULAR_BASES = frozenset(IRREGULAR_PASTS.values())


def _present_verb(word: str) -> bool:
    """Whether a lower-case headline word is a verb in the present ("sinks", "reopens",
    "beat", "wins"): an irregular one, or an English word's "-s" form (a plural noun
    reads the same: "Valencia floods kill 14" is read as about Valencia)."""
    if word in IRREGULAR_PASTS or word in _IRREGULAR_BASES:
        return True
    if not word.endswith("s") or len(word) < 4:
        return False
    known = english_words()
    return word[:-1] in known or (word.endswith("es") and word[:-2] in known)


def headline_subject(title: str | None, text: str) -> str | None:
    """The headline's subject as a phrase to put in a question ("the ferry", "Harbor
    City", "the Rotterdam museum", "Oban's harbour bridge"), or None where the headline
    is no sentence. `text`: the article, which writes a noun's first word in lower case
    ("a ferry carrying 212 passengers") where the headline capitalises it."""
    if not title:
        return None
    found = words(title.split(";")[0].split(":")[0])
    for i, word in enumerate(found[1 : _SUBJECT_WORDS + 1], 1):
        lower = word.lower()
        verb = lower == "to" or lower in ("has", "have") or _present_verb(lower)
        if not verb and (lower in PREPOSITIONS or lower in AUXILIARIES):
            return None
        if word[:1].isupper() or not verb:
            continue
        return _as_phrase(found[:i], text)
    return None


def _as_phrase(subject: list[str], text: str) -> str:
    first, rest = subject[0], subject[1:]
    if first.lower() in DETERMINERS:
        return " ".join([first.lower(), *rest])
    if re.search(rf"\b{re.escape(first.lower())}\b", text):  # a noun: "Ferry" -> "ferry"
        first = first.lower()
    if first[:1].isupper() and (not rest or all(w[:1].isupper() for w in rest)):
        return " ".join(subject)  # a name: "Harbor City", "Chipmaker Veltrix"
    if re.search(r"[’']s$", first):
        return " ".join([first, *rest])  # "Oban's harbour bridge"
    return " ".join(["the", first, *rest])


_ASKS_OF_IT = re.compile(
    r"\b(?:did|does|do|was|is|were|are|has|have|had|will|would|can)\s+it\s+(?P<verb>[a-z]+)", re.I
)


def it_as_subject(question: str, subject: str) -> str | None:
    """`question` with its "it" (the subject of its verb: "where did it sink", "when was
    it built") as the headline's `subject`; None where it has no such "it", asks about
    an event ("When did it happen?"), or another word points back too."""
    found = pointers(question)
    if len(found) != 1 or found[0].kind != "thing":
        return None
    spans = list(WORD.finditer(question))
    span = spans[found[0].index]
    if span.group().lower() != "it":
        return None
    asked = _ASKS_OF_IT.search(question)
    if asked is None or asked.start("verb") < span.end() or asked["verb"].lower() in _EVENT_VERBS:
        return None
    verb, auxiliary = asked["verb"].lower(), asked.group().split()[0].lower()
    if auxiliary in ("was", "is", "were", "are") and not is_participle(verb):
        return None  # "is it common ...?": no verb follows
    if verb not in english_words():
        return None
    return f"{question[: span.start()]}{subject}{question[span.end() :]}"
