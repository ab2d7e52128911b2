"""A life's span read for one end of it: "When was Henrike Salvay born?" of "Henrike
Salvay (12 March 1831 – 4 November 1902)" is the first date, "When did she die?" the
second. The reader reads the brackets whole; encyclopedias open biographies with them."""

from __future__ import annotations

import re
from collections.abc import Sequence
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


# A name and the brackets after it that hold a year: "Thomas Kerrigan Baird (14 March
# 1811 – 2 November 1879)", "Ada Lovelace (born 1815)".
_BRACKETED = re.compile(
    r"(?P<name>(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){0,5})\s*"
    r"\((?P<life>[^()]*\b\d{3,4}\b[^()]*)\)"
)
# The capitalised words a question names someone by; its first word is capitalised anyway.
_NAMED = re.compile(r"(?<=\s)(?-i:[A-Z])[\w’'-]*")


def life_told(question: str, sentences: Sequence[str]) -> int | None:
    """The sentence that brackets the life of the one `question` names, where it asks when
    they were born or died ("When was Thomas Baird born?": "Thomas Kerrigan Baird (14 March
    1811 – 2 November 1879) was ..."); None where it asks neither or names no one so.

    A biography opens with the brackets, and says nothing more of its subject's birth
    there; retrieval, matching the name, put "named the MV Thomas Baird after him in
    1984" first, and the reader read that year with confidence."""
    if not (_BIRTH.search(question) or _DEATH.search(question)):
        return None
    named = {word.lower() for word in _NAMED.findall(question)}
    if not named or any(word.endswith(("’s", "'s")) for word in named):
        return None  # no one named, or someone's ("When was Baird's wife born?")
    for position, sentence in enumerate(sentences):
        for found in _BRACKETED.finditer(sentence):
            words = {word.lower() for word in found["name"].split()}
            if named <= words:
                return position
    return None


def from_the_life(spans: Sequence[ReadSpan], told: int | None) -> list[ReadSpan]:
    """The spans read in the sentence bracketing the life asked of (`told`: life_told),
    where the reader reads one there as an answer; otherwise the spans as they are."""
    kept = [span for span in spans if span.position == told]
    return kept if any(span.margin > 0 for span in kept) else list(spans)
