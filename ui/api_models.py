"""The HTTP API's request and response bodies, as its OpenAPI schema documents them.

AnswerModel mirrors qa.answer.Answer field for field (Answer.to_dict() is what is
returned), so the CLI's --json, the Gradio API and POST /api/ask share one schema. Every
error is an ErrorModel: {"error": "<one line>"}.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from qa.bot import MAX_QUESTION_CHARS
from qa.collection import BUNDLED_ID, ArticleEntry


class ChatMessage(BaseModel):
    """One earlier turn of the conversation, for follow-ups ("Who said so?")."""

    role: Literal["user", "assistant", "system"]
    content: str


class AskRequest(BaseModel):
    """A question about one loaded article, with the chat so far."""

    # Documented, not enforced here: qa's own check answers 400 with its message (the
    # limit counts the question stripped of surrounding blanks).
    question: str = Field(
        examples=["What was targeted on November 23?"],
        description=f"not blank, up to {MAX_QUESTION_CHARS:,} characters (else 400)",
        json_schema_extra={"pattern": r"\S", "maxLength": MAX_QUESTION_CHARS},
    )
    history: list[ChatMessage] = Field(
        default_factory=list, description="earlier turns, oldest first"
    )
    article: str = Field(
        default=BUNDLED_ID, description="id of a loaded article (see GET /api/articles)"
    )


class EvidenceModel(BaseModel):
    """One cited sentence (qa.answer.Evidence)."""

    article: str = Field(description="the article's title")
    position: int = Field(description="0-based sentence number")
    text: str
    start: int = Field(description="the sentence's start offset in the article")
    end: int = Field(description="the sentence's end offset in the article")
    score: float
    answer_start: int | None = Field(
        default=None, description="the answer span's start offset in the article, if here"
    )
    answer_end: int | None = Field(
        default=None, description="the answer span's end offset in the article, if here"
    )
    dates: list[str] = Field(
        default_factory=list,
        description='the days the sentence is about ("2025-11-23"; "November 23" without a year)',
    )
    article_id: str | None = Field(
        default=None, description="the article's id in a collection (qa.collection)"
    )
    article_date: str | None = Field(
        default=None, description="the article's date (YYYY-MM-DD), from a collection"
    )
    source: str | None = Field(default=None, description="where the article came from")
    sentence_id: int | None = Field(
        default=None, description="the sentence's stable id in a collection"
    )


class AnswerModel(BaseModel):
    """An answer with its evidence, best first (qa.answer.Answer)."""

    text: str = Field(description='the short answer; "" when not found')
    found: bool
    score: float = Field(description="estimated probability that the article answers, 0..1")
    evidence: list[EvidenceModel]
    reading: str | None = Field(default=None, description="how a follow-up was understood")
    confident: bool = Field(
        default=False,
        description="found, and scored as high as answers that were right at least 90% of the "
        "time; found but not confident: show it marked as unsure, with its sentence",
    )


class ArticleModel(BaseModel):
    """A loaded article."""

    id: str
    title: str
    source: str | None
    added: str
    bundled: bool


class ErrorModel(BaseModel):
    """What went wrong, in one line."""

    error: str


def article_model(entry: ArticleEntry) -> ArticleModel:
    """The entry as the API lists it."""
    return ArticleModel(
        id=entry.id,
        title=entry.title,
        source=entry.source,
        added=entry.added,
        bundled=entry.bundled,
    )
