"""Questions for when the last answer's event was (qa.date_request); no models here."""

from __future__ import annotations

import pytest

from qa.date_request import asks_date
from qa.question_form import tidy


@pytest.mark.parametrize(
    "typed",
    [
        "When was that?",
        "when did it happen",
        "When did that take place?",
        "what day was that?",
        "Which date was it?",
        "on what day?",
        "when was this again",
    ],
)
def test_questions_for_when_the_last_answer_was_are_recognised(typed: str) -> None:
    assert asks_date(tidy(typed))


@pytest.mark.parametrize(
    "question",
    [
        "When did Israel strike Beirut?",
        "When was it restored?",
        "When will it be restored?",
        "What day is the next round of talks?",
        "When?",
    ],
)
def test_other_when_questions_are_read_as_questions(question: str) -> None:
    assert not asks_date(tidy(question))
