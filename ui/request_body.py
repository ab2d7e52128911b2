"""What a request to Gradio's API may carry: its body parsed and walked for URL fetches.

A body is parsed as JSON exactly as Gradio parses it (`json.loads`, so `\\u002e` and `\\/`
escapes mean what they mean to Gradio) and walked without recursion. A Gradio file object
(`{"path": ..., "meta": {"_type": "gradio.FileData"}}`) whose path names a URL, a chat
message that is a component, or a body too big, not JSON, nested too deep, holding too
many values or holding text that is not valid Unicode gets a `Refusal`: a 4xx status and
a one-line message. ui.guard applies it.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

from qa.unicode import invalid_unicode

REFUSED = "this server does not fetch URLs for visitors"
# Event bodies hold a question (2,000 characters), a chat history, or a pasted article
# (2 MB; up to 6 MB once a client escapes every non-ASCII character as \uXXXX).
MAX_BODY = 8 * 1024 * 1024
# A chat history is nested 6 deep; a file object 4.
MAX_DEPTH = 64
# Lists' items and objects' members, all told: a long chat is a few thousand.
MAX_VALUES = 200_000

_FILE_TYPE = "gradio.FileData"
# Keys Gradio's chat component message requires, all four (gradio.components.chatbot).
_COMPONENT_KEYS = frozenset({"component", "value", "constructor_args", "props"})
# A URL scheme of two letters or more (one letter is a Windows drive).
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]+):")
_LEADING = string.whitespace + "".join(map(chr, range(32)))
_FETCHED = ("http", "https")  # the schemes a browser sends back as a file's url


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused: an HTTP status and a one-line message."""

    status: int
    message: str


TOO_BIG = Refusal(413, f"request body over {MAX_BODY // (1024 * 1024)} MiB")
NOT_JSON = Refusal(400, "request body is not JSON")
TOO_DEEP = Refusal(422, f"request body nested deeper than {MAX_DEPTH} levels")
TOO_MANY = Refusal(422, f"request body holds over {MAX_VALUES:,} values")
FETCH = Refusal(403, REFUSED)
COMPONENT = Refusal(403, "chat messages holding components are not accepted")
BAD_FILE = Refusal(422, "a file object's meta is not an object")
NOT_UNICODE = Refusal(400, "request body holds text that is not valid Unicode (a lone surrogate)")


def names_source(value: object) -> bool:
    """Whether a string names something off this server's disk: a URL of any scheme
    (http, data, file, ...), or a network path (`//host/...`, `\\\\host\\...`).

    Leading blanks and control characters are skipped first.
    """
    if not isinstance(value, str):
        return False
    text = value.lstrip(_LEADING)
    return text[:2] in ("//", "\\\\", "/\\", "\\/") or _SCHEME.match(text) is not None


def _foreign_url(value: object) -> bool:
    """Whether a file object's `url` names anything but a page address.

    A browser sends back the http(s) address this server shows the file at (its host as
    the browser knows it, which behind a proxy is not ours to check); Gradio reads an
    input's file from `path`, and fetches `url` only for apps loaded with gr.load().
    """
    if not names_source(value):
        return False
    scheme = _SCHEME.match(str(value).lstrip(_LEADING))
    return scheme is None or scheme.group(1).lower() not in _FETCHED


def _file_refusal(item: dict[str, Any]) -> Refusal | None:
    """The refusal for one JSON object, if it is a file object or a chat component."""
    if _COMPONENT_KEYS <= item.keys():
        return COMPONENT
    if "meta" not in item:
        return None
    meta = item["meta"]
    if not isinstance(meta, dict):
        # Gradio's own test (`d["meta"].get`) fails on it with a traceback.
        return BAD_FILE if isinstance(item.get("path"), str) else None
    if meta.get("_type") != _FILE_TYPE:
        return None
    if names_source(item.get("path")) or _foreign_url(item.get("url")):
        return FETCH
    return None


def inspect_value(data: object) -> Refusal | None:
    """Why a parsed request body is refused, or None when it may go on to Gradio.

    Walks the value iteratively: nesting over MAX_DEPTH and over MAX_VALUES values are
    refused, as are file objects naming a URL (in `path`, or a non-http(s) `url`) and
    chat messages holding components. Strings are refused only when they are not valid
    Unicode: Gradio's JSON writer refuses lone surrogates, so an event echoing one back
    (the chat shows the question asked) would fail with a traceback.
    """
    stack: list[tuple[dict[str, Any] | list[Any], int]] = []
    if isinstance(data, (dict, list)):
        stack.append((data, 1))
    elif isinstance(data, str) and invalid_unicode(data) is not None:
        return NOT_UNICODE
    values = 0
    while stack:
        item, level = stack.pop()
        if level > MAX_DEPTH:
            return TOO_DEEP
        if isinstance(item, dict):
            refusal = _file_refusal(item)
            if refusal is not None:
                return refusal
            children: Any = item.values()
        else:
            children = item
        values += len(item)
        if values > MAX_VALUES:
            return TOO_MANY
        if _holds_invalid_text(item):
            return NOT_UNICODE
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return None


def _holds_invalid_text(item: dict[str, Any] | list[Any]) -> bool:
    """Whether a key or string directly in `item` is not valid Unicode (a lone surrogate)."""
    texts = chain(item, item.values()) if isinstance(item, dict) else item
    return any(isinstance(text, str) and invalid_unicode(text) is not None for text in texts)


def check_body(body: bytes) -> Refusal | None:
    """Why a request body sent to Gradio's API is refused, or None to let it through.

    An empty body passes (there is nothing in it to fetch); anything else must be JSON
    that `inspect_value` accepts.
    """
    if len(body) > MAX_BODY:
        return TOO_BIG
    if not body.strip():
        return None
    try:
        data = json.loads(body)  # what Starlette's Request.json() does for Gradio
    except RecursionError:
        return TOO_DEEP
    except ValueError:  # JSONDecodeError, UnicodeDecodeError
        return NOT_JSON
    return inspect_value(data)


def names_remote_file(data: object) -> bool:
    """Whether a JSON value holds a Gradio file object whose path or url is refused.

    Its `url` may be an http(s) address: a browser sends back where this server serves
    the upload, and Gradio reads an input's file from `path` only.
    """
    return any(_file_refusal(item) is FETCH for item in _objects(data))


def _objects(data: object) -> Iterator[dict[str, Any]]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def refused_route(path: str) -> bool:
    """Whether a request path asks Gradio to fetch or proxy a URL."""
    lowered = path.lower()
    for marker in ("/file=", "/file/"):
        at = lowered.find(marker)
        if at >= 0 and names_source(path[at + len(marker) :]):
            return True
    return "/proxy=" in lowered
