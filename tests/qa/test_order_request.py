"""Questions about the order of dated events (qa.order_request), answered from the
article's chronology."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.order_request import OrderRequest, asked_order
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Which strike happened first?", OrderRequest(0, "strike")),
        ("which strike came first", OrderRequest(0, "strike")),
        ("Which attack was more recent?", OrderRequest(-1, "attack")),
        ("When was the first strike?", OrderRequest(0, "strike", asks_when=True)),
        ("What was the last strike?", OrderRequest(-1, "strike")),
        (
            "Which came first, the Beirut strike or the camp strike?",
            OrderRequest(0, None, ("the Beirut strike", "the camp strike")),
        ),
        ("What is the earliest known angiosperm?", None),  # no event's order
        ("What was the second strike?", None),  # a story dates one event more than once
        ("Which was first?", None),  # names nothing to order
        ("What was the last thing he said?", None),
        ("Which team won?", None),
    ],
)
def test_a_question_about_order(question: str, asked: OrderRequest | None) -> None:
    assert asked_order(question) == asked


STORY = (
    "Talks were held in the capital.\n"
    "On November 23, a second strike hit a building in the city.\n"
    "The army said the building was a command post.\n"
    "On November 19, a strike hit a camp in the south.\n"
    "Officials condemned both attacks.\n"
)


@pytest.fixture
def story(fake_embedder: FakeEmbedder) -> ArticleQA:
    return ArticleQA.from_text(STORY, embedder=fake_embedder, reader=False)


def test_the_first_and_the_last_come_from_the_dates_not_the_order_told(story: ArticleQA) -> None:
    first = story.ask("Which strike happened first?")
    assert first.text == "A strike hit a camp in the south"
    assert first.evidence[0].position == 3
    assert story.ask("When was the first strike?").text == "November 19"
    assert story.ask("Which strike was more recent?").evidence[0].position == 1


def test_two_events_named_are_put_in_order(story: ArticleQA) -> None:
    answer = story.ask("Which came first, the strike on the building or the strike on the camp?")
    assert answer.text == "the strike on the camp"
    assert answer.evidence[0].position == 3


def test_a_thing_no_two_dated_sentences_name_is_left_to_the_reader(story: ArticleQA) -> None:
    assert story.in_order(OrderRequest(0, "talks")) is None
