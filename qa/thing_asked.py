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

# "What cargo was ...", "Which drug did ...", "Which company ran ...": the noun asked,
# before its verb.
_THING_ASKED = re.compile(
    r"^\W*(?:what|which)\s+(?P<noun>[a-z]+)\s+(?:was|were|is|are|did|does|do|has|had|will|"
    r"would|can|could|ran|runs|owns|owned|built|builds|made|makes|operates|operated)\b",
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
        if _NAME_ONLY.match(span.text) and _AGE_AFTER.match(text[span.end :]):
            return True
        return _aged_elsewhere(span.text, text)

    return set_aside(spans, someone)


def _aged_elsewhere(name: str, text: str) -> bool:
    """Whether `name`, one capitalised word, is the last of a name the article (`text`)
    gives an age beside: "Helbreck" of "The driver, 58-year-old Tomas Helbreck, survived"
    (story h47)."""
    if re.fullmatch(r"(?-i:[A-Z])[\w’'-]+", name) is None:
        return False
    word = re.escape(name)
    aged = (
        rf"\d{{1,3}}-year-old\s+(?:(?-i:[A-Z])[\w’'-]+\s+){{0,2}}{word}\b"
        rf"|\b{word}\s*,\s*\d{{1,3}}\s*,"
    )
    return re.search(aged, text) is not None


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


# "Where was the strain identified?", "When was the report published?": asked of a thing
# by its noun, by a question word that is not "what" or "which" (those may ask its name).
# Not "how much" or "how many": "a $450,000 civil penalty" is how much the penalty was.
_ASKED_OF = re.compile(
    r"^\W*(?:where|when|who|whom|whose|why)\b.*?\bthe\s+(?P<noun>[a-z]+)\b", re.IGNORECASE
)
# The word right after a span, in small letters.
_NEXT_NOUN = re.compile(r"[\s-]*(?P<noun>[a-z]+)\b")


def not_the_thing_named(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less a name of the very thing asked about: "H5" of "had identified the H5
    strain" is the strain "Where was the strain identified?" asks where of, not where
    (story h46); `text`: the article the spans' offsets are in. Each set aside is
    replaced by the reader's runner-up in its sentence where it believed it."""
    asked = _ASKED_OF.match(question)
    if asked is None:
        return list(spans)
    nouns = {
        found["noun"].lower() for found in re.finditer(r"\bthe\s+(?P<noun>[a-z]+)\b", question)
    }

    def named(span: ReadSpan) -> bool:
        after = _NEXT_NOUN.match(text, span.end)
        return after is not None and after["noun"] in nouns and not span.text.islower()

    return set_aside(spans, named)


# "Who organises the festival?", "Who owns the stadium?": someone asked about a thing.
_WHO_OF_THING = re.compile(r"^\W*who(?:m|se)?\b.*?\bthe\s+(?P<noun>[a-z]+)\W*$", re.IGNORECASE)


def not_the_thing_itself(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less the name of the thing `question` asks who did something to: "Who
    organises the festival?" is not answered "Wexcombe Fields Festival" (story h27; its
    organiser, Fenna Lockridge, was read in the next sentence). No runner-up is looked
    for beside it: the reader read the thing for whoever it was asked of."""
    asked = _WHO_OF_THING.match(question.strip())
    if asked is None:
        return list(spans)
    noun = asked["noun"].lower()

    def the_thing(span: ReadSpan) -> bool:
        found = span.text.split()
        return len(found) > 1 and found[0][:1].isupper() and found[-1].lower() == noun

    return [span for span in spans if not the_thing(span)]
