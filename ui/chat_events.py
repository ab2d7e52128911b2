"""The chat: a question's answer streamed as growing drafts, and the conversation it follows.

The page keeps the conversation twice: as shown (Markdown, in `Page.chatbot`) and as qa
reads it (`Page.conversation`: each question as typed, each answer with its Answer under
"answer"), so a follow-up ("Who said so?") reads the previous answer from the Answer
(qa.followup), never from Markdown. `replies` and `make_respond` are plain generators
that tests call directly; `make_respond` also serves the Gradio API's /chat, whose
clients replay the Markdown they got back: `replayed_history` reads it at this boundary.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from qa.answer import Answer
from qa.collection import BUNDLED_ID, FolderCollection
from qa.errors import ArticleQAError
from ui.format import chat_answer_text, escape_markdown, message_text, render_chat, stream_chat
from ui.messages import THINKING, warning
from ui.page import PRIVATE, Page
from ui.pane_events import article_pane
from ui.pool import ANSWERING

AskFunction = Callable[[str, list[dict[str, Any]]], Answer]
# Pause between streamed drafts: long enough to read as typing, short enough not to wait.
STREAM_DELAY = 0.03


@dataclass(frozen=True)
class Reply:
    """One draft of the assistant's message; the last one of an answer carries the Answer."""

    text: str
    answer: Answer | None = None  # set on the final draft when the question was answered
    error: str | None = None  # the one-line problem, when the question could not be asked

    @property
    def done(self) -> bool:
        """Whether this is the last draft: the answer, or the problem."""
        return self.answer is not None or self.error is not None


def answered(answer: Answer | None) -> dict[str, Any]:
    """An assistant turn as qa reads it: the answer's text, and the Answer itself.

    A turn that gave no answer (a "⚠️" problem) has no text.
    """
    if answer is None:
        return {"role": "assistant", "content": ""}
    return {"role": "assistant", "content": answer.text, "answer": answer}


def replayed_history(history: list[Any] | None) -> list[dict[str, str]]:
    """A chat as a /chat client replays it, as the history ask() takes.

    Its questions are kept as sent; its assistant messages are the Markdown /chat sent
    back, and each becomes the plain text of the answer it gave (ui.format).
    """
    messages = []
    for message in history or []:
        if isinstance(message, dict) and message.get("role") in ("user", "assistant"):
            text = message_text(message["content"])
            if message["role"] == "assistant":
                text = chat_answer_text(text)
            messages.append({"role": message["role"], "content": text})
    return messages


def replies(
    ask: AskFunction, message: str, history: list[Any] | None, delay: float = STREAM_DELAY
) -> Iterator[Reply]:
    """Answer `message` after `history` (as ask() takes it) and stream the chat message
    as growing drafts.

    Errors a user can cause become a one-line "⚠️" message, never a traceback.
    """
    try:
        answer = ask(message, list(history or []))
    except ArticleQAError as error:
        yield Reply(warning(escape_markdown(str(error))), error=str(error))
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
    """A chat handler over `ask`: yields the assistant's message as it grows.

    Its history is a chat as its client replays it (see replayed_history).
    """

    def respond(message: str, history: list[Any]) -> Iterator[str]:
        for reply in replies(ask, message, replayed_history(history), delay):
            yield reply.text

    return respond


class ChatEvents:
    """The page's chat: a question asked streams its answer; the pane shows its citations."""

    def __init__(self, library: FolderCollection, page: Page) -> None:
        self.library = library
        self.page = page

    def on_message(
        self,
        message: str,
        history: list[Any] | None,
        article: str | None,
        conversation: list[dict[str, Any]] | None = None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Stream the answer into the chat; the pane highlights its citations at the end.

        Yields (chat as shown, the emptied question box, the pane, the conversation);
        the conversation gains this turn once it is answered.
        """
        message = message or ""
        article = article or BUNDLED_ID
        earlier = list(conversation or [])
        shown = [*(history or []), {"role": "user", "content": escape_markdown(message)}]
        asked = [*earlier, {"role": "user", "content": message}]
        try:
            bot = self.library.answerer(article)
        except ArticleQAError as error:
            problem = {"role": "assistant", "content": warning(escape_markdown(str(error)))}
            yield [*shown, problem], "", gr.skip(), [*asked, answered(None)]
            return
        yield [*shown, {"role": "assistant", "content": THINKING}], "", gr.skip(), gr.skip()
        for reply in replies(bot.ask, message, earlier, STREAM_DELAY):
            pane = gr.skip()
            if reply.answer is not None:
                pane = article_pane(self.library.entry(article), bot, reply.answer)
            turns = [*asked, answered(reply.answer)] if reply.done else gr.skip()
            yield [*shown, {"role": "assistant", "content": reply.text}], "", pane, turns

    def wire(self) -> None:
        """Asking: Enter in the question box, the Ask button, or a suggested question."""
        page = self.page
        for trigger, source in (
            (page.question.submit, page.question),
            (page.ask_button.click, page.question),
            *((button.click, button) for button in page.suggestions),
        ):
            trigger(
                self.on_message,
                inputs=[source, page.chatbot, page.picker, page.conversation],
                outputs=[page.chatbot, page.question, page.pane, page.conversation],
                show_progress="hidden",
                concurrency_id=ANSWERING,
                **PRIVATE,
            )
