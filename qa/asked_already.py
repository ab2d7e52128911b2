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

Not where the question offers a choice ("Which is longer, the Rhine or the Danube?") or
asks yes or no (qa.polar reads the span's clause).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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


def _singular(text: str) -> str:
    """`text` (normalised) with each word's plural "s" dropped, so that "red pandas" is
    held by "Which red panda has been found?" (stories h29-h32)."""
    return " ".join(
        w[:-1] if len(w) > _SHORTEST_PLURAL and w.endswith("s") else w for w in text.split()
    )


# "bus" and "gas" keep their "s"; "pandas" does not.
_SHORTEST_PLURAL = 3
