"""`article-qa serve --collection NAME --store DSN`: the chat and API over a shared collection.

Two app servers point at one PostgreSQL collection while a third process adds to it:
both see the new article at once and answer from it, citing the article by name.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from index.collection.postgres import PgCollectionStorage
from qa.collection import DatabaseCollection, ServedCollection, open_collection
from qa.ingest import ArticleRecord, stable_id
from ui.app import ChatApp, create_web_app
from ui.cli import main
from ui.server import BackgroundServer

pytestmark = pytest.mark.integration

HARBOUR = (
    "Harbour reopens after storm\n\n"
    "The city harbour reopened on Monday after the storm. "
    "Ferries to the islands resumed at noon."
)
MUSEUM = (
    "Museum buys a painting\n\n"
    "The national museum bought a landscape painting by Turner. "
    "It paid four million pounds for the work."
)


def record(key: str, text: str, day: str) -> ArticleRecord:
    return ArticleRecord(stable_id(key), text, text.splitlines()[0], day, "Daily")


@pytest.fixture
def collection(pg_dsn: str, fake_embedder: Any) -> Iterator[str]:
    name = f"web{uuid.uuid4().hex[:10]}"
    with open_collection(name, pg_dsn, embedder=fake_embedder, reader=False) as database:
        database.add(record("harbour", HARBOUR, "2025-11-20"))
    yield name
    with PgCollectionStorage(pg_dsn, name) as storage:
        storage.drop()


def library(root: Path, name: str, dsn: str, embedder: Any) -> ServedCollection:
    database = open_collection(name, dsn, embedder=embedder, reader=False, cache=root / "cache")
    return ServedCollection(root, database, embedder=embedder, reader=False)


def test_two_servers_share_one_collection(
    collection: str, pg_dsn: str, fake_embedder: Any, tmp_path: Path
) -> None:
    first = library(tmp_path / "a", collection, pg_dsn, fake_embedder)
    second = library(tmp_path / "b", collection, pg_dsn, fake_embedder)
    article = f"collection:{collection}"
    with (
        BackgroundServer(create_web_app(library=first, initial=article)) as url_a,
        BackgroundServer(create_web_app(library=second, initial=article)) as url_b,
    ):
        listed = httpx.get(url_a + "api/articles", timeout=30).json()
        assert [a["id"] for a in listed[:2]] == ["bundled", article]
        assert listed[1]["title"] == f"All articles in {collection}"

        # A third process (an `article-qa add`, say) adds an article to the shared tables.
        with open_collection(collection, pg_dsn, embedder=fake_embedder, reader=False) as other:
            other.add(record("museum", MUSEUM, "2025-11-22"))

        question = {"question": "How much did the museum pay for the painting?", "article": article}
        for url in (url_a, url_b):
            answer = httpx.post(url + "api/ask", json=question, timeout=60).json()
            top = answer["evidence"][0]
            assert (top["article"], top["article_date"]) == ("Museum buys a painting", "2025-11-22")
            assert any("four million pounds" in e["text"] for e in answer["evidence"])
        client = Client(url_b, verbose=False)
        chat = client.predict("When did the ferries resume?", [], article, api_name="/ask")
        assert chat["evidence"][0]["article"] == "Harbour reopens after storm"
    with pytest.raises(Exception, match="not removed from the chat"):
        first.remove(article)
    assert len(open_collection(collection, pg_dsn, embedder=fake_embedder).articles()) == 2


def test_the_pane_shows_the_article_an_answer_cites(fake_embedder: Any, tmp_path: Path) -> None:
    database = DatabaseCollection(tmp_path / "news", embedder=fake_embedder, reader=False)
    database.add_many(
        [record("harbour", HARBOUR, "2025-11-20"), record("museum", MUSEUM, "2025-11-22")]
    )
    books = ServedCollection(tmp_path, database, embedder=fake_embedder, reader=False)
    app = ChatApp(books, initial=books.collection_id)
    app.build()
    listing = app.pane_events.view(books.collection_id)[app.page.pane]
    assert (
        "2 articles, 6 sentences." in listing
        and "Museum buys a painting (2025-11-22, Daily)." in listing
    )
    asked = app.chat_events.on_message("How much did the museum pay?", [], books.collection_id)
    *_, (chat, _, pane, _) = asked
    assert "four million pounds" in chat[-1]["content"]
    assert "Museum buys a painting" in pane and "It paid four million pounds" in pane
    assert "Ferries to the islands" not in pane  # the cited article, not the whole collection


def test_serve_with_an_unreachable_store_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_QA_DATA_DIR", str(tmp_path / "data"))
    dsn = "postgresql://postgres@127.0.0.1:1/nowhere"
    assert main(["serve", "--collection", "news", "--store", dsn, "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("article-qa: error: cannot connect to PostgreSQL at ")
    assert len(err.strip().splitlines()) == 1
