"""Keep visitors from reaching files or the network through Gradio's generic routes.

Gradio serves `/gradio_api/file=<path>` for files it created (uploads, its cache) and
refuses others; this app adds no allowed paths. Two of its routes go further than this
app needs, and the guard below refuses them before Gradio sees the request:

- `GET .../file=https://host/...` makes the server fetch a public URL and stream it back;
  `.../proxy=...` proxies to Hugging Face Spaces.
- An event's input may be a file given as `{"path": ..., "meta": {"_type":
  "gradio.FileData"}}`; with an http(s) path Gradio downloads it into its cache.

This app never needs either: it reads only what a visitor uploads. Its own checks that
an uploaded path lies in the upload folder are in ui.uploads.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

REFUSED = "this server does not fetch URLs for visitors"
_FILE_MARK = b"gradio.FileData"
# Event bodies hold a question (2,000 characters) or a pasted article (2 MB) at most.
_MAX_SCANNED = 8 * 1024 * 1024


def _is_url(value: object) -> bool:
    return isinstance(value, str) and "://" in value[:16]


def names_remote_file(data: object) -> bool:
    """Whether a JSON value holds a Gradio file object whose path is a URL.

    Its `url` may be one: a browser sends back where this server serves the upload, and
    Gradio reads an input's file from `path` only.
    """
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            meta = item.get("meta")
            is_file = isinstance(meta, dict) and meta.get("_type") == "gradio.FileData"
            if is_file and _is_url(item.get("path")):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def refused_route(path: str) -> bool:
    """Whether a request path asks Gradio to fetch or proxy a URL."""
    lowered = path.lower()
    for marker in ("/file=", "/file/"):
        at = lowered.find(marker)
        if at >= 0 and "://" in lowered[at + len(marker) :][:16]:
            return True
    return "/proxy=" in lowered


class RemoteFileGuard:
    """ASGI middleware: 403 for URL fetches through Gradio's file routes and events."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if refused_route(scope["path"]):
            await _forbidden(send)
            return
        if scope["method"] != "POST" or "/gradio_api/" not in scope["path"]:
            await self.app(scope, receive, send)
            return
        if scope["path"].rstrip("/").endswith("/upload"):
            await self.app(scope, receive, send)  # file bytes, never fetched
            return
        body, more, complete = bytearray(), True, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = bool(message.get("more_body"))
            if len(body) > _MAX_SCANNED:
                complete = False
                break
        data = bytes(body)
        if _FILE_MARK in data and b"://" in data:
            try:
                remote = not complete or names_remote_file(json.loads(data))
            except ValueError:
                remote = False  # not JSON: Gradio answers that itself
            if remote:
                await _forbidden(send)
                return
        await self.app(scope, _replay(data, more, receive), send)


def _replay(body: bytes, more: bool, receive: Receive) -> Receive:
    """A receive() that gives back the body already read, then the rest as it comes."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": more}
        return await receive()

    return replay


async def _forbidden(send: Send) -> None:
    payload = json.dumps({"error": REFUSED}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
