"""Requests for where the last answer came from ("Where does it say that?", "source?",
"how do you know?"), answered with the last answer's own sentence, quoted whole.

They hold a pointer ("that", "it") and were read as follow-ups: "Where does it say that?"
after "Who hailed the talks?" read "Where does it say Lebanon's foreign ministry?" and
answered "Ras EnNakoura". What they ask for is the sentence the answer was read from,
which its structured evidence names (qa.followup.cited: the answer's own sentence first).
"""

from __future__ import annotations

from qa.question_form import whole_request

_THAT = r"(?:that|this|it|so)"
# Whole requests only, as qa.question_form tidies them ("Source?").
_SOURCE = whole_request(
    rf"(?:where|how)\s+does\s+(?:it|the\s+(?:article|text|story))\s+say\s+{_THAT}"
    rf"|where\s+(?:did|do)\s+you\s+(?:get|read|find|see)\s+{_THAT}"
    rf"|where\s+(?:is|was)\s+{_THAT}\s+(?:from|said|written|stated)"
    rf"|how\s+do\s+you\s+know(?:\s+{_THAT})?"
    r"|(?:what\s+is\s+)?(?:the|your)\s+sources?"
    r"|sources?|citation|proof|evidence|(?:quote|cite)\s+(?:it|that|the\s+sentence)"
    rf"|(?:which|what)\s+sentence(?:\s+(?:says\s+{_THAT}|is\s+{_THAT}\s+from))?"
    rf"|show\s+me\s+(?:where(?:\s+it\s+says\s+{_THAT})?|the\s+sentence)"
)


def asks_source(question: str) -> bool:
    """Whether `question` asks where the last answer came from rather than about a fact."""
    return _SOURCE.match(question.strip()) is not None
