"""`POST /api/ask`: the same Answer the chat shows, as JSON, documented by OpenAPI.

The response model mirrors qa.answer.Answer field for field (Answer.to_dict() is what
is returned), so the CLI's --json, the Gradio API and this route share one schema.
Errors are {"error": "<one line>"}: 400 for a problem with the request's content, 401
without the server's user and password (when it has one), 404 for an unknown article,
413 for an upload over 2 MB, 422 for a body that does not match the schema, and 503
"busy, try again in a moment" when every worker is answering and the wait queue is full.

Answering and indexing run in a bounded worker pool (ui.pool), not in the server's own
open-ended thread pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeVar

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from qa.article import MAX_ARTICLE_BYTES
from qa.collection import BUNDLED_ID, ArticleEntry, FolderCollection, UnknownArticle
from qa.errors import ArticleQAError
from ui.auth import Credentials, check_basic
from ui.messages import BUSY_MESSAGE
from ui.pool import Busy, WorkerPool
from ui.uploads import add_bytes

T = TypeVar("T")
RETRY_AFTER_SECONDS = 1


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


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    line = message.splitlines()[0] if message.strip() else "error"
    return JSONResponse(status_code=status, content={"error": line}, headers=headers)


def _busy() -> JSONResponse:
    return _error(503, BUSY_MESSAGE, {"Retry-After": str(RETRY_AFTER_SECONDS)})


class _Unauthorized(HTTPException):
    def __init__(self) -> None:
        super().__init__(401, "this server needs a user and password (HTTP basic auth)")


def _basic_auth(auth: Credentials) -> Callable[[Request], None]:
    def require(request: Request) -> None:
        if not check_basic(request.headers.get("authorization"), auth):
            raise _Unauthorized()

    return require


def _article_model(entry: ArticleEntry) -> ArticleModel:
    return ArticleModel(
        id=entry.id,
        title=entry.title,
        source=entry.source,
        added=entry.added,
        bundled=entry.bundled,
    )


def _validation_message(error: RequestValidationError) -> str:
    """The first schema problem, e.g. "question: Field required"."""
    problems = error.errors()
    if not problems:
        return "the request body does not match the schema"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))


def api_router(
    library: FolderCollection, pool: WorkerPool | None = None, auth: Credentials | None = None
) -> APIRouter:
    """The /api routes over `library`, answering in `pool`, behind `auth` when given."""
    pool = pool or WorkerPool()
    dependencies = [Depends(_basic_auth(auth))] if auth is not None else []
    router = APIRouter(prefix="/api", tags=["article-qa"], dependencies=dependencies)
    errors: dict[int | str, dict[str, object]] = {
        400: {"model": ErrorModel, "description": "the question cannot be asked"},
        404: {"model": ErrorModel, "description": "no loaded article has that id"},
        422: {"model": ErrorModel, "description": "the body does not match the schema"},
        503: {"model": ErrorModel, "description": "busy: every worker is answering"},
    }
    if auth is not None:
        errors[401] = {"model": ErrorModel, "description": "the user and password are missing"}

    async def in_pool(work: Callable[[], T]) -> T | JSONResponse:
        try:
            return await pool.run(work)
        except Busy:
            return _busy()

    @router.post("/ask", response_model=AnswerModel, responses=errors)  # type: ignore[arg-type]
    async def ask(request: AskRequest) -> AnswerModel | JSONResponse:
        """Answer a question about a loaded article, citing its sentences."""
        history = [message.model_dump() for message in request.history]

        def answer() -> AnswerModel | JSONResponse:
            try:
                found = library.answerer(request.article).ask(request.question, history)
            except UnknownArticle as error:
                return _error(404, str(error))
            except ArticleQAError as error:
                return _error(400, str(error))
            return AnswerModel.model_validate(found.to_dict())

        return await in_pool(answer)

    @router.get("/articles", response_model=list[ArticleModel])
    def articles() -> list[ArticleModel]:
        """The loaded articles; the bundled one first."""
        return [_article_model(entry) for entry in library.entries()]

    uploaded = {**errors, 413: {"model": ErrorModel, "description": "the file is over 2 MB"}}

    @router.post(
        "/articles",
        response_model=ArticleModel,
        responses=uploaded,  # type: ignore[arg-type]
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/octet-stream": {"schema": {"type": "string"}}},
            }
        },
    )
    async def add_article(
        request: Request,
        filename: str = Query(
            description="the file's name; .txt, .md or .html picks how it is read",
            examples=["ferry.html"],
        ),
    ) -> ArticleModel | JSONResponse:
        """Add an article: the body is the file's bytes (UTF-8 text, Markdown or HTML).

        Returns the article's entry; adding the same text again returns the existing one.
        """
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_ARTICLE_BYTES:
                return _error(413, f"{filename} is over 2 MB; the limit is 2 MB")
        data = bytes(body)

        def add() -> ArticleModel | JSONResponse:
            try:
                return _article_model(add_bytes(library, data, filename))
            except ArticleQAError as error:
                return _error(400, str(error))

        return await in_pool(add)

    return router


def install_api(
    app: FastAPI,
    library: FolderCollection,
    pool: WorkerPool | None = None,
    auth: Credentials | None = None,
) -> None:
    """Add the /api routes to `app`; schema and auth errors are {"error": ...} too."""

    async def invalid_body(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        return _error(422, _validation_message(error))

    async def unauthorized(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, _Unauthorized)
        return _error(401, str(error.detail), {"WWW-Authenticate": 'Basic realm="article-qa"'})

    app.add_exception_handler(RequestValidationError, invalid_body)
    app.add_exception_handler(_Unauthorized, unauthorized)
    app.include_router(api_router(library, pool, auth))
