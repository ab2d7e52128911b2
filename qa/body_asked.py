"""A company is asked by its name: "Which utility was hit by the ransomware attack?" is
not answered "pumping stations", nor "Which zoo did they escape from?" "capuchin monkeys".

The reader reads for a span near the question's words, not for the kind of thing
asked: in three of the stories h29-h32 it gave a thing in small letters ("pumping
stations", "capuchin monkeys", "tug" for "Which company does Tomas Reyes work for?")
where the article names the body asked for ("Greystone Valley Water Authority"). Where a
question asks which (or what) company, firm, agency, utility, zoo, museum, university,
bank, airline, newspaper, hospital, school, charity, foundation, institute, broadcaster
or club, a span with no capital letter and no digit names none, and is set aside for
the reader's runner-up in its sentence, where it believed it. Bodies that are often
named in small letters ("the city council", "a local group") are left alone.

A person named with the body ("Lena Voskamp, 47, operations director of Voskamp Towage"
for "Which tug company supplied the Tiberon?") answers with the body, the name the span
ends on after "of", "with", "at" or "for".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qa.reading import ReadSpan, set_aside

_NAMED_BODIES = (
    "company|companies|firm|firms|corporation|agency|agencies|authority|utility|utilities|zoo|"
    "museum|university|bank|airline|newspaper|hospital|school|charity|foundation|institute|"
    "broadcaster|club"
)
# "Which utility ...?", "What government agency ...?", "From which company ...?": at most
# one word between the question word and the body ("tug company", "government agency").
_BODY_ASKED = re.compile(
    rf"^\W*(?:(?:from|for|by|at|in|to|with)\s+)?(?:which|what)\s+(?:[a-z-]+\s+)?(?:{_NAMED_BODIES})\b",
    re.IGNORECASE,
)
_NAME_MARK = re.compile(r"[A-Z0-9]")
# "<person>, <age>, <role> of <Body Name>": the body's name ending the span.
_PERSON_OF_BODY = re.compile(
    r",\s+\d{1,3},\s+[^,]*?\b(?:of|with|at|for)\s+"
    r"(?P<body>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&))*)\W*$"
)


def not_unnamed(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those in small letters only, where `question` asks which company
    (or another body that is named with capitals); each replaced by the reader's
    runner-up in its sentence where it believed it."""
    if _BODY_ASKED.match(question) is None:
        return list(spans)
    kept = set_aside(spans, lambda span: _NAME_MARK.search(span.text) is None)
    return [_the_body(span) for span in kept]


def _the_body(span: ReadSpan) -> ReadSpan:
    """`span` cut to the body's name a person is named with in it, else as it is."""
    found = _PERSON_OF_BODY.search(span.text)
    if found is None:
        return span
    start, end = span.start + found.start("body"), span.start + found.end("body")
    return replace(span, text=found["body"], start=start, end=end)
