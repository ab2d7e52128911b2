"""A span of the kind the question asks for, over a likelier one that is not.

"When is the new bridge supposed to open?" read "on time" in "If the new bridge opens on
time, ..." (the reader's margin 6.3) over "the spring of 2029" (5.2) in another passage:
both read as answers, and only one is a time. Where the question asks for a date, a
number or a length of time (qa.answerability.answer_type) and some span of that kind is
an answer by the reader's own margin (over "no answer"), the spans of no such kind are
set aside. Where none is, the spans stay as they are, and the answerability model weighs
the answer's type as it always has. A name is not checked so: its cue (a capital) is too
weak to set the reader's choice aside; nor is a share asked as a count ("how many
graduates remain?" for "80.5%", qa.shares): it is a number.

A name given for a time is set aside even where nothing else is read: "When did Governor
Ellen Marsh lift the state of emergency?" read "Ashford" of "declared a state of
emergency for Ashford", and "When was the soundtrack made available?" read "IGN". A span
of capitalised words alone (after a preposition at most) with no date word in it tells
no time; "Christmas" or "the Second World War" do (qa.answerability's date words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.answerability import DATE, DURATION, NUMBER, answer_type, fits_type
from qa.reading import ReadSpan, set_aside

_CHECKED = (DATE, NUMBER, DURATION)
# A question's first question word. "When" there asks for a time only where it opens the
# question ("When ...", "Since when ..."): "The noise does not happen when the author uses
# what rom?" asks for a rom, and "when" is a conjunction.
_FIRST_ASKING = re.compile(r"\b(?:who|whom|whose|when|where|why|what|which|how)\b", re.IGNORECASE)
# "What period ...", "Which era ...": a period may be named ("Pliocene"), with no date in it.
_PERIOD_NAMED = re.compile(r"\b(?:what|which)\s+(?:period|era|age|epoch|dynasty)s?\b", re.I)
_OPENS_WITH_WHEN = re.compile(r"^\W*(?:(?:since|until|till|from|by|and|so|but)\s+)?when\b", re.I)
# Capitalised words only, after a preposition at most: "Ashford", "for Ashford", "IGN".
_A_NAME_ALONE = re.compile(
    r"^(?:(?:for|in|at|of|by|from|to|with)\s+)?(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*)*$"
)
# Names that tell a time: of the year, or of the week ("Mondays").
_FEAST = re.compile(
    r"\b(?:christmas|easter|ramadan|eid|hanukkah|diwali|passover|new\s+year|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?)",
    re.IGNORECASE,
)


def of_the_kind(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans of the kind `question` asks for, where one of them leads "no answer";
    otherwise the spans as they are."""
    kind = answer_type(question)
    if kind not in _CHECKED or _when_inside(question) or _PERIOD_NAMED.search(question):
        return list(spans)
    if kind == DATE:
        spans = set_aside(spans, _no_time)
    # A span the reader believed, of another kind: the best it read beside it in the
    # sentence may be of the kind ("on time" of "opens on time in the spring of 2029").
    kept = set_aside(spans, lambda span: not fits_type(kind, span.text, starts_sentence=False))
    if not any(span.margin > 0 for span in kept):
        return list(spans)
    return kept


def _when_inside(question: str) -> bool:
    """Whether the question's first question word is a "when" inside a clause."""
    first = _FIRST_ASKING.search(question)
    return (
        first is not None
        and first.group().lower() == "when"
        and _OPENS_WITH_WHEN.match(question) is None
    )


def _no_time(span: ReadSpan) -> bool:
    """Whether `span` is a name alone, telling no time ("for Ashford")."""
    text = span.text.strip()
    return (
        _A_NAME_ALONE.match(text) is not None
        and not fits_type(DATE, text, starts_sentence=False)
        and _FEAST.search(text) is None
    )
