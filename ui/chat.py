"""The chat handler: a plain generator over (message, history) that tests call directly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from qa.answer import Answer
from qa.errors import ArticleQAError
from ui.format import message_text, render

AskFunction = Callable[[str, list[dict[str, str]]], Answer]


def plain_history(history: list[Any] | None) -> list[dict[str, str]]:
    """Gradio's chat history as the [{"role", "content": str}] list ask() takes."""
    messages = []
    for message in history or []:
        if isinstance(message, dict) and message.get("role") in ("user", "assistant"):
            messages.append({"role": message["role"], "content": message_text(message["content"])})
    return messages


def make_respond(ask: AskFunction) -> Callable[[str, list[Any]], Iterator[str]]:
    """A chat handler over `ask`; errors become a chat message, never a traceback."""

    def respond(message: str, history: list[Any]) -> Iterator[str]:
        try:
            answer = ask(message, plain_history(history))
        except ArticleQAError as error:
            yield f"⚠️ {error}"
            return
        yield render(answer)

    return respond
