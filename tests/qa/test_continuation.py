"""Requests to go on from the last answer (qa.continuation); no models here."""

from __future__ import annotations

import pytest

from qa.continuation import asks_more, asks_next, next_event, next_position
from qa.dates.chronology import DatedEvent


@pytest.mark.parametrize(
    "request_",
    [
        "Tell me more",
        "tell me more about that?",
        "Can you tell me more please",
        "more",
        "More details?",
        "go on",
        "Keep going!",
        "and then?",
        "Then?",
        "What happened next?",
        "what happened after that",
        "Could you elaborate?",
    ],
)
def test_requests_to_go_on_are_recognised(request_: str) -> None:
    assert asks_more(request_)


@pytest.mark.parametrize(
    "question",
    [
        "Tell me more about Hezbollah",  # a topic (qa.topic_request)
        "What happened then?",  # at the time the last answer named
        "What else?",  # another answer to the last question
        "What more could Israel do?",
        "more than what?",
        "Who continued the talks?",
    ],
)
def test_questions_are_not_requests_to_go_on(question: str) -> None:
    assert not asks_more(question)


def test_the_next_sentence_follows_the_last_answers_own_sentence() -> None:
    assert next_position([13, 15, 9], 21) == 14  # the other citations were links only
    assert next_position([19], 21) == 20
    assert next_position([20, 19], 21) is None  # the article's last sentence
    assert next_position([], 21) is None


def _event(day: int, position: int) -> DatedEvent:
    return DatedEvent(f"November {day}", (0, 11, day), position, "...", "...")


def test_what_happened_next_is_the_next_day_the_article_dates() -> None:
    assert asks_next("And then?") and asks_next("what happened next")
    assert asks_more("Tell me more") and not asks_next("Tell me more")
    # The November 19 strike is told in sentence 9, its aftermath in 10-12, November 23
    # in 13: next after 9 is 13, not 10.
    events = [_event(19, 9), _event(23, 13)]
    assert next_event([9, 2], events) == events[1]
    assert next_event([13], events) is None  # nothing later: the next sentence then
    assert next_event([10], events) is None  # an undated sentence
    assert next_event([], events) is None
