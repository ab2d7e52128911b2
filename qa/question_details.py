"""The details that pin a question down: its figures, its days and months, and its names.

A question made by changing one detail of a sentence ("in 2015" for "in 2019", "on
Thursday" for "on Wednesday", another person's name) shares most of its words with that
sentence, so retrieval and the reader find the sentence; the changed detail alone says
it does not answer. qa.answerability weighs the share of these details that the answer's
sentence and its neighbours use (the feature `details_covered`).
"""

from __future__ import annotations

import calendar
import re

from qa.dates.patterns import WEEKDAYS
from qa.lexical import terms

_MONTHS = tuple(month.lower() for month in calendar.month_name[1:])
_DAYS_AND_MONTHS = frozenset(WEEKDAYS + _MONTHS)
# A word (letters first, with its apostrophes and hyphens) or a figure.
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\d,.]*")


def details(question: str) -> list[str]:
    """The question's details as retrieval's terms (stemmed, stop words left out): every
    figure, weekday and month, and every capitalised word but the first (a name)."""
    picked = [
        word
        for number, word in enumerate(_TOKEN.findall(question))
        if word[0].isdigit()
        or word.lower() in _DAYS_AND_MONTHS
        or (number > 0 and word[0].isupper())
    ]
    return terms(" ".join(picked))
