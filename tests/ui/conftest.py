"""Served-app fixtures shared by the UI tests: the real chat and API on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qa.bot import ArticleQA
from qa.collection import FolderCollection
from tests.conftest import FakeEmbedder
from ui.app import ChatApp, create_web_app, library_for
from ui.server import BackgroundServer


@pytest.fixture(scope="module")
def served(bundled_bot: ArticleQA, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real chat and /api/ask, real models, on 127.0.0.1; a fresh data folder per module.

    Yields the root URL, e.g. "http://127.0.0.1:41234/".
    """
    library = library_for(bundled_bot, tmp_path_factory.mktemp("served-data"))
    with BackgroundServer(create_web_app(library=library)) as url:
        yield url


@pytest.fixture
def chat_app(tmp_path: Path, fake_embedder: FakeEmbedder) -> ChatApp:
    """The page over a fresh library, built but not served: tests call its events."""
    app = ChatApp(
        FolderCollection(tmp_path / "data", embedder=fake_embedder), upload_dir=tmp_path / "uploads"
    )
    app.build()
    return app
