"""Served-app fixtures shared by the UI tests: the real chat and API on loopback, and the
browser (Debian's Chromium, tests/ui/browsing.py) that drives the chat.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from qa.bot import ArticleQA
from qa.collection import FolderCollection
from tests.conftest import FakeEmbedder
from tests.ui.browsing import CHROMIUM, CHROMIUM_ARGS, SCREENS
from tests.ui.confidence import StubCalibration
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


@pytest.fixture
def calibration(monkeypatch: pytest.MonkeyPatch) -> StubCalibration:
    """Every article's answers are found, and confident but for `calibration.unsure`."""
    return StubCalibration().install(monkeypatch)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright; one per test module.

    Not one per session: Playwright's sync API keeps an event loop running on the main
    thread while it is open, and later tests that call asyncio.run() would then fail.
    """
    assert Path(CHROMIUM).exists(), "install Debian's chromium package (make test does)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(params=sorted(SCREENS))
def page_on_screen(request: pytest.FixtureRequest, browser: Browser, served: str) -> Iterator[Page]:
    """The served chat open on a phone's screen (390x844) and on a desktop's (1400x900)."""
    context = browser.new_context(viewport=SCREENS[request.param])
    opened = context.new_page()
    opened.goto(served)
    expect(opened.locator("#question textarea")).to_be_visible()  # the page is up
    yield opened
    context.close()
