"""A count is no age.

"How old was Captain Johan Aaberg when he died?" was answered "23" (0.94) of "Of the 31
people on board, 23 died, including the captain, Johan Aaberg.": the number of the dead,
in the sentence that names him. An article gives an age with words that say so: "aged
68", "at the age of 17", "a 52-year-old", "68 years old", "when she was 17", or set off
by commas after a name ("Baird, 68, said"). Where "how old" is asked, a span that is a
bare number with none of these around it is set aside, so the other spans are weighed
or the question withheld.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.answerability import CARDINALS
from qa.reading import ReadSpan
from qa.time_of_day import CLOCK_TIME

_AGE_ASKED = re.compile(r"\bhow\s+old\b|\bwhat\s+age\b|\bat\s+what\s+age\b", re.IGNORECASE)
# A number alone: digits or number words, nothing that says what it measures.
_BARE = re.compile(
    rf"^(?:about\s+|around\s+|nearly\s+|almost\s+)?(?:\d[\d,.]*|(?:[a-z]+-)?(?:{CARDINALS}))$",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"\b(?:aged?|age\s+of|was|is|were|are|turned|turns|turning|be|been)\s+"
    r"(?:now\s+|then\s+|only\s+|just\s+)?$",
    re.IGNORECASE,
)
_NAME_COMMA = re.compile(r"(?-i:[A-Z])[\w’'-]*\s*,\s*$")
_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?)\b", re.IGNORECASE)


def not_counts(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less bare numbers that the article does not give as an age, where
    `question` asks how old (`text`: the article the spans' offsets are in); where it
    asks "how old", less spans that hold no amount of time at all ("Prime Minister" for
    "How old is he?") or tell a clock time ("6 a.m.")."""
    if _AGE_ASKED.search(question) is None:
        return list(spans)
    kept = [span for span in spans if not _BARE.match(span.text.strip()) or _aged(span, text)]
    if _HOW_OLD.search(question) is None:
        return kept  # "What age ...?" asks for an era as often ("the Bronze Age")
    return [
        span
        for span in kept
        if _AN_AGE.search(_NOT_OF_TIME.sub(" ", span.text)) and not _CLOCK.search(span.text)
    ]


_HOW_OLD = re.compile(r"\bhow\s+old\b", re.IGNORECASE)
# What an age is told with: a number, or a span of time ("several centuries"; "the
# fifth-oldest", as reference text compares).
_AN_AGE = re.compile(
    rf"\d|\b(?:{CARDINALS})|teens?\b|ties\b|hundred|dozen|years?\b|decades?\b|centur|"
    r"months?\b|weeks?\b|days?\b|old",
    re.IGNORECASE,
)
_CLOCK = re.compile(CLOCK_TIME, re.IGNORECASE)
# A number joined to what it counts that is no time: "two-person" (crew), "12-storey".
_NOT_OF_TIME = re.compile(
    rf"\b(?:\d+|{CARDINALS})-(?!(?:years?|months?|weeks?|days?|decades?|centur\w*|old)\b)"
    r"[^\W\d_]+",
    re.IGNORECASE,
)


def _aged(span: ReadSpan, text: str) -> bool:
    """Whether the words around `span` give it as an age: "aged 68", "68 years", or set
    off by commas after a name ("Baird, 68, said"; not "on board, 23 died")."""
    before = text[max(0, span.start - 40) : span.start]
    after = text[span.end : span.end + 12]
    if _BEFORE.search(before) or _AFTER.match(after):
        return True
    return _NAME_COMMA.search(before) is not None and after.lstrip().startswith(",")
