"""The chat: a question's answer streamed as growing drafts, and the conversation it follows.

The page keeps the conversation twice: as shown (Markdown, in `Page.chatbot`) and as qa
reads it (`Page.conversations`, one per article: each question as typed, each answer
with its Answer under "answer", ui.conversation), so a follow-up ("Who said so?") reads
the previous answer from the Answer (qa.followup), never from Markdown. Gradio's retry
and edit buttons ask again after the same earlier turns; its clear button forgets the
article's chat and the pane's marks. `replies` and `make_respond` are plain generators
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
from qa.limits import recent_history
from qa.links import link_in
from ui.conversation import Conversations, answered, without
from ui.format import (
    chat_answer_text,
    escape_markdown,
    message_text,
    render_chat,
    stream_chat,
    unescape_markdown,
)
from ui.messages import THINKING, warning
from ui.page import PRIVATE, Page
from ui.pane_events import article_pane
from ui.pool import ANSWERING
from ui.waiting import Watched

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

    Errors a user can cause become a one-line "⚠️" message, never a traceback. A slow
    answer is waited for with a "…" draft every few tenths of a second: Gradio closes
    this generator between two drafts when the page goes away, and the answer is then
    cancelled (ui.waiting).
    """
    work = Watched(lambda: ask(message, list(history or [])))
    try:
        for _ in work.ticks():
            yield Reply(THINKING)
        answer = work.result()
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


def _position(index: int | tuple[int, int]) -> int:
    """A chat message's position from Gradio's event data (a pair for grouped parts)."""
    return index if isinstance(index, int) else index[0]


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
        conversations: Conversations | None = None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Stream the answer into the chat; the pane highlights its citations at the end.

        Yields (chat as shown, the emptied question box, the pane, the conversations);
        the article's conversation gains this turn once it is answered. An empty
        question is ignored: nothing is asked, no blank message shows.
        """
        if not (message or "").strip() or link_in(message):  # a link: ui.link_events adds it
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        article = article or BUNDLED_ID
        chats = dict(conversations or {})
        earlier = list(chats.get(article, []))
        shown = [*(history or []), {"role": "user", "content": escape_markdown(message)}]
        asked = [*earlier, {"role": "user", "content": message}]
        try:
            bot = self.library.answerer(article)
        except ArticleQAError as error:
            problem = {"role": "assistant", "content": warning(escape_markdown(str(error)))}
            turns = [*asked, answered(None, str(error))]
            yield [*shown, problem], "", gr.skip(), {**chats, article: turns}
            return
        yield [*shown, {"role": "assistant", "content": THINKING}], "", gr.skip(), gr.skip()
        # A long chat is asked about with its latest turns only: the limits stay out of sight.
        for reply in replies(bot.ask, message, recent_history(earlier), STREAM_DELAY):
            pane = gr.skip()
            if reply.answer is not None:
                pane = article_pane(self.library.entry(article), bot, reply.answer)
            kept = gr.skip()
            if reply.done:
                kept = {**chats, article: [*asked, answered(reply.answer, reply.error)]}
            yield [*shown, {"role": "assistant", "content": reply.text}], "", pane, kept

    def ask_again(
        self,
        position: int,
        question: str,
        history: list[Any] | None,
        article: str | None,
        conversations: Conversations | None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Ask `question` again in place of the message at `position`, after the same
        earlier turns; what came after it is dropped."""
        article = article or BUNDLED_ID
        chats = dict(conversations or {})
        chats[article] = chats.get(article, [])[:position]
        yield from self.on_message(question, list(history or [])[:position], article, chats)

    def on_retry(
        self,
        retried: gr.RetryData,
        history: list[Any] | None,
        article: str | None,
        conversations: Conversations | None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Gradio's retry button: the last question's answer, worked out again."""
        position = _position(retried.index)
        turns = (conversations or {}).get(article or BUNDLED_ID, [])
        if position < len(turns) and turns[position]["role"] == "user":
            question = str(turns[position]["content"])  # as typed
        else:  # the chat as shown is all there is: read the question back from it
            question = unescape_markdown(message_text(retried.value))
        yield from self.ask_again(position, question, history, article, conversations)

    def on_edit(
        self,
        edited: gr.EditData,
        history: list[Any] | None,
        article: str | None,
        conversations: Conversations | None,
    ) -> Iterator[tuple[Any, Any, Any, Any]]:
        """Gradio's edit button on a question: the edited question asked in its place."""
        # The edit box starts from the question as shown, escaped for Markdown.
        question = unescape_markdown(message_text(edited.value))
        position = _position(edited.index)
        yield from self.ask_again(position, question, history, article, conversations)

    def on_clear(
        self, article: str | None, conversations: Conversations | None
    ) -> tuple[Any, Conversations]:
        """Gradio's clear button emptied the chat: forget it, and unmark the article."""
        article = article or BUNDLED_ID
        try:
            pane: Any = article_pane(self.library.entry(article), self.library.answerer(article))
        except ArticleQAError:  # removed meanwhile: the next view shows another article
            pane = gr.skip()
        return pane, without(conversations, article)

    def wire(self) -> None:
        """Asking: Enter in the question box, the Ask button, or a suggested question;
        Gradio's retry, edit and clear buttons."""
        page = self.page
        answering = {
            "outputs": [page.chatbot, page.question, page.pane, page.conversations],
            "show_progress": "hidden",
            "concurrency_id": ANSWERING,
            **PRIVATE,
        }
        for trigger, source in (
            (page.question.submit, page.question),
            (page.ask_button.click, page.question),
            *((button.click, button) for button in page.suggestions),
        ):
            trigger(
                self.on_message,
                inputs=[source, page.chatbot, page.picker, page.conversations],
                **answering,
            )
        state = [page.chatbot, page.picker, page.conversations]
        page.chatbot.retry(self.on_retry, inputs=state, **answering)
        page.chatbot.edit(self.on_edit, inputs=state, **answering)
        page.chatbot.clear(
            self.on_clear,
            inputs=[page.picker, page.conversations],
            outputs=[page.pane, page.conversations],
            **PRIVATE,
        )
