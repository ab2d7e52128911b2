"""The name of what a named owner has is a name: "What is the name of Rob Petrie's
boat?" is not answered "crayfish pots" (the reader's span, 0.95; the article names no
boat).

A span with no capitalised word but its sentence's first (qa.answerability.fits_type) is
set aside where the question asks the name of something a named owner has, so another
span is weighed or the question withheld. Not where it asks the name of a kind of thing:
on the validation split "What is the name of the round that gives failed contestants
another chance?" asks for "wildcard", and six such lost their answer to a first version.

A kind whose things have proper names is asked by the name too: "whats the name of the
town where the train derailed" is not answered "river town", nor "Which utility was hit
by the ransomware attack?" "pumping stations", nor "Which zoo did they escape from?"
"capuchin monkeys" (stories h29-h32: the reader gave a thing in small letters where the
article names the one asked, "Greystone Valley Water Authority"). Where a question asks
the name of, or which, town, ship, company, utility, zoo, painting ..., a span with no
capital letter and no digit is set aside for the reader's runner-up in its sentence,
where it believed it. Kinds often named in small letters ("the city council", "a local
group") are left alone. A person named with the body asked ("Lena Voskamp, 47,
operations director of Voskamp Towage" for "Which tug company supplied the Tiberon?")
answers with the body, the name the span ends on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qa.answerability import NAME, fits_type
from qa.reading import ReadSpan, set_aside
from qa.verbs import is_verb_form

# Kinds of things named with capitals: places, vessels, works and bodies.
_PROPER_KINDS = (
    "town city village country province county island river lake mountain street road "
    "ship vessel boat ferry tanker painting sculpture film novel album newspaper magazine "
    "company companies firm firms corporation agency agencies authority utility utilities "
    "zoo museum university bank airline hospital charity foundation institute broadcaster "
    "club port harbour airport station prison school stadium hotel regulator"
).split()
# Roles whose holder is asked by name.
_ROLES = (
    "vet|doctor|nurse|captain|pilot|driver|judge|lawyer|coach|keeper|guard|officer|"
    "detective|inspector|manager|director|spokesman|spokeswoman|spokesperson|mayor|"
    "minister|chairman|chairwoman|founder|owner|buyer|seller|victim|witness|suspect|author"
)
# The name of something a named owner has: "the name of Rob Petrie's boat", "Rob Petrie's
# boat's name". Not the name of a kind of thing ("What is the name of the round that gives
# failed contestants another chance?", "What is it called when ...?"): on the validation
# split those ask for a term in small letters ("wildcard", "haciendas", "sound").
_NAME_ASKED = re.compile(
    r"\bname\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*[’']s\s|"
    r"\b(?-i:[A-Z])[\w-]*[’']s\s+[\w\s-]+?[’']s\s+name\b|"
    # A place, a vessel or a firm has a proper name: "whats the name of the town where the
    # train derailed" is not answered "river town" (stories h29-h32).
    rf"\bname\s+of\s+(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:{'|'.join(_PROPER_KINDS)})\b|"
    # A person's name, asked by the role: "the vets name", "the captain's name".
    rf"\b(?:{_ROLES})(?:[’']s|s)\s+name\b|\bname\s+of\s+the\s+(?:{_ROLES})\b",
    re.IGNORECASE,
)


def asks_name(question: str) -> bool:
    """Whether `question` asks for the name of something a named owner has ("What is the
    name of Rob Petrie's boat?")."""
    return _NAME_ASKED.search(question) is not None


def names_only(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """`spans` less those that are no name, where `question` asks for one (`text`: the
    article the spans' offsets are in)."""
    if not asks_name(question):
        return list(spans)
    return [s for s in spans if fits_type(NAME, s.text, _starts_sentence(s, text))]


def _starts_sentence(span: ReadSpan, text: str) -> bool:
    before = text[max(0, span.start - 3) : span.start].strip()
    return span.start == 0 or before == "" or before[-1:] in '.!?"“”'


# "Which utility ...?", "What government agency ...?", "From which company ...?": at most
# one word between the question word and the kind ("tug company", "government agency").
_KIND_ASKED = re.compile(
    r"^\W*(?:(?:from|for|by|at|in|to|with)\s+)?(?:which|what)\s+(?:[a-z-]+\s+)?"
    rf"(?:{'|'.join(_PROPER_KINDS)})\b(?:\s+(?P<next>[\w’'-]+))?",
    re.IGNORECASE,
)
# Words after the kind that leave it the noun asked: "Which company was fined?", "At
# which port did ...", "Which hospital in Kessick ...".
_AFTER_THE_KIND = frozenset(
    "is was are were did does do has have had will would can could in of at on to for from "
    "that which where whose".split()
)


def _kind_asked(question: str) -> bool:
    """Whether `question` asks which thing of a kind named with capitals: the kind is the
    noun asked, not a word before it ("What prison term ...?" asks a term), where a verb
    ("makes", "built") or a small word follows it."""
    found = _KIND_ASKED.match(question)
    if found is None:
        return False
    after = (found["next"] or "").lower()
    if not after or after in _AFTER_THE_KIND or is_verb_form(after):
        return True
    return after.endswith("s") and not after.endswith("ss")  # "makes", "runs"


_NAME_MARK = re.compile(r"[A-Z0-9]")
# "<person>, <age>, <role> of <Body Name>": the body's name ending the span.
_PERSON_OF_BODY = re.compile(
    r",\s+\d{1,3},\s+[^,]*?\b(?:of|with|at|for)\s+"
    r"(?P<body>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&))*)\W*$"
)


def not_unnamed(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those in small letters only, where `question` asks the name of, or
    which, thing of a kind named with capitals; each replaced by the reader's runner-up
    in its sentence where it believed it (see the module's note)."""
    asked = _kind_asked(question)
    if not asked and _NAME_ASKED.search(question) is None:
        return list(spans)
    kept = set_aside(spans, lambda span: _NAME_MARK.search(span.text) is None)
    return [_the_body(span) for span in kept] if asked else kept


def _the_body(span: ReadSpan) -> ReadSpan:
    """`span` cut to the body's name a person is named with in it, else as it is."""
    found = _PERSON_OF_BODY.search(span.text)
    if found is None:
        return span
    start, end = span.start + found.start("body"), span.start + found.end("body")
    return replace(span, text=found["body"], start=start, end=end)
