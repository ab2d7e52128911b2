"""A life's span read for one end of it: "When was Henrike Salvay born?" of "Henrike
Salvay (12 March 1831 – 4 November 1902)" is the first date, "When did she die?" the
second. The reader reads the brackets whole; encyclopedias open biographies with them."""

from __future__ import annotations

import re
from dataclasses import replace

from qa.reading import ReadSpan

# Two dates (each with a year) joined by a dash: "12 March 1831 – 4 November 1902",
# "1831–1902", "c. 1050 - 1098".
_SPAN = re.compile(
    r"^(?P<first>[^–—-]*?\b\d{3,4}\b[^–—-]*?)\s*[–—-]\s*(?P<second>[^–—-]*?\b\d{3,4}\b[^–—-]*)$"
)
_BIRTH = re.compile(r"\b(?:born|birth|birthday|birthdate)\b", re.IGNORECASE)
_DEATH = re.compile(r"\b(?:die|died|dies|death|dead|pass\s+away|passed\s+away)\b", re.IGNORECASE)


def one_end(question: str, span: ReadSpan) -> ReadSpan:
    """The end of a life's span `question` asks for (birth: the first date, death: the
    second), where `span` is two dates joined by a dash; else `span` as it is."""
    found = _SPAN.match(span.text)
    if found is None:
        return span
    birth, death = _BIRTH.search(question), _DEATH.search(question)
    if bool(birth) == bool(death):
        return span  # neither asked, or both ("When was she born and when did she die?")
    part = "first" if birth else "second"
    start, end = found.span(part)
    return replace(span, text=found[part], start=span.start + start, end=span.start + end)
