"""Questions for when the last answer's event was ("When was that?", "When did it
happen?", "What day was that?"), answered with the date its sentence tells of.

Their words name nothing but a time: after "What did local residents report?", "When was
that?" was read beside the cited sentence, which states no date ("However, local
residents reported widespread damage ..."), and was not found; a date pinned into the
question ("When was that on November 19?") sent the reader to a time of day. The date
is in the structure: each sentence is about the date it states or the last one stated
before it (qa.dates.sentences), and the last answer's evidence names its sentence
(qa.followup.cited). The answer is that date as the article writes it, cited to the
sentence stating it.
"""

from __future__ import annotations

import re

from qa.dates.patterns import YEAR
from qa.question_form import whole_request

_THAT = r"(?:that|this|it)"
# Whole requests only, as qa.question_form tidies them ("When was that?").
_WHEN = whole_request(
    r"when"
    rf"|when\s+(?:was|is|did|does)\s+{_THAT}(?:\s+(?:happen|take\s+place|occur))?"
    rf"|(?:what|which)\s+(?:day|date)\s+(?:was|is|did)\s+{_THAT}(?:\s+(?:happen|take\s+place|occur))?"
    r"|when\s+was\s+(?:that|this)\s+again|on\s+what\s+(?:day|date)"
)


def asks_date(question: str) -> bool:
    """Whether `question` asks only when the last answer's event was."""
    return _WHEN.match(question.strip()) is not None


# A time a sentence tells of that is no calendar day: a year ("In 2010", "by 2029") or a
# span counted from now ("last year", "two weeks ago").
_OWN_TIME = re.compile(
    rf"\b{YEAR}|\b(?:years?|months?|weeks?|decades?|centur(?:y|ies)|ago|yesterday|today|"
    r"tomorrow|tonight|hours?)\b",
    re.IGNORECASE,
)


def tells_own_time(sentence: str) -> bool:
    """Whether `sentence` tells of a time of its own that no calendar day grounds ("In
    2010, a magnitude 8.8 earthquake ..."): the day it inherits from a sentence before is
    then not when its event was."""
    return _OWN_TIME.search(sentence) is not None
