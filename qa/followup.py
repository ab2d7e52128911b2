"""Follow-up questions ("Where was that?") read against the earlier turns, without an LLM."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.errors import InvalidQuestion
from qa.lexical import terms

# Words that point back at something said before.
_ANAPHORA = re.compile(
    r"\b(that|this|those|these|it|its|there|then|he|she|him|her|his|they|them|their|so"
    r"|the same|the attack|the strike|the group)\b",
    re.IGNORECASE,
)
# A question with this many content words or more is taken to stand on its own.
_STANDALONE_TERMS = 4


@dataclass(frozen=True)
class Reading:
    """How a question is understood: the text to search with, and the turn it leans on."""

    question: str
    query: str
    context: str | None = None

    @property
    def note(self) -> str | None:
        """A line for the user saying how a follow-up was read, or None if it stands alone."""
        if self.context is None:
            return None
        return f"Reading as: {self.question.rstrip('?')} (following: {self.context})"


def user_turns(history: list[dict[str, str]] | None) -> list[str]:
    """The user messages of a chat history, oldest first, validated."""
    if not history:
        return []
    if not isinstance(history, list):
        raise InvalidQuestion(f"history must be a list of messages, got {type(history).__name__}")
    turns = []
    for message in history:
        if not isinstance(message, dict) or "role" not in message or "content" not in message:
            raise InvalidQuestion("each history message needs a 'role' and a 'content'")
        content = message["content"]
        if message["role"] == "user" and isinstance(content, str) and content.strip():
            turns.append(content.strip())
    return turns


def is_follow_up(question: str) -> bool:
    """Short questions that point back ("Who said so?") need the previous turn."""
    return bool(_ANAPHORA.search(question)) and len(terms(question)) < _STANDALONE_TERMS


def read_question(question: str, history: list[dict[str, str]] | None) -> Reading:
    """Resolve a follow-up by searching with the earlier questions it leans on.

    A chain of follow-ups ("What happened on November 19?" / "Where was that?" /
    "Who said so?") leans back to the last question that stood on its own.
    """
    turns = user_turns(history)
    if not turns or not is_follow_up(question):
        return Reading(question, question)
    context = [turns[-1]]
    for turn in reversed(turns[:-1]):
        if not is_follow_up(context[0]):
            break
        context.insert(0, turn)
    leaning = " ".join(context)
    return Reading(question, f"{leaning} {question}", leaning)
