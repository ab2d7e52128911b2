"""A thing asked is no person, and a person asked no body.

"What cargo was the Marisol Dawn carrying?" is not answered "Tomas Reiner, 58" (nor "a
local pilot") of "The Marisol Dawn was carrying a local pilot, Tomas Reiner, 58", though
the question's words are all in that sentence.

News sets a person's age beside their name ("Tomas Reiner, 58,"): a span that is a name
with an age after it is someone, as is a phrase whose noun is a person's. Where the
question asks "what" or "which" of a noun that is no person's ("cargo", "company",
"drug"), such a span is set aside. The other way round, a person asked by a noun for
one ("Which company director was arrested?") is not answered by a body's name
("Brightwater Import Ltd"), and a firm asked ("Which company built the rocket?") by a
place's name, whole or cut short ("Saltmere" of "the Saltmere Launch Complex"), or
one it comes from ("Fennick" of "a retired airline captain from Fennick").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.kind_names import NAMED_KINDS
from qa.person_nouns import is_body, may_be_someone
from qa.reading import ReadSpan, set_aside

# "What cargo was ...", "Which drug did ...": the noun asked, before its verb.
_THING_ASKED = re.compile(
    r"^\W*(?:what|which)\s+(?P<noun>[a-z]+)\s+(?:was|were|is|are|did|does|do|has|had|will|"
    r"would|can|could)\b",
    re.IGNORECASE,
)
# What a person holds or does, which a person's noun answers: "What job does Marcus
# Delgado do at the plant?" / "paint shop technician".
_HELD = frozenset(
    "job jobs position positions role roles title titles post posts office rank occupation "
    "profession career work capacity seat kind type sort".split()
)
# A phrase for a person opens on a determiner: "a local pilot".
_DETERMINED = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)
# A name of two to four capitalised words, and the age set beside it.
_NAME = r"(?:(?-i:[A-Z])[\w’'-]+\s+){1,3}(?-i:[A-Z])[\w’'-]+"
_NAME_AGED = re.compile(rf"^{_NAME}\s*,\s*\d{{1,3}}$")
_NAME_ONLY = re.compile(rf"^{_NAME}$")
_AGE_AFTER = re.compile(r"^\s*,\s*\d{1,3}\s*(?:[,.;]|$)")


def _maybe_a_person(noun: str) -> bool:
    """Whether the noun asked may be answered by a person: a noun for one, a role held,
    or a noun ending as many nouns for people do ("commuter", "consignor", "chemist"),
    though the lists of qa.person_nouns lack it."""
    return may_be_someone(noun) or noun in _HELD or noun.endswith(_PERSON_ENDINGS)


# Endings of nouns for people: "commuter", "consignor", "chemist", "librarian".
_PERSON_ENDINGS = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "ant",
    "ants",
    "ent",
    "ents",
    "ee",
    "ees",
)


def not_persons(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less those naming someone by name and age, or by a noun for a person,
    where `question` asks for a thing by its noun (`text`: the article the spans' offsets
    are in)."""
    asked = _THING_ASKED.match(question)
    if asked is None or _maybe_a_person(asked["noun"].lower()):
        return list(spans)

    def someone(span: ReadSpan) -> bool:
        if _NAME_AGED.match(span.text):
            return True
        if span.text.islower() and _DETERMINED.match(span.text) and may_be_someone(span.text):
            return True  # "a local pilot": a noun for a person
        return bool(_NAME_ONLY.match(span.text)) and bool(_AGE_AFTER.match(text[span.end :]))

    return set_aside(spans, someone)


# "Which company director was arrested?": a person asked by a noun of two or three words.
_PERSON_ASKED = re.compile(
    r"^\W*(?:what|which)\s+(?P<noun>(?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:was|were|is|are|did|does|"
    r"do|has|had|will|would|can|could)\b",
    re.IGNORECASE,
)


def not_bodies(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less the names of bodies ("Brightwater Import Ltd"), where `question`
    asks for a person by a noun for one ("Which company director was arrested?")."""
    asked = _PERSON_ASKED.match(question)
    if asked is None or not may_be_someone(asked["noun"].lower()):
        return list(spans)

    def body(span: ReadSpan) -> bool:
        words = span.text.split()
        return bool(words) and span.text[:1].isupper() and is_body(words[-1].strip(".,"))

    return set_aside(spans, body)


# "Which company built the rocket?", "What firm ...": a firm asked.
_FIRM_ASKED = re.compile(
    r"^\W*(?:which|what)\s+(?:company|companies|firm|firms|business|manufacturer|maker|"
    r"builder|contractor|operator|carrier|supplier|airline)\b",
    re.IGNORECASE,
)
# The rest of a name a span cuts short, up to its last capitalised word: " Launch
# Complex" of "Saltmere Launch Complex".
_NAME_GOES_ON = re.compile(r"(?:\s+(?-i:[A-Z])[\w’'-]*)+")
# Before a place's name: "from Fennick", "near Delford", "outside Kessick".
_PLACE_BEFORE = re.compile(r"\b(?:from|near|outside)\s+$", re.IGNORECASE)
# The last words of names of places and buildings, which no firm's name ends on.
_PLACE_ENDS = NAMED_KINDS | frozenset(
    "complex centre center square street avenue road field port harbour county city town "
    "village district province region".split()
)


def not_places_for_firms(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """For a question asking which firm, the spans less those naming a place or building,
    whole or cut short ("Saltmere" of "the Saltmere Launch Complex" for "Which company
    built the rocket?"; `text`: the article the spans' offsets are in)."""
    if _FIRM_ASKED.match(question) is None:
        return list(spans)

    def place(span: ReadSpan) -> bool:
        if not span.text[:1].isupper():
            return False
        if _PLACE_BEFORE.search(text[max(0, span.start - 12) : span.start]):
            return True  # "a retired airline captain from Fennick"
        goes_on = _NAME_GOES_ON.match(text, span.end)
        name = span.text + (goes_on.group() if goes_on is not None else "")
        return name.split()[-1].lower() in _PLACE_ENDS

    return set_aside(spans, place)
