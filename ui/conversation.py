"""The chats a page keeps: one conversation per article, each turn as qa reads it.

A conversation is a list of turns: each question as typed ({"role": "user"}), each
answer with its Answer under "answer" (qa.followup reads a follow-up's context from
it), or, when the question could not be asked, the one-line problem under "problem".
The page keeps one per article id (`Conversations`), so switching to another article
and back finds its chat as it was; the chat as shown is rebuilt from it (`shown_chat`).
"""

from __future__ import annotations

from typing import Any

from qa.answer import Answer
from ui.format import escape_markdown, render_chat
from ui.messages import warning

Turn = dict[str, Any]
# Article id -> that article's turns, oldest first.
Conversations = dict[str, list[Turn]]


def answered(answer: Answer | None, problem: str | None = None) -> Turn:
    """An assistant turn as qa reads it: the answer's text, and the Answer itself.

    A turn that gave no answer (a "⚠️" problem) has no text; it keeps the problem so
    the chat can show it again.
    """
    if answer is None:
        turn: Turn = {"role": "assistant", "content": ""}
        if problem:
            turn["problem"] = problem
        return turn
    return {"role": "assistant", "content": answer.text, "answer": answer}


def shown_chat(turns: list[Turn] | None) -> list[dict[str, str]]:
    """The chat as the page showed it for these turns: the same Markdown, message by message."""
    chat = []
    for turn in turns or []:
        if turn.get("role") == "user":
            chat.append({"role": "user", "content": escape_markdown(str(turn["content"]))})
        elif isinstance(turn.get("answer"), Answer):
            chat.append({"role": "assistant", "content": render_chat(turn["answer"])})
        else:
            problem = escape_markdown(str(turn.get("problem") or ""))
            chat.append({"role": "assistant", "content": warning(problem)})
    return chat


def last_answer(turns: list[Turn] | None) -> Answer | None:
    """The latest Answer in these turns (its citations are the ones the pane marks)."""
    for turn in reversed(turns or []):
        if isinstance(turn.get("answer"), Answer):
            return turn["answer"]
    return None


def without(conversations: Conversations | None, article: str) -> Conversations:
    """The conversations with `article`'s chat dropped (cleared, or the article removed)."""
    return {key: turns for key, turns in (conversations or {}).items() if key != article}
