"""The guard decides on the parsed request: no spelling, padding or nesting gets a URL fetched.

Unit tests of ui.guard's parsing, then the real served app on loopback with every
connection beyond loopback refused and recorded in this process (the server runs in a
thread of it): a file object naming an outside address, sent with JSON escapes
(`gradio\\u002eFileData`, `http:\\/\\/`), after padding, or inside a chat history, through
the add-article event, the upload event and the chat, is refused before Gradio sees it,
and no connection was even attempted. A control shows the recorder does see the
connection Gradio's download would make, so an empty record means something.
"""

from __future__ import annotations

import asyncio
import http.client
import ipaddress
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.gradio_upload import upload_file
from ui.guard import RemoteFileGuard, URLDownloadRefused, switch_off_url_downloads
from ui.request_body import (
    BAD_FILE,
    COMPONENT,
    FETCH,
    MAX_BODY,
    MAX_DEPTH,
    MAX_VALUES,
    NOT_JSON,
    NOT_UNICODE,
    REFUSED,
    TOO_BIG,
    TOO_DEEP,
    TOO_MANY,
    check_body,
    inspect_value,
    names_remote_file,
    names_source,
    refused_route,
)

# A public address (no DNS needed): a connection to it would leave this machine.
OUTSIDE = "93.184.215.14"
OUTSIDE_URL = f"http://{OUTSIDE}/article.txt"


def file_object(path: str, **extra: Any) -> dict[str, Any]:
    return {"path": path, "orig_name": "article.txt", "meta": {"_type": "gradio.FileData"}, **extra}


def escaped(body: str) -> bytes:
    """`body` (JSON) as a crafted request writes it: the marks the old guard grepped for
    spelt with JSON escapes, which json.loads (so Gradio) reads back unchanged."""
    out = body.replace("gradio.FileData", "gradio\\u002eFileData").replace("://", ":\\/\\/")
    out = out.replace('"http', '"\\u0068ttp')
    assert b"gradio.FileData" not in out.encode() and b"://" not in out.encode()
    assert json.loads(out) == json.loads(body)
    return out.encode()


# -- parsing ---------------------------------------------------------------------------------


def test_escaped_spellings_are_read_as_gradio_reads_them() -> None:
    body = json.dumps({"data": [file_object(OUTSIDE_URL)], "fn_index": 0})
    assert check_body(escaped(body)) is FETCH
    # UTF-16 is JSON to json.loads too, so to Gradio.
    assert check_body(body.encode("utf-16")) is FETCH
    for path in (
        "https://host/a.txt",
        "HTTP://host/a.txt",
        " \t\nhttp://host/a.txt",
        "\x00http://host/a.txt",
        "//host/a.txt",
        "\\\\host\\share\\a.txt",
        "data:text/plain;base64,aGk=",
        "file:///etc/passwd",
        "ftp://host/a.txt",
    ):
        assert check_body(json.dumps({"data": [file_object(path)]}).encode()) is FETCH, path


def test_a_file_object_anywhere_is_found() -> None:
    history = [
        {"role": "user", "content": "hello"},
        {"role": "user", "content": [{"type": "file", "file": file_object(OUTSIDE_URL)}]},
    ]
    assert inspect_value({"data": ["Who?", history, "bundled"]}) is FETCH
    assert inspect_value({"data": [[{"role": "user", "content": file_object(OUTSIDE_URL)}]]})
    assert inspect_value({"event_data": {"x": [[[file_object(OUTSIDE_URL)]]]}}) is FETCH
    # The browser's own chat history and question pass.
    plain = [{"role": "user", "content": [{"type": "text", "text": "see https://a.b"}]}]
    assert inspect_value({"data": ["Who? https://a.b", plain, "bundled"]}) is None


def test_the_url_a_browser_sends_back_passes_and_other_urls_do_not() -> None:
    uploaded = "/tmp/gradio/0a1b/ferry.txt"
    served = f"http://127.0.0.1:7860/gradio_api/file={uploaded}"
    for url in (served, "https://qa.example.org/app/gradio_api/file=/x", "/gradio_api/file=/x"):
        assert inspect_value({"data": [file_object(uploaded, url=url)]}) is None, url
    for url in ("data:text/plain,hi", "//host/x", "file:///etc/passwd", "javascript:alert(1)"):
        assert inspect_value({"data": [file_object(uploaded, url=url)]}) is FETCH, url


