"""A time of day is no date: "What time of day did the Beirut strike take place?" was
answered "November 23" (0.80), which says which day, not when in it.

Where a question asks the time of day, only spans that tell one (a clock time, "a.m.",
"noon", "the early hours", "morning" ...) answer it; where the reader found none, the
question is withheld, as it should be when the article does not say. "Time of day", or
"What time" before a verb of a deed ("What time was the mayday call?"): "What time ...?"
also asks for an era in reference text ("What time is referred to as the Edo period?":
"1600 to 1868", the validation split's gold answer).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from qa.dates.patterns import WEEKDAYS
from qa.reading import ReadSpan, set_aside

_ASKS = re.compile(r"\btime\s+of\s+(?:the\s+)?day\b", re.IGNORECASE)
# A clock time with its "a.m.", "p.m." or "o'clock" ("6 a.m.", "4.20 p.m."): no count
# (qa.counted) and no age (qa.ages).
CLOCK_TIME = r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?|o['’]clock\b)"
_TELLS = re.compile(
    r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*(?:a\.?m\b|p\.?m\b)|o['’]clock|\b(?:noon|midnight|midday|"
    r"dawn|dusk|daybreak|nightfall|morning|afternoon|evening|night|overnight|sunrise|"
    r"sunset|early\s+hours|small\s+hours|lunchtime|daytime|night-?time)\b",
    re.IGNORECASE,
)


# "What time was the mayday call?", "At what time did the bombs fall?": a question's
# time asked of a deed or event is its time of day; of a name ("What time is referred to
# as the Edo period?", "What time period ...?") an era.
_WHAT_TIME_DID = re.compile(
    r"^\W*(?:(?:roughly|approximately|about|around|at)\s+){0,2}what\s+time\s+"
    r"(?:did|does|do|was|were|will|would|is|are|has|had)\b"
    r"(?!.*\b(?:referred|known|called|named|period|era|age)\b)",
    re.IGNORECASE,
)


# An article that tells a time of day: by the clock, or at midnight or noon ("The measure
# passed 6-5 shortly before midnight" answers "What time did it pass?").
_TOLD_BY_THE_CLOCK = re.compile(rf"{CLOCK_TIME}|\b(?:midnight|noon|midday)\b", re.IGNORECASE)


def asks_time_of_day(question: str, text: str = "") -> bool:
    """Whether `question` asks when in the day something happened: "time of day", or
    "What time" before a deed's verb in an article (`text`) that tells times by the
    clock, or at midnight or noon ("What time did a river system develop in the Upper
    Rhine Graben?" asks an era of an article with no clock time in it)."""
    if _ASKS.search(question) is not None:
        return True
    # The article is searched only for a question that asks so: not on every question.
    if _WHAT_TIME_DID.search(question) is None:
        return False
    return _TOLD_BY_THE_CLOCK.search(text) is not None


def by_the_clock(sentences: Sequence[str]) -> set[int]:
    """The positions of the `sentences` telling a time by the clock, at midnight or noon:
    where a time of day is asked, those are read first ("At what time did the derailment
    happen?" ranked "... left the tracks at about 11:40 p.m. on Wednesday" sixth, below
    sentences sharing the question's words, and reading stopped before it)."""
    return {i for i, text in enumerate(sentences) if _TOLD_BY_THE_CLOCK.search(text)}


def tells_time_of_day(answer: str) -> bool:
    """Whether `answer` tells a time of day ("3:40 a.m.", "dawn", "the early hours")."""
    return _TELLS.search(answer) is not None


def of_the_day(spans: Sequence[ReadSpan], question: str, text: str = "") -> list[ReadSpan]:
    """The spans that tell a time of day, where `question` asks for one of the article
    `text`; otherwise the spans as they are."""
    if not asks_time_of_day(question, text):
        return list(spans)
    # "March 4" of "left the tracks at about 11:40 p.m. on Wednesday, March 4": the time
    # is written beside its day, and the reader's runner-up there tells it.
    return set_aside(spans, lambda span: not tells_time_of_day(span.text))


def fitting_the_day(
    fits: Callable[[str], bool] | None, question: str, text: str = ""
) -> Callable[[str], bool] | None:
    """`fits` (whether an answer is of the kind asked: qa.answerability.answer_fits), made
    to take only a time of day where `question` asks for one of `text`, as of_the_day
    will: a first passage whose best span is "Sunday's crash" (a day, which a date
    question's fit takes) is no decisive answer to "At what time did the wagons come off
    the rails?", and reading goes on to the passage that tells "3:40 a.m."."""
    if not asks_time_of_day(question, text):
        return fits
    if fits is None:
        return tells_time_of_day
    return lambda answer: fits(answer) and tells_time_of_day(answer)


# "On what date ...?", "Which day ...?": a day asked, which a clock time alone ("2 p.m.")
# does not name; nor does it tell a speed ("How fast was the train going?" read "2:40
# a.m" of "derailed at 2:40 a.m.").
_NO_CLOCK_TIME_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:date|day)\b|\bhow\s+fast\b|\b(?:what|which)\s+speed\b",
    re.IGNORECASE,
)
# A clock time and nothing else: "2 p.m.", "14:30", "about 6.30 a.m.".
ONLY_A_TIME = re.compile(
    r"^\W*(?:(?:about|around|at|by|shortly\s+(?:after|before))\s+)?"
    r"\d{1,2}(?:[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC|local\s+time)?"
    r"|\s*(?:a\.?m\.?|p\.?m\.?|o['’]clock))\W*$",  # not "23", a day of the month
    re.IGNORECASE,
)


