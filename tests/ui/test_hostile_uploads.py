"""Hostile uploads: zip bombs, compressed pages, binaries renamed .txt.

Each gets a one-line error naming the problem and changes nothing; none is ever inflated
(a 50 MB bomb is recognised from its first bytes, a magic-less brotli or zlib page from a
bounded trial). Through the chat's upload handler, `POST /api/articles` and Gradio's
`/add_article`.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import sys
import urllib.request
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import pytest
from gradio_client import Client, handle_file

from qa.article import BUNDLED_ARTICLE, MAX_ARTICLE_BYTES
from qa.collection import BUNDLED_ID, FolderCollection
from tests.conftest import FakeEmbedder
from ui.app import ChatApp, create_web_app
from ui.format import unescape_markdown
from ui.server import BackgroundServer
from ui.uploads import compression_of

PAGE = (
    b"<html><head><title>Ferry returns to Oban</title></head><body><article>"
    b"<h1>Ferry returns to Oban</h1><p>The ferry left Oban at noon on March 3. It reached "
    b"Mull an hour later, carrying 200 passengers.</p></article></body></html>"
)
ZEROS = 50 * 1024 * 1024  # what a bomb inflates to: 25 times the upload limit


def zipped(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def _cases() -> list[tuple[str, bytes, str]]:
    zeros = bytes(ZEROS)
    elf = Path(sys.executable).resolve().read_bytes()[:65536]
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    return [
        ("bomb.txt", gzip.compress(zeros), "bomb.txt is a compressed gzip file"),
        ("bomb.txt", zipped("zeros.txt", zeros), "bomb.txt is a compressed zip file"),
        ("bomb.md", bz2.compress(zeros), "bomb.md is a compressed bzip2 file"),
        ("bomb.html", brotli.compress(zeros, quality=5), "bomb.html is a compressed brotli file"),
        ("bomb.html", zlib.compress(zeros), "bomb.html is a compressed zlib file"),
        ("page.html", gzip.compress(PAGE), "page.html is a compressed gzip file"),
        ("page.html", brotli.compress(PAGE), "page.html is a compressed brotli file"),
        ("page.html", zlib.compress(PAGE), "page.html is a compressed zlib file"),
        ("page.htm", zipped("page.html", PAGE), "page.htm is a compressed zip file"),
        ("python.txt", elf, "python.txt is binary"),
        ("photo.txt", png, "photo.txt is binary"),
        ("photo.html", png, "photo.html is binary"),
    ]


CASES = _cases()
IDS = [
    f"{name}-{message.split()[-2] if 'compressed' in message else 'binary'}"
    for name, _, message in CASES
]


@pytest.fixture
def chat_app(tmp_path: Path, fake_embedder: FakeEmbedder) -> ChatApp:
    app = ChatApp(
        FolderCollection(tmp_path / "data", embedder=fake_embedder, reader=False),
        upload_dir=tmp_path / "uploads",
    )
    app.build()
    return app


@pytest.mark.parametrize(("name", "data", "message"), CASES, ids=IDS)
def test_the_chat_refuses_in_one_line(
    chat_app: ChatApp, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    folder = tmp_path / "uploads" / "one"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(data)
    assert len(data) <= MAX_ARTICLE_BYTES  # small on disk: only inflating would hurt
    result = chat_app.upload_events.on_upload(str(folder / name))
    status = unescape_markdown(result.pop(chat_app.page.status))
    assert status.startswith(f"⚠️ {message}") and "\n" not in status
    assert result == {chat_app.page.upload: None}
    assert [entry.id for entry in chat_app.library.entries()] == [BUNDLED_ID]


@pytest.mark.parametrize(
    "data",
    [
        BUNDLED_ARTICLE.read_bytes(),
        PAGE,
        "<html><body><p>Café crème à Zürich.</p></body></html>".encode("latin-1"),
        b"# A heading\n\nSome *Markdown* text.\n",
        b"x^ starts like a zlib header\n",
        b"Z/&:n\x0bW^vTzN starts like an empty brotli stream\n",
    ],
)
def test_plain_text_and_html_are_not_taken_for_compressed(data: bytes) -> None:
    assert compression_of(data, html=True) is None


# -- through the served app -----------------------------------------------------------------


@pytest.fixture(scope="module")
def served_fake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FolderCollection]]:
    library = FolderCollection(
        tmp_path_factory.mktemp("hostile"), embedder=FakeEmbedder(), reader=False
    )
    with BackgroundServer(create_web_app(library=library)) as url:
        yield url, library


def post_article(url: str, name: str, data: bytes) -> tuple[int, Any]:
    request = urllib.request.Request(
        url + "api/articles?filename=" + urllib.request.quote(name),
        data,
        {"Content-Type": "application/octet-stream"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.integration
@pytest.mark.parametrize(("name", "data", "message"), CASES, ids=IDS)
def test_http_api_refuses_in_one_line(
    served_fake: tuple[str, FolderCollection], name: str, data: bytes, message: str
) -> None:
    url, library = served_fake
    before = [entry.id for entry in library.entries()]
    status, body = post_article(url, name, data)
    assert status == 400 and body["error"].startswith(message) and "\n" not in body["error"]
    assert [entry.id for entry in library.entries()] == before


@pytest.mark.integration
def test_http_api_adds_a_page_and_refuses_oversize(
    served_fake: tuple[str, FolderCollection],
) -> None:
    url, library = served_fake
    status, entry = post_article(url, "ferry.html", PAGE)
    assert status == 200 and entry["title"] == "Ferry returns to Oban"
    assert entry["id"] in library
    status, body = post_article(url, "big.txt", b"Word. " * (MAX_ARTICLE_BYTES // 6 + 1))
    assert (status, body) == (413, {"error": "big.txt is over 2 MB; the limit is 2 MB"})


@pytest.mark.integration
def test_gradio_api_refuses_a_bomb(
    served_fake: tuple[str, FolderCollection], tmp_path: Path
) -> None:
    url, library = served_fake
    name, data, message = CASES[1]  # the zip bomb
    (tmp_path / name).write_bytes(data)
    before = [entry.id for entry in library.entries()]
    with pytest.raises(Exception, match=message):
        Client(url, verbose=False).predict(
            handle_file(str(tmp_path / name)), api_name="/add_article"
        )
    assert [entry.id for entry in library.entries()] == before
