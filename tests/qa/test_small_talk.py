"""Greetings, thanks and requests for help get a short reply (qa.small_talk)."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.messages import ACKNOWLEDGED_REPLY, GREETING_REPLY, HELP_REPLY, THANKS_REPLY
from qa.question_form import tidy
from qa.small_talk import small_talk
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("hi", GREETING_REPLY),
        ("Hello!", GREETING_REPLY),
        ("hey there", GREETING_REPLY),
        ("thanks", THANKS_REPLY),
        ("Thank you so much!", THANKS_REPLY),
        ("great, thanks", THANKS_REPLY),
        ("ok", ACKNOWLEDGED_REPLY),
        ("got it", ACKNOWLEDGED_REPLY),
        ("help", HELP_REPLY),
        ("what can you do?", HELP_REPLY),
    ],
)
def test_chat_that_asks_nothing(typed: str, reply: str) -> None:
    assert (small_talk(typed) or small_talk(tidy(typed))) == reply


@pytest.mark.parametrize(
    "question",
    ["hi, what was targeted?", "Who thanked the envoy?", "Who helped the victims?", "OK Computer?"],
)
def test_questions_are_not_small_talk(question: str) -> None:
    assert small_talk(tidy(question)) is None


def test_a_follow_up_after_thanks_leans_on_the_question_before(
    fake_embedder: FakeEmbedder,
) -> None:
    text = "The ferry left Oban at noon.\nIt reached Mull an hour later.\nNobody was hurt.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    hello = bot.ask("hi")
    assert (hello.text, hello.found, hello.evidence) == (GREETING_REPLY, True, [])
    first = bot.ask("When did the ferry leave Oban?")
    history = [
        {"role": "user", "content": "When did the ferry leave Oban?"},
        {"role": "assistant", "content": first.text, "answer": first},
        {"role": "user", "content": "thanks!"},
        {"role": "assistant", "content": THANKS_REPLY, "answer": bot.ask("thanks!")},
    ]
    more = bot.ask("Tell me more", history)
    assert [e.position for e in more.evidence] == [first.evidence[0].position + 1]