_DATE_ASKED = re.compile(r"\b(?:what|which)\s+date\b", re.IGNORECASE)
# A weekday and nothing else: "Thursday", "last Tuesday", "on Friday".
_ONLY_A_WEEKDAY = re.compile(
    rf"^\W*(?:(?:on|last|next|this|early|late)\s+)*(?:{'|'.join(WEEKDAYS)})\W*$", re.IGNORECASE
)
_ONLY_A_YEAR = re.compile(r"^\W*(?:in\s+)?\d{4}\W*$", re.IGNORECASE)


def of_the_date(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less a clock time alone, where `question` asks on what date or day (or
    how fast); each replaced by the reader's runner-up in its sentence where it believed
    it (a time is often written beside its day: "at 2 p.m. on Thursday, October 9")."""
    if _NO_CLOCK_TIME_ASKED.search(question) is None:
        return list(spans)
    # "On what date ...?" is not answered by a weekday alone either ("Thursday" of
    # "officials said on Thursday", with "began on February 9" read beside): "Which
    # day ...?" may be. Nor by a year alone ("1978" of "the drought of 1978", with "take
    # effect on June 1" read beside; none of the split's 20 date questions has one).
    date = _DATE_ASKED.search(question) is not None
    return set_aside(
        spans,
        lambda span: (
            ONLY_A_TIME.match(span.text) is not None
            or (date and _ONLY_A_WEEKDAY.match(span.text) is not None)
            or (date and _ONLY_A_YEAR.match(span.text) is not None)
        ),
    )


# "On which day of the week did the fire break out?", "What weekday ...?": a weekday asked.
_WEEKDAY_ASKED = re.compile(r"\bday\s+of\s+the\s+week\b|\bweekday\b", re.IGNORECASE)
_A_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


def of_the_weekday(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans naming a weekday, where `question` asks for a day of the week; each other
    replaced by the reader's runner-up in its sentence where it believed it ("October"
    or "2018" says no weekday, and "the High Court on Thursday ruled" was read past:
    story h47)."""
    if _WEEKDAY_ASKED.search(question) is None:
        return list(spans)
    return set_aside(spans, lambda span: _A_WEEKDAY.search(span.text) is None)


# "officials said on Wednesday": the day it was said, which the story is told on.
_SAID_ON = re.compile(
    r"\b(?:said|says|told\s+\w+|added|confirmed)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# A question about the telling itself ("When did officials say ...?") asks that day.
_TELLING_ASKED = re.compile(
    r"\b(?:say|said|says|tell|told|announce\w*|confirm\w*|statement|report\w*|add(?:ed)?)\b",
    re.IGNORECASE,
)


def not_when_said(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less a day the article (`text`) gives only as when something was said,
    where `question` asks the day of a deed: "A fire tore through a logistics warehouse
    ... late on Tuesday, ..., officials said on Wednesday" does not say the fire broke
    out on Wednesday (story h45); each replaced by the reader's runner-up in its sentence
    where it believed it."""
    if _WEEKDAY_ASKED.search(question) is None and _NO_CLOCK_TIME_ASKED.search(question) is None:
        return list(spans)
    if _TELLING_ASKED.search(question) is not None:
        return list(spans)
    return set_aside(
        spans,
        lambda span: (
            _ONLY_A_WEEKDAY.match(span.text) is not None
            and _SAID_ON.search(text[max(0, span.start - 40) : span.start]) is not None
        ),
    )
