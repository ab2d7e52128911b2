"""Two questions typed as one: "When did the museum reopen and how many people came?",
"Who criticised the increase and why?", "Where and when did the strike happen?", "What
happened on November 19 and 23?".

The reader answers one question with one span: asked whole, such a question got one of
its answers or none ("When did the museum reopen and how many people came?" was not
found; each half alone was). Split at an "and" that a question word follows, each half is
asked in turn, the second as a follow-up of the first, so that "why?" and "how many
people came?" are read as they would be had they been typed next (qa.followup).

Only English function words decide; a question comparing two things ("What is the
difference between what he said and what she did?") is not split.
"""

from __future__ import annotations

import re

from qa.answer import Answer, Evidence
from qa.dates.patterns import DAY, MONTH
from qa.messages import asked_as_two
from qa.referring import AUXILIARIES, WH, words

# ", and when ...", " and why?": an "and" that a question word follows, in lower case
# ("data collected by UNICEF and Who" names the WHO).
_JOIN = re.compile(rf",?\s+(?i:and)\s+(?=(?:{'|'.join(sorted(WH))})\b)")
# At most this many words before the "and" ask with the second's rest ("What year and
# where was it given?": "What year was it given?").
_SHARING = 2
# Words after which an "and" joins two things compared or listed, not two questions.
_COMPARING = frozenset("between both whether".split())


# "on November 19 and 23", "in the November 19 and November 23 strikes": one question
# about two days, asked of each ("between November 19 and 23" is one span of days).
_TWO_DAYS = re.compile(
    rf"(?<!between\s)\b(?P<a>(?P<mon>{MONTH})\s+{DAY})\s+and\s+(?:(?:on|in)\s+)?"
    rf"(?P<b>(?P<mon2>{MONTH})\s+{DAY}|{DAY})(?![\w/.-]\w)",
    re.IGNORECASE,
)


def split_compound(question: str) -> tuple[str, str] | None:
    """The two questions `question` joins ("When did the museum reopen?", "How many
    people came?"), or None where it is one question. A question word alone first
    ("Where and when did it happen?", "What year and where ...?") takes the rest of the
    second ("Where did it happen?", "When did it happen?")."""
    parts = _JOIN.split(question.strip(), maxsplit=1)
    if len(parts) != 2:
        return _two_days(question.strip())
    first, second = (part.strip().rstrip("?").strip() for part in parts)
    first_words = [word.lower() for word in words(first)]
    second_words = words(second)
    if not first_words or not second_words or _COMPARING & set(first_words):
        return None
    if first_words[0] not in WH | AUXILIARIES:
        return None  # "Tell me what happened and why": a request, not two questions
    if len(first_words) <= _SHARING and not first_words[-1].endswith("ed"):
        # ("What happened and who was hurt?" asks two whole questions.)
        if AUXILIARIES & set(first_words) or len(second_words) == 1:
            return None  # "When did and how did ...?"; "Where and when?" varies the last
        rest = second[len(second_words[0]) :]
        first = f"{first}{rest}"
    return f"{_capitalised(first)}?", f"{_capitalised(second)}?"


def _two_days(question: str) -> tuple[str, str] | None:
    """The question asked of each of two days it joins ("What happened on November 19
    and 23?": "... on November 19?", "... on November 23?"), or None."""
    days = _TWO_DAYS.search(question)
    if days is None:
        return None
    second = days["b"] if days["mon2"] else f"{days['mon']} {days['b']}"
    before, after = question[: days.start()], question[days.end() :]
    return f"{before}{days['a']}{after}", f"{before}{second}{after}"


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def both_answered(first: Answer, second: Answer, questions: tuple[str, str]) -> Answer:
    """One answer to two questions: the texts of those found joined by "; ", each one's
    best sentence cited first, scored as the less likely of the two to be answered
    (where both are found) and confident only where both are. How it was read says
    which half the article does not answer."""
    answers = (first, second)
    found = [answer for answer in answers if answer.found]
    unanswered = [
        question for question, answer in zip(questions, answers, strict=True) if not answer.found
    ]
    cited: dict[int, Evidence] = {}
    for evidence in (*first.evidence[:1], *second.evidence[:1], *first.evidence, *second.evidence):
        cited.setdefault(evidence.position, evidence)
    return Answer(
        # A sentence quoted whole ends in a stop that "; " would follow.
        "; ".join(answer.text.rstrip(" .") if len(found) == 2 else answer.text for answer in found),
        bool(found),
        min(answer.score for answer in (found or answers)),
        list(cited.values())[: max(len(first.evidence), len(second.evidence))],
        asked_as_two(questions, unanswered),
        confident=len(found) == 2 and all(answer.confident for answer in found),
    )
