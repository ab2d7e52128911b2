"""Served-app fixtures shared by the UI tests: the real chat and API on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qa.bot import ArticleQA
from ui.app import create_web_app, library_for
from ui.server import BackgroundServer


@pytest.fixture(scope="module")
def served(bundled_bot: ArticleQA, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real chat and /api/ask, real models, on 127.0.0.1; a fresh data folder per module.

    Yields the root URL, e.g. "http://127.0.0.1:41234/".
    """
    library = library_for(bundled_bot, tmp_path_factory.mktemp("served-data"))
    with BackgroundServer(create_web_app(library=library)) as url:
        yield url
