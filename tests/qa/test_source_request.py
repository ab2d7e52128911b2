"""Requests for where the last answer came from (qa.source_request); no models here."""

from __future__ import annotations

import pytest

from qa.question_form import tidy
from qa.source_request import asks_source


@pytest.mark.parametrize(
    "typed",
    [
        "where does it say that?",
        "Where does the article say so",
        "source?",
        "What's the source?",
        "How do you know?",
        "how do you know that",
        "Where did you get that?",
        "which sentence?",
        "Which sentence is that from?",
        "quote it",
        "Show me where it says that",
    ],
)
def test_requests_for_the_source_are_recognised(typed: str) -> None:
    assert asks_source(tidy(typed))


@pytest.mark.parametrize(
    "question",
    [
        "Where does it say Israel struck Beirut?",
        "What is the source of the Rhine?",
        "Which sentence mentions Hezbollah?",
        "How do you know Hezbollah?",
        "Where was that?",
    ],
)
def test_questions_are_not_requests_for_the_source(question: str) -> None:
    assert not asks_source(tidy(question))
