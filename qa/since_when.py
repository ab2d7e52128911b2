"""A date after "since" says when a state began, not when it ended.

"When did the chief executive step down?" was answered "2016" of "He had led the lender
since 2016." (stories h35-h38): the year he took charge. Where a question asks when
something ended (resigned, stepped down, left, died, closed ...), a span that is the date
after "since", or opens on "since", is set aside, and the reader's runner-up in its
sentence is weighed instead where it believed the span; the other passages are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.reading import ReadSpan, set_aside

_WHEN = re.compile(r"^\W*(?:(?:and|so|but)\s+)?when\b", re.IGNORECASE)
# Verbs of an end: of an office, a life, a business, a run.
_ENDED = re.compile(
    r"\b(?:resign(?:s|ed|ing)?|quit(?:s|ting)?|st(?:ep|eps|epped|epping|ood|and|ands)\s+down|"
    r"leave|leaves|left|leaving|retire[sd]?|retiring|die[sd]?|dying|end(?:s|ed)?|stop(?:s|ped)?|"
    r"close[sd]?|closing|shut|fired|sacked|dismissed|ousted|ceased?|collapsed?)\b",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:about\s+|around\s+|early\s+|late\s+)?$", re.IGNORECASE)
_SINCE_OPENS = re.compile(r"^\W*since\b", re.IGNORECASE)


def not_since(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less dates a state has lasted since, where `question` asks when something
    ended (`text`: the article the spans' offsets are in)."""
    if _WHEN.match(question) is None or _ENDED.search(question) is None:
        return list(spans)
    return set_aside(
        spans,
        lambda span: (
            _SINCE_OPENS.match(span.text) is not None
            or _SINCE_BEFORE.search(text, max(0, span.start - 20), span.start) is not None
        ),
    )
