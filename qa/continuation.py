"""Requests to go on from the last answer ("Tell me more", "go on", "What happened next?"),
answered with the article's next sentence, quoted whole.

Their words name nothing to search for or read: "Tell me more" found no span and "go on"
was read as the keyword query "What is the Go on?". What they ask for is the story
continued from where the last answer stood, which its structured evidence says (the
sentences it cited, qa.followup.cited), not its text. Each request in a row goes one
sentence further; the sentence is the article's own words, so nothing is scored by the
calibration.
"""

from __future__ import annotations

from collections.abc import Sequence

from qa.dates.chronology import DatedEvent
from qa.question_form import whole_request

# Whole requests only, as qa.question_form tidies them ("Tell me more?"). "What else ...?"
# is not one: it asks the last question again for another answer; nor is "What happened
# then?", which asks what happened at the time the last answer named (qa.referring).
_MORE = whole_request(
    r"tell\s+me\s+more(?:\s+about\s+(?:that|it|this|them))?"
    r"|more(?:\s+(?:details?|info|information))?"
    r"|(?:go|carry|read)\s+on|continue|keep\s+going|say\s+more|elaborate"
    r"|(?:and\s+)?then|then\s+what|what\s+next|what\s+happened\s+(?:next|after\s+that)"
    r"|what\s+came\s+next"
)


# Of those, the ones asking what happened after the last answer, not for more of it: the
# next day the article dates, where the last answer's sentence has one.
_NEXT = whole_request(
    r"(?:and\s+)?then|then\s+what|what\s+next|what\s+happened\s+(?:next|after\s+that)"
    r"|what\s+came\s+next"
)


def asks_more(question: str) -> bool:
    """Whether `question` asks to go on from the last answer rather than about a fact."""
    return _MORE.match(question.strip()) is not None


def next_position(cited: Sequence[int], count: int) -> int | None:
    """The sentence to quote next, of an article of `count` sentences: the one after the
    last answer's own sentence (`cited[0]`; its other citations are links the chat shows
    by number, not text read); None past the article's end or with nothing cited."""
    if not cited or cited[0] + 1 >= count:
        return None
    return cited[0] + 1


def asks_next(question: str) -> bool:
    """Whether `question` asks what happened after the last answer ("And then?", "What
    happened next?"), not only for more of it ("Tell me more")."""
    return _NEXT.match(question.strip()) is not None


def next_event(cited: Sequence[int], events: Sequence[DatedEvent]) -> DatedEvent | None:
    """The first event (`events`: the article's chronology, earliest first) dated after
    the day of the last answer's own sentence (`cited[0]`), in another sentence: what
    happened next ("On November 23, the IDF confirmed another air strike" after the
    November 19 strike, though the article tells of its aftermath in between). None
    where that sentence has no date, or nothing later is dated."""
    if not cited:
        return None
    days = [event.first for event in events if event.position == cited[0]]
    if not days:
        return None
    later = (e for e in events if e.first > max(days) and e.position != cited[0])
    return next(later, None)
