""" "Which country's ambassador issued a warning?" answered with the name that owns the
noun in the answer's sentence: "Russia" of "Russia’s ambassador to Lebanon issued a stark
warning" (the reader read "Lebanon", the other name beside "ambassador").

The question asks whose the noun is ("Whose recording ...?", "Which country's
ambassador ...?"); the sentence answers with a possessive right before that same noun, or
a name set before it ("a Hamas training camp"). Only those forms count: a name elsewhere
in the sentence is left to the reader.
"""

from __future__ import annotations

import re

# "Whose recording ...", "Which country's ambassador ...": the noun owned.
_ASKED = re.compile(
    r"^\s*(?:whose|(?:which|what)\s+[^\W\d_]+[’']s)\s+(?P<noun>[^\W\d_][\w-]*)", re.IGNORECASE
)
# A name (capitalised words, small joining words between) and its possessive.
_NAME = r"(?-i:[A-Z])[\w-]*(?:\s+(?:(?:of|the|de|al)\s+)?(?-i:[A-Z])[\w-]*){0,3}"


# "Who ran the training camp?", "Which group owns the station?": the owner of the thing
# ("Who runs the Old Mill café?" names the café: the one who runs it is asked).
_OWNED_BY_WHO = re.compile(
    r"^\s*(?:who|which\s+[^\W\d_]+)\s+(?:runs?|ran|operates?|operated|owns?|owned|controls?"
    r"|controlled|manages?|managed)\s+(?:the|a|an)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}"
    r"(?P<noun>[^\W\d_][\w-]*)\s*\??\s*$",
    re.IGNORECASE,
)


def owned_noun(question: str) -> str | None:
    """The noun whose owner the question asks for ("ambassador"; "camp" of "Who ran the
    training camp?"), or None."""
    asked = _ASKED.match(question) or _OWNED_BY_WHO.match(question)
    return asked["noun"] if asked is not None else None


def owner(noun: str, sentence: str) -> tuple[int, int] | None:
    """Where, in `sentence`, the name owning `noun` is ("Russia" of "Russia’s
    ambassador"; "Hamas" of "a Hamas training camp"), or None where no possessive or
    name set before the noun as its modifier stands right before it."""
    # In lower case: a common noun ("the Houston Chronicle" is one name, owned by no
    # "Houston").
    noun = re.escape(noun.lower())
    found = re.search(rf"(?P<name>{_NAME})[’']s\s+{noun}\b", sentence) or re.search(
        rf"\b(?i:a|an|the)\s+(?P<name>{_NAME})(?:\s+(?-i:[a-z])[\w-]*){{0,2}}\s+{noun}\b",
        sentence,
    )
    return found.span("name") if found is not None else None
