"""Driving the chat in a real browser: Debian's Chromium launched as the browser tests do,
the two screens they test at, and what a user does (ask, pick an article, switch tabs).

The `browser` fixture that launches it is in tests/ui/conftest.py.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import Locator, Page, ViewportSize, expect

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
ANSWER_TIMEOUT = 60_000
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1400, "height": 900}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}
# Screenshots for the README are taken only on request, so tests never dirty the checkout.
SCREENSHOTS = "ARTICLE_QA_SCREENSHOTS"


def screenshot(page: Page, path: Path, full_page: bool = False) -> None:
    """Save a screenshot of the page at `path` when $ARTICLE_QA_SCREENSHOTS is 1."""
    if os.environ.get(SCREENSHOTS) == "1":
        path.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(path), full_page=full_page)


def on_phone(page: Page) -> bool:
    """Whether the page is laid out for a phone: narrower than 800 px, with a tab bar."""
    return (page.viewport_size or DESKTOP)["width"] < 800


def show_tab(page: Page, tab: str) -> None:
    """On a phone, show the "chat" or the "article" tab; a desktop shows both anyway."""
    if on_phone(page):
        page.locator(f"#phone-tabs [data-tab={tab}]").click()
        expect(page.locator(f"#phone-tabs [data-tab={tab}]")).to_have_attribute(
            "aria-selected", "true"
        )


def ask(page: Page, question: str) -> Locator:
    """Type a question, press Enter; returns the last bot message once it is complete."""
    show_tab(page, "chat")
    before = page.locator("#chat .message.bot").count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    expect(page.locator("#chat .message.bot")).to_have_count(before + 1)
    reply = page.locator("#chat .message.bot").last
    expect(reply).not_to_contain_text("…", timeout=ANSWER_TIMEOUT)
    return reply


def choose(page: Page, label: str) -> None:
    """Pick an article in the picker, as a user does."""
    show_tab(page, "article")
    page.locator("#article-picker input").click()
    page.get_by_role("option", name=label, exact=True).click()


IN_VIEW = """(selector) => {
    const box = document.querySelector('#article-pane .article-text').getBoundingClientRect();
    const it = document.querySelector(selector).getBoundingClientRect();
    return it.top >= box.top && it.bottom <= box.bottom;
}"""


def wait_in_view(page: Page, selector: str) -> None:
    """Wait until the element is scrolled into the visible part of the article pane."""
    page.wait_for_function(IN_VIEW, arg=selector, timeout=5_000)


ON_SCREEN = """(selector) => {
    const it = document.querySelector(selector).getBoundingClientRect();
    return it.height > 0 && it.top >= 0 && it.bottom <= window.innerHeight;
}"""


def wait_on_screen(page: Page, selector: str) -> None:
    """Wait until the element is wholly inside the browser's window."""
    page.wait_for_function(ON_SCREEN, arg=selector, timeout=5_000)


def add_pasted(page: Page, title: str, text: str) -> None:
    """Paste an article in the "Add an article" panel and add it; waits until it is shown."""
    show_tab(page, "article")
    page.locator("#add-article").get_by_text("Add an article").click()
    page.get_by_role("tab", name="Paste").click()
    page.get_by_label("Title (optional)").fill(title)
    page.locator("#pasted-text textarea").fill(text)
    page.locator("#add-pasted").click()
    expect(page.locator("#status")).to_contain_text(f"{title} is loaded", timeout=ANSWER_TIMEOUT)
    expect(page.locator("#article-pane .article-title")).to_have_text(title)