def test_chat_component_messages_are_refused() -> None:
    # Gradio builds the named component from the visitor's arguments and hands it the
    # value: an audio or video path there is read with ffmpeg, which fetches URLs.
    message = {
        "component": "audio",
        "value": {"path": OUTSIDE_URL},
        "constructor_args": {},
        "props": {},
    }
    history = [{"role": "user", "content": [message]}]
    assert inspect_value({"data": ["Who?", history, "bundled"]}) is COMPONENT
    assert inspect_value({"data": [{"component": "audio", "value": OUTSIDE_URL}]}) is None


def test_a_file_object_gradio_itself_would_choke_on_is_refused() -> None:
    metas: list[Any] = [None, [], "gradio.FileData"]
    for meta in metas:
        assert inspect_value({"data": [{"path": "/tmp/a.txt", "meta": meta}]}) is BAD_FILE


def test_size_depth_and_count_are_bounded() -> None:
    assert check_body(b" " * (MAX_BODY + 1)) is TOO_BIG
    padded = b" " * (MAX_BODY - 1000) + escaped(json.dumps({"data": [file_object(OUTSIDE_URL)]}))
    assert len(padded) <= MAX_BODY and check_body(padded) is FETCH
    assert check_body(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) is None
    assert check_body(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1)) is TOO_DEEP
    # Past json.loads' own limit: its RecursionError is a refusal too, not a traceback.
    assert check_body(b"[" * 100_000 + b"]" * 100_000) is TOO_DEEP
    assert check_body(b'{"a":' * 100_000 + b"1" + b"}" * 100_000) is TOO_DEEP
    assert check_body(b"[" + b"0," * MAX_VALUES + b"0]") is TOO_MANY
    assert check_body(b"[" + b"0," * (MAX_VALUES - 1) + b"0]") is None


def test_only_json_passes() -> None:
    for body in (b"not json", b"\xff\xfe\x00{", b'{"data": [1]', b"data=1&x=2"):
        assert check_body(body) is NOT_JSON, body
    assert check_body(b"") is None and check_body(b" \r\n") is None
    for refusal in (FETCH, COMPONENT, BAD_FILE, TOO_BIG, TOO_DEEP, TOO_MANY, NOT_JSON):
        assert 400 <= refusal.status < 500 and "\n" not in refusal.message


def test_text_that_is_not_valid_unicode_is_refused() -> None:
    # Gradio's JSON writer refuses lone surrogates: the chat echoing the question failed.
    for body in (
        '{"data": ["Who \\ud800?", [], "bundled"]}',
        '{"data": ["Who?", [{"role": "user", "content": [{"type": "text", "text": "\\udc80"}]}]]}',
        '{"data": [], "\\udfff": 1}',
        '"\\ud800"',
    ):
        assert check_body(body.encode()) is NOT_UNICODE, body
    # Surrogate pairs spelt as escapes are one valid character; so is any non-ASCII text.
    assert check_body(b'{"data": ["\\ud83d\\ude00 caf\xc3\xa9 \\u4e2d"]}') is None


def test_names_source_and_routes() -> None:
    for text in ("http://a", "HTTPS://a", "data:,x", " //a/b", "\\\\a\\b", "blob:x"):
        assert names_source(text), text
    others: list[object] = ["/tmp/gradio/a/b.txt", "C:/x.txt", "a.txt", "see https://a.b", 5, None]
    for other in others:
        assert not names_source(other), other
    assert names_remote_file({"data": [file_object("data:,x")]})
    assert refused_route("/gradio_api/file=data:text/html,hi")
    assert refused_route("/gradio_api/file= http://a.b/c")
    assert refused_route("/gradio_api/file///a.b/c")
    assert not refused_route("/gradio_api/file=/tmp/gradio/abc/data:1.txt")


# -- Gradio's own download, switched off -------------------------------------------------------


