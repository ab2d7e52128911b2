"""What another owner has is no answer: "What is the name of Velmora's capital?" is not
answered "Port Halden" of "meeting in the Lusenian capital of Port Halden".

SQuAD 2.0's writers, and ours (data/validation-news), make a question the article does
not answer by swapping its owner for another the article names; the reader, finding the
noun and a name beside it, answers. Where a question asks about a thing a name owns
("Velmora's capital") and the span is set beside that noun as another's (the owner's
people before it, "the Lusenian capital of Port Halden"; another name's possessive,
"Astrania's capital, Kelmar"), the span is set aside for the reader's runner-up in its
sentence, where it believed it. Roles held for another owner are qa.apposition's
(held_elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.apposition import same_owner
from qa.demonyms import is_people_word, people_of
from qa.reading import ReadSpan, set_aside

# "Velmora's capital", "the Rhine's source": a name, its possessive and a noun in small
# letters.
_OWNED = re.compile(
    r"(?P<owner>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2})[’']s\s+(?P<noun>(?-i:[a-z])[\w-]+)"
)
# How far before the span the noun and its other owner may be.
_BEFORE = 60


def not_anothers(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """`spans` less those set beside the noun `question` asks of its owner as another's
    (`text`: the article the spans' offsets are in)."""
    asked = _OWNED.search(question)
    if asked is None:
        return list(spans)
    owner, noun = asked["owner"], re.escape(asked["noun"])
    # "the Lusenian capital of ", "Astrania's capital, ": the noun's other owner right
    # before the span.
    beside = re.compile(
        rf"(?:\b(?P<people>(?-i:[A-Z])[\w-]+)\s+{noun}\s+of\s+(?:the\s+)?"
        rf"|(?P<other>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){{0,2}})[’']s\s+{noun}\s*,?\s+)$"
    )

    owns = re.compile(rf"\s+{noun}\b")

    def anothers(span: ReadSpan) -> bool:
        found = beside.search(text, max(0, span.start - _BEFORE), span.start)
        if found is None:
            # Nor the other owner itself: "Lusenian" of "the Lusenian capital".
            people = span.text.strip()
            return (
                owns.match(text, span.end) is not None
                and is_people_word(people)
                and not people_of(people, owner)
            )
        if found["people"] is not None:
            people = found["people"]
            return is_people_word(people) and not people_of(people, owner)
        other = found["other"]
        return not same_owner(other, owner)

    return set_aside(spans, anothers)
