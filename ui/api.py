"""The HTTP API under /api: ask, list, add and remove articles; documented by OpenAPI.

Every error is JSON {"error": "<one line>"} (ui.api_models.ErrorModel), never FastAPI's
{"detail": ...} and never a plain-text page: 400 for a problem with the request's
content (a blank question, text that is not valid Unicode, an article with no
sentences), 401 without the server's user and password (when it has one), 404 for an
unknown article or route, 405 for a method a route does not take, 413 for an upload
over 2 MB, 422 for a body that does not match the schema (also one that is not JSON, not
UTF-8 or nested too deep), 503 "busy, try again in a moment" when every worker is
answering and the wait queue is full, and 500 {"error"} for a fault of the server's own.

Answering, indexing and removing run in a bounded worker pool (ui.pool), not in the
server's own open-ended thread pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi import Path as PathParameter
from fastapi.routing import APIRoute

from index.budget import ANSWERING, INDEXING, Work
from qa.article import MAX_ARTICLE_BYTES
from qa.collection import FolderCollection, UnknownArticle
from qa.errors import ArticleQAError
from ui.api_errors import JSONBodyRoute, error_response, install_error_handlers, not_routed
from ui.api_models import (
    AnswerModel,
    ArticleModel,
    AskRequest,
    ErrorModel,
    EvidenceModel,
    article_model,
)
from ui.auth import Credentials, check_basic
from ui.messages import BUSY_MESSAGE
from ui.pool import Busy, WorkerPool
from ui.uploads import add_bytes
from ui.waiting import ClientGone, while_connected

# The models are re-exported: callers of ui.api need not know where they live.
__all__ = ["AnswerModel", "AskRequest", "ErrorModel", "EvidenceModel", "api_router", "install_api"]

T = TypeVar("T")
RETRY_AFTER_SECONDS = 1
PREFIX = "/api"


def _busy() -> Response:
    return error_response(503, BUSY_MESSAGE, {"Retry-After": str(RETRY_AFTER_SECONDS)})


class _Unauthorized(HTTPException):
    def __init__(self) -> None:
        super().__init__(
            401,
            "this server needs a user and password (HTTP basic auth)",
            {"WWW-Authenticate": 'Basic realm="article-qa"'},
        )


def _basic_auth(auth: Credentials) -> Callable[[Request], None]:
    def require(request: Request) -> None:
        if not check_basic(request.headers.get("authorization"), auth):
            raise _Unauthorized()

    return require


def api_router(
    library: FolderCollection, pool: WorkerPool | None = None, auth: Credentials | None = None
) -> APIRouter:
    """The /api routes over `library`, answering in `pool`, behind `auth` when given."""
    pool = pool or WorkerPool()
    dependencies = [Depends(_basic_auth(auth))] if auth is not None else []
    router = APIRouter(
        prefix=PREFIX,
        tags=["article-qa"],
        dependencies=dependencies,
        route_class=JSONBodyRoute,
    )
    errors: dict[int | str, dict[str, Any]] = {
        400: {"model": ErrorModel, "description": "the request's content cannot be used"},
        404: {"model": ErrorModel, "description": "no loaded article has that id"},
        422: {"model": ErrorModel, "description": "the body does not match the schema"},
        503: {"model": ErrorModel, "description": "busy: every worker is answering"},
    }
    if auth is not None:
        errors[401] = {"model": ErrorModel, "description": "the user and password are missing"}

    async def in_pool(work: Callable[[], T], client: Request, kind: Work = ANSWERING) -> Any:
        try:  # cancelled when the client disconnects (ui.waiting)
            return await while_connected(pool, work, client, kind)
        except (Busy, ClientGone):  # a client gone reads nothing
            return _busy()

    @router.post("/ask", response_model=AnswerModel, responses=errors)
    async def ask(request: AskRequest, client: Request) -> AnswerModel | Response:
        """Answer a question about a loaded article, citing its sentences."""
        history = [message.model_dump() for message in request.history]

        def answer() -> AnswerModel | Response:
            try:
                found = library.answerer(request.article).ask(request.question, history)
            except UnknownArticle as error:
                return error_response(404, str(error))
            except ArticleQAError as error:
                return error_response(400, str(error))
            return AnswerModel.model_validate(found.to_dict())

        return await in_pool(answer, client)

    listed: dict[int | str, dict[str, Any]] = {401: errors[401]} if auth is not None else {}

    @router.get("/articles", response_model=list[ArticleModel], responses=listed)
    def articles() -> list[ArticleModel]:
        """The loaded articles; the bundled one first."""
        return [article_model(entry) for entry in library.entries()]

    uploaded = {**errors, 413: {"model": ErrorModel, "description": "the file is over 2 MB"}}

    @router.post(
        "/articles",
        response_model=ArticleModel,
        responses=uploaded,
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
    ) -> ArticleModel | Response:
        """Add an article: the body is the file's bytes (UTF-8 text, Markdown or HTML).

        Returns the article's entry; adding the same text again returns the existing one.
        """
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_ARTICLE_BYTES:
                return error_response(413, f"{filename} is over 2 MB; the limit is 2 MB")
        data = bytes(body)

        def add() -> ArticleModel | Response:
            try:
                return article_model(add_bytes(library, data, filename))
            except ArticleQAError as error:
                return error_response(400, str(error))

        return await in_pool(add, request, INDEXING)

    @router.delete("/articles/{article}", response_model=ArticleModel, responses=errors)
    async def remove_article(
        client: Request,
        article: str = PathParameter(description="the article's id (see GET /api/articles)"),
    ) -> ArticleModel | Response:
        """Remove a loaded article and delete its files; returns the entry it had.

        The bundled article cannot be removed (400). Removing one that another server
        sharing the data folder removed first is 404, as for any unknown id.
        """

        def remove() -> ArticleModel | Response:
            try:
                entry = library.entry(article)
                library.remove(article)
            except UnknownArticle as error:
                return error_response(404, str(error))
            except ArticleQAError as error:
                return error_response(400, str(error))
            return article_model(entry)

        return await in_pool(remove, client)

    return router


def install_api(
    app: FastAPI,
    library: FolderCollection,
    pool: WorkerPool | None = None,
    auth: Credentials | None = None,
) -> None:
    """Add the /api routes to `app`; every error they give is {"error": ...} too."""
    install_error_handlers(app, PREFIX)
    router = api_router(library, pool, auth)
    app.include_router(router)
    routes = [route for route in router.routes if isinstance(route, APIRoute)]
    app.mount(PREFIX, not_routed(routes))  # after the routes: only what they do not take
