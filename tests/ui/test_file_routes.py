"""No file outside what a visitor uploaded is served, and no URL is fetched for a visitor.

Through the real served app on loopback: every route Gradio 6 serves files from
(`/gradio_api/file=`, its old spellings `/file=` and `/gradio_api/file/`, and the static
`/assets/`, `/static/`, `/svelte/` and custom-component routes), with `../` paths, URL-
encoded and double-encoded ones, and absolute paths, aimed at /etc/passwd, the repo's
pyproject.toml, a file beside the data folder and an article saved in it. A control
shows the same requests do serve a file that was uploaded, so a refusal is a refusal.

The chat's upload event takes a file path and Gradio's API takes file objects; a crafted
request naming a server path or a URL there is refused too.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from gradio_client import Client, handle_file

from qa.collection import FolderCollection
from tests.conftest import REPO, FakeEmbedder
from tests.ui.gradio_upload import upload_file
from ui.app import create_web_app
from ui.request_body import REFUSED, names_remote_file, refused_route
from ui.server import BackgroundServer

pytestmark = pytest.mark.integration

TOKEN = "zq-secret-7c1e"  # in every planted file: seen in a reply means served


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("routes")
    data = root / "data"
    beside = root / "beside.txt"  # in the data folder's parent
    beside.write_text(f"Beside the data folder: {TOKEN}.\n", "utf-8")
    library = FolderCollection(data, embedder=FakeEmbedder(), reader=False)
    saved = library.add(f"Saved article\nIt holds {TOKEN} in its text.\n", "Saved")
    with BackgroundServer(create_web_app(library=library)) as url:
        yield {
            "url": url,
            "library": library,
            "secrets": {
                "/etc/passwd": "root:",
                str(REPO / "pyproject.toml"): "[project]",
                str(beside): TOKEN,
                str(library.folder / saved.id / "article.txt"): TOKEN,
            },
        }


def get(url: str, path: str) -> tuple[int, bytes]:
    """GET `path` exactly as written: no client-side normalising of ../ or %2F."""
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


ROUTES = [
    "/gradio_api/file=",
    "/file=",
    "/gradio_api/file/",
    "/assets/",
    "/static/",
    "/svelte/",
    "/gradio_api/custom_component/x/client/js/",
]


def spellings(target: str) -> list[str]:
    """Ways to name `target` (absolute) in a URL path: plain, climbing, encoded."""
    relative = target.lstrip("/")
    climb = "../" * 12 + relative
    return [
        target,
        quote(target, safe=""),
        relative,
        climb,
        climb.replace("/", "%2F"),
        climb.replace("../", "..%2F"),
        climb.replace("../", "%2e%2e/"),
        climb.replace("../", "%252e%252e%252f"),
        climb.replace("../", "....//"),
        climb.replace("/", "\\"),
        "/tmp/gradio/" + climb,
        "//" + relative,
    ]


def test_no_route_serves_a_file_it_should_not(site: dict[str, Any]) -> None:
    tried = 0
    for target, marker in site["secrets"].items():
        for route in ROUTES:
            for spelling in spellings(target):
                status, body = get(site["url"], route + spelling)
                tried += 1
                leaked = status == 200 and marker.encode() in body
                assert not leaked, f"{route}{spelling} served {target}"
                assert TOKEN.encode() not in body, f"{route}{spelling} served {target}"
    assert tried == len(site["secrets"]) * len(ROUTES) * 12


def test_an_uploaded_file_is_served_so_a_refusal_means_something(site: dict[str, Any]) -> None:
    upload = Path(site["library"].root).parent / "control.txt"
    upload.write_text(f"Control upload {TOKEN}\n", "utf-8")
    path = upload_file(site["url"], upload)
    # Gradio 6 serves files at these two; "/file=" is gone (404), still tried above.
    for route in ("/gradio_api/file=", "/gradio_api/file/"):
        status, body = get(site["url"], route + path)
        assert status == 200 and TOKEN.encode() in body, route


def test_file_routes_fetch_no_urls(site: dict[str, Any]) -> None:
    # Gradio would fetch a public URL itself and stream it back; this app refuses first.
    for path in (
        "/gradio_api/file=https://example.org/x.txt",
        "/gradio_api/file=http%3A%2F%2Fexample.org%2Fx.txt",
        "/file=HTTP://example.org/x.txt",
        "/gradio_api/file/https://example.org/x.txt",
        "/gradio_api/proxy=https://x.hf.space/file=a.txt",
    ):
        status, body = get(site["url"], path)
        assert (status, json.loads(body)) == (403, {"error": REFUSED}), path


def join(url: str, fn_index: int, data: list[Any], session: str) -> tuple[int, str]:
    """Call an event by its index as a crafted request would; returns the status and stream."""
    body = json.dumps(
        {"data": data, "fn_index": fn_index, "session_hash": session, "trigger_id": None}
    ).encode()
    request = urllib.request.Request(
        url + "gradio_api/queue/join", body, {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    stream = urllib.request.urlopen(
        url + f"gradio_api/queue/data?session_hash={session}", timeout=60
    )
    lines = []
    for line in stream:
        lines.append(line.decode())
        if "process_completed" in lines[-1]:
            break
    return 200, "".join(lines)


def file_object(path: str) -> dict[str, Any]:
    return {"path": path, "orig_name": Path(path).name, "meta": {"_type": "gradio.FileData"}}


def test_the_upload_event_takes_no_server_path_and_no_url(site: dict[str, Any]) -> None:
    url, library = site["url"], site["library"]
    config = json.load(urllib.request.urlopen(url + "config", timeout=30))
    kinds = {component["id"]: component["type"] for component in config["components"]}
    # The page's upload event: the file, then the page's state.
    ((upload_event, arity),) = [
        (dep["id"], len(dep["inputs"]))
        for dep in config["dependencies"]
        if [kinds[i] for i in dep["inputs"]][:1] == ["file"]
    ]
    state = [{}] * (arity - 1)
    before = [entry.id for entry in library.entries()]
    for n, target in enumerate([str(REPO / "README.md"), *site["secrets"]]):
        status, stream = join(url, upload_event, [file_object(target), *state], f"crafted-{n}")
        assert status == 200 and '"success":false' in stream.replace(" ", "")
        assert TOKEN not in stream and "[project]" not in stream and "article-qa" not in stream
    remote = file_object("https://example.org/a.txt")
    status, stream = join(url, upload_event, [remote, *state], "url")
    assert (status, json.loads(stream)) == (403, {"error": REFUSED})
    assert [entry.id for entry in library.entries()] == before


def test_the_add_article_api_takes_no_server_path(site: dict[str, Any]) -> None:
    client = Client(site["url"], verbose=False)
    for target in [str(REPO / "README.md"), *site["secrets"]]:
        with pytest.raises(Exception, match="was not uploaded through this page"):
            client.predict({"path": target}, api_name="/add_article")
    good = Path(site["library"].root).parent / "ferry.txt"
    good.write_text("Ferry returns\nThe ferry left Oban at noon on March 3.\n", "utf-8")
    entry = client.predict(handle_file(str(good)), api_name="/add_article")
    assert entry["title"] == "Ferry returns" and entry["source"] == "ferry.txt"


def test_guard_rules() -> None:
    assert refused_route("/gradio_api/file=https://a.b/c")
    assert refused_route("/gradio_api/proxy=anything")
    assert not refused_route("/gradio_api/file=/tmp/gradio/abc/ferry.txt")
    assert not refused_route("/api/ask")
    assert names_remote_file({"data": [file_object("http://a.b/c.txt")]})
    assert names_remote_file([{"x": {**file_object("https://a.b/c.txt"), "url": None}}])
    # A browser's upload carries the URL this server serves it at; only `path` is read.
    served = {**file_object("/tmp/gradio/abc/a.txt"), "url": "http://127.0.0.1:7860/x"}
    assert not names_remote_file({"data": [served]})
    assert not names_remote_file({"data": [file_object("/tmp/gradio/abc/a.txt")]})
    assert not names_remote_file({"data": ["see https://a.b", {"path": "https://a.b"}]})
