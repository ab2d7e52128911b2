"""Keep visitors from reaching files or the network through Gradio's generic routes.

Gradio serves `/gradio_api/file=<path>` for files it created (uploads, its cache) and
refuses others; this app adds no allowed paths. Some of what Gradio does goes further
than this app needs, and the guard below refuses it before Gradio sees the request:

- `GET .../file=https://host/...` makes the server fetch a public URL and stream it back;
  `.../proxy=...` proxies to Hugging Face Spaces.
- An event's input may be a file given as `{"path": ..., "meta": {"_type":
  "gradio.FileData"}}`, anywhere in any input (a chat history included); with an http(s)
  path Gradio downloads it into its cache before the handler runs.
- A chat message may be a component (`{"component": "audio", "value": ...,
  "constructor_args": ..., "props": ...}`): Gradio builds that component from the
  visitor's arguments and hands it the value, and several components fetch a URL given
  there (as a value, or as a path with no `meta` at all).

The guard decides on the parsed request, not its bytes: every POST to Gradio's API but
its upload route is read whole (up to MAX_BODY), parsed as JSON exactly as Gradio parses
it (`json.loads`, so `\\u002e` and `\\/` escapes mean what they mean to Gradio), and
walked without recursion. Bodies too big, not JSON, nested too deep or holding too many
values get a one-line `{"error": ...}` with a 4xx status; nothing unread passes through.

Belt and braces: `switch_off_url_downloads()` replaces the one function through which
Gradio fetches a URL for an event (its SSRF-checked GET), so a file shape the guard does
not know, in a Gradio to come, still gets no download. It runs when the guard is built (Starlette
builds its middleware at startup, before any request).

This app never needs any of it: it reads only what a visitor uploads. Its own checks that
an uploaded path lies in the upload folder are in ui.uploads.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ui.request_body import (
    FETCH,
    MAX_BODY,
    REFUSED,
    TOO_BIG,
    Refusal,
    check_body,
    refused_route,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

__all__ = ["REFUSED", "RemoteFileGuard", "switch_off_url_downloads"]


def _checked(scope: Scope) -> bool:
    """Whether a request's body goes through `check_body`: any with a body for Gradio's
    API (under /gradio_api/) but its upload route, whose multipart file bytes Gradio
    stores and bounds itself (max_file_size) and never fetches anything for."""
    path = scope["path"]
    if scope["method"] in ("GET", "HEAD") or "/gradio_api/" not in path:
        return False
    return path.rstrip("/").rpartition("/gradio_api/")[2] != "upload"


class RemoteFileGuard:
    """ASGI middleware: refuses URL fetches through Gradio's file routes and events.

    Installing it also switches Gradio's URL download off in this process.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        switch_off_url_downloads()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if refused_route(scope["path"]):
            await _refuse(send, FETCH)
            return
        if not _checked(scope):
            await self.app(scope, receive, send)
            return
        if _declared_length(scope) > MAX_BODY:
            await _refuse(send, TOO_BIG)  # the server drops the body unread
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = bool(message.get("more_body"))
            if len(body) > MAX_BODY:
                await _refuse(send, TOO_BIG)
                return
        data = bytes(body)
        refusal = check_body(data)
        if refusal is not None:
            await _refuse(send, refusal)
            return
        await self.app(scope, _replay(data, receive), send)


def _declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", ()):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0  # the server refuses a malformed length itself
    return 0


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive() that gives back the whole body already read, then waits as usual
    (for the client going away)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Send, refusal: Refusal) -> None:
    payload = json.dumps({"error": refusal.message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": refusal.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


# -- Gradio's own download, switched off ---------------------------------------------------


class URLDownloadRefused(PermissionError):
    """Raised in place of any URL download Gradio would make."""


async def _no_download(url: object, *args: object, **kwargs: object) -> Any:
    raise URLDownloadRefused(REFUSED)


def switch_off_url_downloads() -> None:
    """Make Gradio refuse to download any URL in this process.

    Every server-side fetch Gradio 6 makes for an event goes through
    `gradio.processing_utils.async_ssrf_protected_get` (looked up by name at each call):
    a file object's http(s) path moved to the cache (Block.async_move_resource_to_block
    _cache -> async_ssrf_protected_download), `save_url_to_cache` for File, Video and
    UploadButton values, an audio stream's URL, an SVG image's URL. Replacing that one
    function stops them all even if a request shape gets past the guard; this app never
    fetches a URL. The `file=<url>` and `proxy=` routes use their own clients and are
    refused by the guard's route check. tests/ui/test_guard.py pins the name, so a
    Gradio that renames it fails a test rather than this silently doing nothing.
    """
    from gradio import processing_utils

    processing_utils.async_ssrf_protected_get = _no_download
