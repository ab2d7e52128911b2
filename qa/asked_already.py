"""An answer the question already holds tells nothing.

"What was the former name of the Comcast Building, location of GE's main offices?" was
answered "Comcast Building" (on the split). A span of two words or more that the
question holds whole is set aside, and the best span the reader read beside it in its
sentence, where it believed the one set aside (margin over 0), is weighed instead ("30
Rockefeller Plaza at Rockefeller Center"). One word may answer: "What band does Chris
Daughtry sing for?" / "Daughtry", on the split.

Nor is the last answer an answer where the question's pronoun points at it: "Who runs
it?", after "Who is the market leader?" / "Stellan Telecom", is read "Who runs the market
leader?", and the reader answered "Stellan Telecom" (0.91); "it" is not who runs it.

Nor is a thing the question names by its kind who did something: "Who died in the storm?"
is not answered "Ingrid" of "Storm Ingrid" (stories h35-h38).

Not where the question offers a choice ("Which is longer, the Rhine or the Danube?") or
asks yes or no (qa.polar reads the span's clause).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.lexical import terms
from qa.person_nouns import names_a_role
from qa.polar import asks_yes_or_no
from qa.reading import ReadSpan, set_aside
from qa.scoring import normalize

_CHOICE = re.compile(r"\bor\b", re.IGNORECASE)


def not_asked_already(
    spans: Sequence[ReadSpan], question: str, pointed_at: str | None = None
) -> list[ReadSpan]:
    """The spans less those the question holds whole, or the last answer its pronoun
    points at (`pointed_at`), each replaced by the span the reader read beside it where
    it believed it (see the module's note)."""
    if _CHOICE.search(question) or asks_yes_or_no(question):
        return list(spans)
    asked = {f" {_singular(normalize(question))} "}
    if pointed_at and normalize(pointed_at):
        asked.add(f" {_singular(normalize(pointed_at))} ")

    def held(span: ReadSpan) -> bool:
        words = normalize(span.text).split()
        # A title before the name the question holds: "Councillor Douglas Whitcombe" for
        # "Who seconded Douglas Whitcombe's amendment?".
        while len(words) > 2 and names_a_role(words[0]):
            words = words[1:]
        if pointed_at is None and len(words) < 2:
            return False  # "Daughtry" of "What band does Chris Daughtry sing for?" answers
        said = _singular(" ".join(words))
        return bool(said) and any(f" {said} " in text for text in asked)

    return set_aside(spans, held)


_WHO = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?:who|whom)\b", re.IGNORECASE)
# A capitalised word right before the span: "Storm" of "Storm Ingrid".
_KIND_BEFORE = re.compile(r"(?<![\w’'-])(?P<kind>(?-i:[A-Z])[a-z]+)\s+$")


def not_its_name(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less names of a thing `question` names by its kind ("Ingrid" of "Storm
    Ingrid" for "Who died in the storm?"), where it asks who; `text`: the article the
    spans' offsets are in. Each replaced by the reader's runner-up where it believed it."""
    if _WHO.match(question) is None:
        return list(spans)
    asked = set(re.findall(r"(?-i:[a-z])[a-z]+", question))

    def a_kind_asked(word: str) -> bool:
        # Not "The" of "The Hague", nor "Mayor" of "Mayor Carl Huang": someone.
        kind = word.lower()
        return kind in asked and bool(terms(kind)) and not names_a_role(kind)

    def named(span: ReadSpan) -> bool:
        if not span.text[:1].isupper():
            return False
        words = span.text.split()
        if len(words) > 1 and a_kind_asked(words[0]):
            return True  # "Storm Ingrid" itself
        found = _KIND_BEFORE.search(text, max(0, span.start - 30), span.start)
        return found is not None and a_kind_asked(found["kind"])

    return set_aside(spans, named)


def _singular(text: str) -> str:
    """`text` (normalised) with each word's plural "s" dropped, so that "red pandas" is
    held by "Which red panda has been found?" (stories h29-h32)."""
    return " ".join(
        w[:-1] if len(w) > _SHORTEST_PLURAL and w.endswith("s") else w for w in text.split()
    )


# "bus" and "gas" keep their "s"; "pandas" does not.
_SHORTEST_PLURAL = 3
