"""The chat in a real browser: Debian's Chromium driven by Playwright, on loopback."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import REPO
from ui.app import EXAMPLES, create_app

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = REPO / "docs" / "screenshot.png"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def chat_url(bundled_bot):
    app = create_app(bundled_bot, EXAMPLES)
    port = _free_port()
    app.queue().launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False
    )
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_question_in_the_browser_gets_a_cited_answer(chat_url: str, tmp_path: Path) -> None:
    assert Path(CHROMIUM).exists(), "install Debian's chromium package (make test does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(chat_url)
        box = page.get_by_role("textbox").first
        box.fill("What was targeted on November 23?")
        box.press("Enter")
        bot_message = page.locator(".message.bot, [data-testid='bot']").last
        expect(bot_message).to_contain_text("chief of staff of Hezbollah", timeout=60_000)
        expect(bot_message).to_contain_text("[13]")
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        browser.close()
