"""The chat handler: a plain generator over (message, history) that tests call directly."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from qa.answer import Answer
from qa.errors import ArticleQAError
from ui.format import escape_markdown, message_text, render_chat, stream_chat

AskFunction = Callable[[str, list[dict[str, str]]], Answer]
# Pause between streamed drafts: long enough to read as typing, short enough not to wait.
STREAM_DELAY = 0.03


@dataclass(frozen=True)
class Reply:
    """One draft of the assistant's message; the last one of an answer carries the Answer."""

    text: str
    answer: Answer | None = None  # set on the final draft when the question was answered
    error: str | None = None  # the one-line problem, when the question could not be asked


def plain_history(history: list[Any] | None) -> list[dict[str, str]]:
    """Gradio's chat history as the [{"role", "content": str}] list ask() takes."""
    messages = []
    for message in history or []:
        if isinstance(message, dict) and message.get("role") in ("user", "assistant"):
            messages.append({"role": message["role"], "content": message_text(message["content"])})
    return messages


def replies(
    ask: AskFunction, message: str, history: list[Any] | None, delay: float = STREAM_DELAY
) -> Iterator[Reply]:
    """Answer `message` and stream the chat message as growing drafts.

    Errors a user can cause become a one-line "⚠️" message, never a traceback.
    """
    try:
        answer = ask(message, plain_history(history))
    except ArticleQAError as error:
        yield Reply(f"⚠️ {escape_markdown(str(error))}", error=str(error))
        return
    final = render_chat(answer)
    for draft in stream_chat(answer):
        if draft == final:
            break
        yield Reply(draft)
        if delay:
            time.sleep(delay)
    yield Reply(final, answer)


def make_respond(
    ask: AskFunction, delay: float = STREAM_DELAY
) -> Callable[[str, list[Any]], Iterator[str]]:
    """A chat handler over `ask`: yields the assistant's message as it grows."""

    def respond(message: str, history: list[Any]) -> Iterator[str]:
        for reply in replies(ask, message, history, delay):
            yield reply.text

    return respond