class Outside:
    """Every connection to a non-loopback address, refused and recorded."""

    def __init__(self) -> None:
        self.attempts: list[Any] = []

    def allowed(self, address: Any) -> bool:
        if not isinstance(address, tuple):  # a Unix socket
            return True
        try:
            return ipaddress.ip_address(address[0]).is_loopback
        except ValueError:
            return address[0] == "localhost"


@pytest.fixture
def outside(monkeypatch: pytest.MonkeyPatch) -> Iterator[Outside]:
    record = Outside()
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if not record.allowed(address):
            record.attempts.append(address)
            raise ConnectionRefusedError(f"network refused by test: {address}")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not record.allowed(address):
            record.attempts.append(address)
            return 111
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield record


def test_the_recorder_sees_the_connection_gradio_would_make(outside: Outside) -> None:
    # What gradio.processing_utils.async_ssrf_protected_get does, without the switch.
    from gradio import processing_utils

    with pytest.raises(Exception):  # noqa: B017 - the refused connect, however wrapped
        asyncio.run(
            processing_utils.sh.get(
                OUTSIDE_URL,
                domain_whitelist=processing_utils.PUBLIC_HOSTNAME_WHITELIST,
                _transport=processing_utils.async_transport,
            )
        )
    assert [address[0] for address in outside.attempts] == [OUTSIDE]


def test_gradio_url_downloads_are_switched_off(outside: Outside, tmp_path: Path) -> None:
    import gradio as gr
    from gradio import processing_utils

    RemoteFileGuard(lambda scope, receive, send: asyncio.sleep(0))  # installing switches
    switch_off_url_downloads()  # twice is harmless
    with pytest.raises(URLDownloadRefused, match=REFUSED):
        asyncio.run(processing_utils.async_ssrf_protected_get(OUTSIDE_URL))
    # The path an event's file object takes into Gradio's cache, and the File value's.
    block = gr.File()
    with pytest.raises(URLDownloadRefused):
        asyncio.run(block.async_move_resource_to_block_cache(OUTSIDE_URL))
    with pytest.raises(URLDownloadRefused):
        processing_utils.save_url_to_cache(OUTSIDE_URL, str(tmp_path))
    with pytest.raises(URLDownloadRefused):
        asyncio.run(processing_utils.async_ssrf_protected_download(OUTSIDE_URL, str(tmp_path)))
    assert outside.attempts == []


# -- through the served app ------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from qa.collection import FolderCollection
    from tests.conftest import FakeEmbedder
    from ui.app import create_web_app
    from ui.server import BackgroundServer

    library = FolderCollection(
        tmp_path_factory.mktemp("guard"), embedder=FakeEmbedder(), reader=False
    )
    with BackgroundServer(create_web_app(library=library)) as url:
        config = json.load(urllib.request.urlopen(url + "config", timeout=30))
        kinds = {component["id"]: component["type"] for component in config["components"]}
        events: dict[str, int] = {}
        arity: dict[str, int] = {}
        for dep in config["dependencies"]:
            inputs = [kinds[i] for i in dep["inputs"]]
            if dep.get("api_name") in ("add_article", "chat"):
                events[dep["api_name"]] = dep["id"]
            elif inputs[:1] == ["file"]:  # the file, then the page's state
                events["upload"] = dep["id"]
                arity["upload"] = len(inputs)
            elif inputs[:2] == ["textbox", "chatbot"]:  # the question, the history, ...
                events.setdefault("chatbot", dep["id"])
                arity.setdefault("chatbot", len(inputs))
        assert set(events) == {"add_article", "chat", "upload", "chatbot"}, events
        yield {"url": url, "library": library, "events": events, "arity": arity}


