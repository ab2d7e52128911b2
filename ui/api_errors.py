"""How the HTTP API (ui.api) says what went wrong: always {"error": "<one line>"}.

FastAPI's own answers are {"detail": ...}, and some are not even that: a body nested
deeper than Python's recursion limit or not UTF-8 is a 400 "There was an error parsing
the body", and a path or method no /api route takes falls through to the chat mounted at
/ ({"detail": "Not Found"}). Here every one of them becomes {"error"}, with 422 for any
body that cannot be read as JSON, 404 for no such route, 405 (and Allow) for a method a
route does not take, and 500 for a fault of the server's own (its log has the traceback).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Coroutine, Mapping, MutableMapping
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.routing import Match

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    """{"error": <the message's first line>} with `status`."""
    lines = [line for line in message.splitlines() if line.strip()]
    # A lone surrogate echoed from the request could not be written as UTF-8.
    line = (lines[0] if lines else "error").encode("utf-8", "backslashreplace").decode()
    return JSONResponse(status_code=status, content={"error": line}, headers=headers)


def body_problem(body: bytes) -> str | None:
    """Why a JSON request body cannot be read, or None when it parses."""
    try:
        json.loads(body)
    except RecursionError:
        return "the request body is nested too deep"
    except UnicodeDecodeError as error:
        return f"the request body is not UTF-8 (bad byte at offset {error.start})"
    except json.JSONDecodeError as error:
        return f"the request body is not JSON ({error.msg} at character {error.pos + 1})"
    return None


class JSONBodyRoute(APIRoute):
    """A route whose JSON body is parsed before FastAPI reads it, so that one that cannot
    be parsed gets 422 {"error"} naming why. Starlette keeps what it parsed: FastAPI's own
    read finds it, and the body is parsed once."""

    def get_route_handler(self) -> Handler:
        """FastAPI's handler, behind the parse for routes that take a JSON body."""
        handle: Handler = super().get_route_handler()
        if self.body_field is None:
            return handle

        async def parsed_first(request: Request) -> Response:
            kind = request.headers.get("content-type", "application/json")
            if "json" in kind.lower() and await request.body():
                try:
                    await request.json()
                except (ValueError, RecursionError):
                    body = await request.body()
                    return error_response(422, body_problem(body) or "the body is not JSON")
            return await handle(request)

        return parsed_first


def validation_message(error: RequestValidationError) -> str:
    """The first schema problem, e.g. "question: Field required"."""
    problems = error.errors()
    if not problems:
        return "the request body does not match the schema"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return f"{where or 'request body'}: {first.get('msg', 'invalid')}"


def not_routed(routes: list[APIRoute]) -> ASGIApp:
    """An ASGI app answering what none of `routes` takes: 405 and Allow when a route has
    the path but not the method, else 404. Mounted under their prefix, after them, it
    takes every method, where a catch-all route could only take those it names."""

    async def answer(scope: Scope, receive: Any, send: Any) -> None:
        # Matched as the routes match: from the app's root, not this mount's.
        outer = {**scope, "root_path": scope.get("app_root_path", "")}
        allowed = sorted(
            {
                method
                for route in routes
                if route.matches(outer)[0] is not Match.NONE
                for method in route.methods or ()
            }
        )
        if allowed:
            message = f"{scope['method']} is not allowed here; use {', '.join(allowed)}"
            response = error_response(405, message, {"Allow": ", ".join(allowed)})
        else:
            response = error_response(404, f"no API route at {scope['path']}")
        await response(scope, receive, send)

    return answer


def install_error_handlers(app: FastAPI, prefix: str) -> None:
    """Make every error under `prefix` {"error": ...}; other paths keep FastAPI's."""

    async def invalid_body(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return error_response(422, validation_message(error))

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if not request.url.path.startswith(prefix + "/"):
            return await http_exception_handler(request, error)
        return error_response(error.status_code, str(error.detail), error.headers)

    async def server_error(request: Request, error: Exception) -> Response:
        # Starlette logs the traceback once this is sent; the client gets one line.
        return error_response(500, "the server failed on this request; its log says why")

    app.add_exception_handler(RequestValidationError, invalid_body)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, server_error)
