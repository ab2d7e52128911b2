"""Follow-up questions ("Where was that?") read against the earlier turns, without an LLM."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from qa.answer import Answer
from qa.dates import date_phrases
from qa.errors import InvalidQuestion
from qa.lexical import terms
from qa.limits import check_history
from qa.messages import NOT_FOUND, reading_as
from qa.unicode import check_unicode

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
    previous_answer: str | None = None

    @property
    def reader_question(self) -> str:
        """The question the reader reads: a follow-up pinned to the answer and date it leans on.

        The reader was trained on single questions; one question naming what "that"
        was reads better than two questions run together. With nothing to pin, it gets
        the earlier questions and this one together, as retrieval does.
        """
        if self.context is None:
            return self.question
        restated = restate(self.question, self.context, self.previous_answer)
        if restated is not None:
            return restated
        # "Who said so: a building believed to house ..., on November 23?" names what
        # "so" stands for and when, which the reader can match inside one window.
        pinned = self.question.rstrip(" ?")
        if self.previous_answer:
            pinned += f": {self.previous_answer}"
        dates = date_phrases(self.context)
        if dates:
            pinned += f", on {' and '.join(dates)}"
        return f"{pinned}?" if pinned != self.question.rstrip(" ?") else self.query

    @property
    def note(self) -> str | None:
        """A line for the user saying how a follow-up was read, or None if it stands alone."""
        if self.context is None:
            return None
        return reading_as(self.question, self.context)


# "Who said so?", "Which agency confirmed it?": asks who made the earlier claim.
_WHO_CLAIMED = re.compile(
    r"^(?P<ask>(?:who|which\s+\w+)\s+\w+)\s+(?:so|that|this|it)\s*\?*$", re.IGNORECASE
)
# "What was targeted on November 23?", "Who hailed the talks?": the answer was the subject,
# so answer + the rest of the question is the claim ("... was targeted on November 23").
# ("What happened ...?" is left out: its answer is an event, not a subject.)
_SUBJECT_QUESTION = re.compile(
    r"^(?:what|who)\s+(?P<rest>(?:was|were|is|are|has|have|had)\s.+|(?!happened)\w+ed\s.+)$",
    re.IGNORECASE,
)


def restate(question: str, context: str, answer: str | None) -> str | None:
    """A follow-up pointing at the whole earlier claim, with the claim spelled out.

    "Who said so?" after "What was targeted on November 23?" / "a building ..." reads
    "Who said a building ... was targeted on November 23?": a plain question, the kind
    the reader was trained on, where the pinned "Who said so: a building ...?" reads as
    a near miss (measured: the reader's margin goes from -7.9, no answer, to +9.3).
    None unless the follow-up asks who made the claim ("Who said so?"), the earlier turn
    is one question whose answer was its subject, and there is an answer to put in.
    """
    points = _WHO_CLAIMED.match(question.strip())
    claim = _SUBJECT_QUESTION.match(context.strip().rstrip("?").strip())
    if not (points and claim and answer) or context.count("?") > 1:
        return None
    return f"{points['ask']} {answer.rstrip(' .,')} {claim['rest']}?"


def user_turns(history: list[dict[str, Any]] | None) -> list[str]:
    """The user messages of a chat history, oldest first, validated."""
    if not history:
        return []
    if not isinstance(history, list):
        raise InvalidQuestion(f"history must be a list of messages, got {type(history).__name__}")
    turns = []
    for number, message in enumerate(history, 1):
        if not isinstance(message, dict) or "role" not in message or "content" not in message:
            raise InvalidQuestion("each history message needs a 'role' and a 'content'")
        content = message["content"]
        if isinstance(content, str):
            check_unicode(content, f"history message {number}", InvalidQuestion)
        if message["role"] == "user" and isinstance(content, str) and content.strip():
            turns.append(content.strip())
    return turns


_MAX_ANSWER_CHARS = 200


def answer_text(message: dict[str, Any]) -> str:
    """The answer an assistant message gave, as plain text; "" when it gave none.

    The message may carry its structured answer under "answer" (an Answer or its
    to_dict()), as the chat keeps each turn; otherwise its "content" is the answer's
    plain text, as callers of ask() and POST /api/ask replay it.
    """
    answer = message.get("answer")
    if isinstance(answer, Answer):
        return answer.text if answer.found else ""
    if isinstance(answer, dict):
        text = str(answer.get("text") or "") if answer.get("found") else ""
        return check_unicode(text, "the previous answer", InvalidQuestion)
    content = message.get("content")
    text = content.strip() if isinstance(content, str) else ""
    return "" if text == NOT_FOUND else text


def previous_answer(history: list[dict[str, Any]] | None) -> str | None:
    """The short answer of the last assistant turn, if it gave one."""
    for message in reversed(history or []):
        if isinstance(message, dict) and message.get("role") == "assistant":
            return answer_text(message).strip()[:_MAX_ANSWER_CHARS] or None
    return None


def is_follow_up(question: str) -> bool:
    """Short questions that point back ("Who said so?") need the previous turn."""
    return bool(_ANAPHORA.search(question)) and len(terms(question)) < _STANDALONE_TERMS


def read_question(question: str, history: list[dict[str, Any]] | None) -> Reading:
    """Resolve a follow-up by searching with the earlier questions it leans on.

    A chain of follow-ups ("What happened on November 19?" / "Where was that?" /
    "Who said so?") leans back to the last question that stood on its own.
    """
    check_history(history)
    turns = user_turns(history)
    if not turns or not is_follow_up(question):
        return Reading(question, question)
    context = [turns[-1]]
    for turn in reversed(turns[:-1]):
        if not is_follow_up(context[0]):
            break
        context.insert(0, turn)
    leaning = " ".join(context)
    joined = Reading(question, f"{leaning} {question}", leaning, previous_answer(history))
    # Search with the resolved question too: "Where was that: <answer>, on November 19?"
    # matches the sentence it is about far better than two questions run together.
    return replace(joined, query=joined.reader_question)