def post(url: str, path: str, body: bytes, chunked: bool = False) -> tuple[int, Any]:
    """POST `body` as given; returns the status and the JSON reply (or its text)."""
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(str(parsed.hostname), parsed.port, timeout=60)
    try:
        if chunked:
            pieces = (body[i : i + 65536] for i in range(0, len(body), 65536))
            connection.request(
                "POST",
                path,
                pieces,
                {"Content-Type": "application/json"},
                encode_chunked=True,
            )
        else:
            connection.request("POST", path, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        text = response.read().decode()
    finally:
        connection.close()
    try:
        return response.status, json.loads(text)
    except ValueError:
        return response.status, text


def join_body(fn_index: int, data: list[Any], session: str = "guard") -> str:
    return json.dumps(
        {"data": data, "fn_index": fn_index, "session_hash": session, "trigger_id": None}
    )


def refused(status: int, reply: Any) -> bool:
    return (status, reply) == (403, {"error": REFUSED})


def page_chat(site: dict[str, Any], history: list[Any], session: str = "guard") -> str:
    """The page's chat event (question, history, article, then its state) as JSON."""
    data: list[Any] = ["Who?", history, "bundled"]
    data += [None] * (site["arity"]["chatbot"] - len(data))
    return join_body(site["events"]["chatbot"], data, session)


def upload_data(site: dict[str, Any], file: Any) -> list[Any]:
    """The page's upload event inputs: the file, then its state (a fresh page's: empty)."""
    return [file] + [{}] * (site["arity"]["upload"] - 1)


def crafted(site: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Each way in, as (route, JSON body) carrying a file object with an outside URL."""
    events, remote = site["events"], file_object(OUTSIDE_URL)
    file_message = {"type": "file", "file": remote}
    return {
        "add-article event": ("/gradio_api/queue/join", join_body(events["add_article"], [remote])),
        "add-article call": ("/gradio_api/call/add_article", json.dumps({"data": [remote]})),
        "upload event": (
            "/gradio_api/queue/join",
            join_body(events["upload"], upload_data(site, remote)),
        ),
        "chat history (API)": (
            "/gradio_api/queue/join",
            join_body(events["chat"], ["Who?", [{"role": "user", "content": remote}], "bundled"]),
        ),
        "chat history (page)": (
            "/gradio_api/queue/join",
            page_chat(site, [{"role": "user", "content": [file_message]}]),
        ),
        "chat call history": (
            "/gradio_api/call/chat",
            json.dumps({"data": ["Who?", [{"role": "user", "content": [remote]}], "bundled"]}),
        ),
    }


@pytest.mark.integration
def test_escaped_file_objects_are_refused_and_nothing_is_fetched(
    site: dict[str, Any], outside: Outside
) -> None:
    before = [entry.id for entry in site["library"].entries()]
    for name, (route, body) in crafted(site).items():
        for spelling in (body.encode(), escaped(body)):
            status, reply = post(site["url"], route, spelling)
            assert refused(status, reply), (name, status, reply)
    assert outside.attempts == []
    assert [entry.id for entry in site["library"].entries()] == before


@pytest.mark.integration
def test_padded_file_objects_are_refused_and_nothing_is_fetched(
    site: dict[str, Any], outside: Outside
) -> None:
    over = {"error": f"request body over {MAX_BODY // (1024 * 1024)} MiB"}
    for name, (route, body) in crafted(site).items():
        payload = json.loads(body)
        # Padding first, the file object after it: a string field, and plain blanks.
        padded = escaped(json.dumps({"event_data": "x" * (MAX_BODY + 1), **payload}))
        assert post(site["url"], route, padded) == (413, over), name
        blank = b" " * (MAX_BODY + 1) + escaped(body)
        assert post(site["url"], route, blank, chunked=True) == (413, over), name
        # Under the cap, the whole body is read: the file object at its end is found.
        near = b" " * (MAX_BODY - len(body) - 64) + escaped(body)
        assert refused(*post(site["url"], route, near)), name
    assert outside.attempts == []


@pytest.mark.integration
def test_deep_nesting_and_non_json_get_a_clean_4xx(site: dict[str, Any]) -> None:
    chat = site["events"]["chat"]
    too_deep = (422, {"error": TOO_DEEP.message})
    for route in ("/gradio_api/queue/join", "/gradio_api/call/chat", "/gradio_api/run/chat"):
        for depth in (MAX_DEPTH + 1, 900, 100_000):  # the last is past json.loads' limit
            question = "[" * depth + "]" * depth
            body = join_body(chat, ["placeholder"]).replace('"placeholder"', question)
            assert post(site["url"], route, body.encode()) == too_deep, (route, depth)
        assert post(site["url"], route, b"data=1") == (400, {"error": NOT_JSON.message}), route


@pytest.mark.integration
def test_lone_surrogates_get_a_clean_4xx_on_every_way_in(site: dict[str, Any]) -> None:
    refused = (400, {"error": NOT_UNICODE.message})
    question = '"Who \\ud800 said so?"'
    history = '[{"role": "user", "content": "What \\udc80 happened?"}]'
    page_history = '[{"role": "user", "content": [{"type": "text", "text": "\\udc80"}]}]'
    for route in ("/gradio_api/call/ask", "/gradio_api/call/chat"):
        for data in (f'[{question}, [], "bundled"]', f'["Who said so?", {history}, "bundled"]'):
            assert post(site["url"], route, f'{{"data": {data}}}'.encode()) == refused, route
    # The page's own chat event: the question, then a history as the page sends it.
    asked = page_chat(site, [])
    for page in (asked.replace('"Who?"', question), asked.replace("[]", page_history, 1)):
        assert post(site["url"], "/gradio_api/queue/join", page.encode()) == refused, page


@pytest.mark.integration
def test_component_messages_are_refused_in_the_chat(site: dict[str, Any], outside: Outside) -> None:
    message = {
        "component": "audio",
        "value": {"path": OUTSIDE_URL},
        "constructor_args": {"value": OUTSIDE_URL},
        "props": {},
    }
    history = [{"role": "user", "content": [message]}]
    body = page_chat(site, history)
    status, reply = post(site["url"], "/gradio_api/queue/join", body.encode())
    assert (status, reply) == (403, {"error": COMPONENT.message})
    assert outside.attempts == []


@pytest.mark.integration
def test_the_browsers_upload_still_goes_through(site: dict[str, Any], outside: Outside) -> None:
    # The upload event as the page sends it: the uploaded path, and the URL this server
    # shows it at. The guard lets it pass and the article is added.
    url, library = site["url"], site["library"]
    text = b"Ferry returns\nThe ferry left Oban at noon on March 3.\n"
    file = Path(library.root).parent / "ferry.txt"
    file.write_bytes(text)
    path = upload_file(url, file)
    shown = url.rstrip("/") + "/gradio_api/file=" + urllib.parse.quote(path)
    upload = file_object(path, url=shown, size=len(text), mime_type="text/plain")
    session = "guard-upload"
    status, reply = post(
        url,
        "/gradio_api/queue/join",
        join_body(site["events"]["upload"], upload_data(site, upload), session).encode(),
    )
    assert status == 200 and "event_id" in reply, reply
    assert '"success":true' in outcome(url, session).replace(" ", "")
    assert "Ferry returns" in [entry.title for entry in library.entries()]
    assert outside.attempts == []


def outcome(url: str, session: str) -> str:
    """The queue's stream for `session` up to its event's end."""
    stream = urllib.request.urlopen(
        url + f"gradio_api/queue/data?session_hash={session}", timeout=60
    )
    lines = []
    for line in stream:
        lines.append(line.decode())
        if "process_completed" in lines[-1]:
            break
    return "".join(lines)


@pytest.mark.integration
def test_what_gets_past_the_guard_is_still_not_fetched(
    site: dict[str, Any], outside: Outside, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if a shape the guard does not know got through: Gradio's download is off.
    import ui.guard

    monkeypatch.setattr(ui.guard, "check_body", lambda body: None)
    for n, (name, (route, body)) in enumerate(crafted(site).items()):
        if route != "/gradio_api/queue/join":
            continue
        session = f"belt-{n}"
        status, reply = post(site["url"], route, body.replace('"guard"', f'"{session}"').encode())
        assert status == 200 and "event_id" in reply, (name, reply)
        stream = outcome(site["url"], session)
        # The page shows no error text (show_error=False): the event just fails.
        assert '"success":false' in stream.replace(" ", ""), (name, stream)
    assert outside.attempts == []
