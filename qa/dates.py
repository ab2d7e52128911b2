"""Calendar dates in questions and sentences, so "Nov. 23" finds "November 23"."""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as date_parser

from index.sentences import Sentence

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# Regex only finds candidates ("November 23rd", "23 November", "23rd of Nov."); dateutil
# decides what they mean.
_DATE = re.compile(rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?![\w])", re.IGNORECASE)
# A date set in one sentence keeps applying to the next ones ("Just days later, on
# November 23, ... the target was ..."), fading with distance until a new date appears.
INHERIT_DECAY = 0.6
INHERIT_SPAN = 4

Day = tuple[int, int]  # (month, day); articles rarely repeat a year, questions never do


def find_dates(text: str) -> set[Day]:
    """The (month, day) pairs mentioned in `text`."""
    found: set[Day] = set()
    for match in _DATE.finditer(text):
        try:
            parsed = date_parser.parse(match.group(0), default=datetime(2000, 1, 1), fuzzy=True)
        except (ValueError, OverflowError):
            continue
        found.add((parsed.month, parsed.day))
    return found


def date_phrases(text: str) -> list[str]:
    """The date phrases as written in `text` ("Nov. 23", "23rd of November")."""
    return [match.group(0) for match in _DATE.finditer(text)]


def remove_dates(text: str) -> str:
    """`text` with its date phrases blanked out (the date signal scores them instead)."""
    return _DATE.sub(" ", text)


def sentence_dates(sentences: list[Sentence]) -> list[dict[Day, float]]:
    """For each sentence, the dates it is about with a strength in 0..1 (1 = stated)."""
    result: list[dict[Day, float]] = []
    current: set[Day] = set()
    distance = 0
    for sentence in sentences:
        own = find_dates(sentence.text)
        if own:
            current, distance = own, 0
            result.append(dict.fromkeys(own, 1.0))
            continue
        distance += 1
        if current and distance <= INHERIT_SPAN:
            result.append(dict.fromkeys(current, INHERIT_DECAY**distance))
        else:
            result.append({})
    return result
