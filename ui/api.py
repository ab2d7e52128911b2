"""`POST /api/ask`: the same Answer the chat shows, as JSON, documented by OpenAPI.

The response model mirrors qa.answer.Answer field for field (Answer.to_dict() is what
is returned), so the CLI's --json, the Gradio API and this route share one schema.
Errors are {"error": "<one line>"}: 400 for a problem with the request's content, 404
for an unknown article, 422 for a body that does not match the schema.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from qa.errors import ArticleQAError
from qa.library import BUNDLED_ID, Library, UnknownArticle


class ChatMessage(BaseModel):
    """One earlier turn of the conversation, for follow-ups ("Who said so?")."""

    role: Literal["user", "assistant", "system"]
    content: str


class AskRequest(BaseModel):
    """A question about one loaded article, with the chat so far."""

    question: str = Field(examples=["What was targeted on November 23?"])
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


class AnswerModel(BaseModel):
    """An answer with its evidence, best first (qa.answer.Answer)."""

    text: str = Field(description='the short answer; "" when not found')
    found: bool
    score: float = Field(description="estimated probability that the article answers, 0..1")
    evidence: list[EvidenceModel]
    reading: str | None = Field(default=None, description="how a follow-up was understood")


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


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message.splitlines()[0]})


def _validation_message(error: RequestValidationError) -> str:
    """The first schema problem, e.g. "question: Field required"."""
    problems = error.errors()
    if not problems:
        return "the request body does not match the schema"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))


def api_router(library: Library) -> APIRouter:
    """The /api routes over `library`."""
    router = APIRouter(prefix="/api", tags=["article-qa"])
    errors = {
        400: {"model": ErrorModel, "description": "the question cannot be asked"},
        404: {"model": ErrorModel, "description": "no loaded article has that id"},
        422: {"model": ErrorModel, "description": "the body does not match the schema"},
    }

    @router.post("/ask", response_model=AnswerModel, responses=errors)  # type: ignore[arg-type]
    def ask(request: AskRequest) -> AnswerModel | JSONResponse:
        """Answer a question about a loaded article, citing its sentences."""
        history = [message.model_dump() for message in request.history]
        try:
            answer = library.get(request.article).ask(request.question, history)
        except UnknownArticle as error:
            return _error(404, str(error))
        except ArticleQAError as error:
            return _error(400, str(error))
        return AnswerModel.model_validate(answer.to_dict())

    @router.get("/articles", response_model=list[ArticleModel])
    def articles() -> list[ArticleModel]:
        """The loaded articles; the bundled one first."""
        return [
            ArticleModel(id=e.id, title=e.title, source=e.source, added=e.added, bundled=e.bundled)
            for e in library.entries()
        ]

    return router


def install_api(app: FastAPI, library: Library) -> None:
    """Add the /api routes to `app`, with schema errors as {"error": ...} too."""

    async def invalid_body(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        return _error(422, _validation_message(error))

    app.add_exception_handler(RequestValidationError, invalid_body)
    app.include_router(api_router(library))
