"""A chat longer than the history limits goes on: it asks with its latest messages."""

from __future__ import annotations

from typing import Any

import pytest

from qa.answer import Answer
from qa.collection import BUNDLED_ID
from qa.limits import MAX_HISTORY_MESSAGES
from ui.app import ChatApp


def test_a_chat_past_the_history_limit_is_answered_from_its_latest_messages(
    chat_app: ChatApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = chat_app.library.answerer(BUNDLED_ID)
    histories: list[list[dict[str, Any]]] = []

    class Recording:
        """The bundled article's bot, recording the history of each question."""

        def ask(self, question: str, history: list[dict[str, Any]]) -> Answer:
            histories.append(history)
            return bot.ask(question, history)

        def __getattr__(self, name: str) -> Any:
            return getattr(bot, name)

    monkeypatch.setattr(chat_app.library, "answerer", lambda article: Recording())
    earlier: list[dict[str, Any]] = []
    for n in range(MAX_HISTORY_MESSAGES):  # as many questions, each with its answer
        earlier.append({"role": "user", "content": f"What happened on November {n % 28 + 1}?"})
        earlier.append({"role": "assistant", "content": "Talks were held."})
    *_, (chat, _, _, kept) = chat_app.chat_events.on_message(
        "Who said so?", [], BUNDLED_ID, {BUNDLED_ID: earlier}
    )
    assert histories == [earlier[-MAX_HISTORY_MESSAGES:]]
    assert "limit" not in chat[-1]["content"] and "(#s-" in chat[-1]["content"]
    assert len(kept[BUNDLED_ID]) == len(earlier) + 2  # the chat itself keeps every turn
