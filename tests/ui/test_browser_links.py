"""A link sent in the chat, in a real browser: refused by a server started without
--allow-private-urls (the link is on loopback), added and asked about with it. The page
is fetched from a local web server started by the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from qa.bot import ArticleQA
from tests.article_server import FERRY_PAGE, ArticleServer, html, serving
from tests.ui.browsing import ANSWER_TIMEOUT, DESKTOP, ask
from ui.app import create_web_app, library_for
from ui.server import BackgroundServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def site() -> Iterator[ArticleServer]:
    with serving({"/news/ferry": html(FERRY_PAGE)}) as server:
        yield server


def _open(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(url)
    return page


def _send(page: Page, message: str) -> None:
    box = page.locator("#question textarea")
    box.fill(message)
    box.press("Enter")


def test_a_served_chat_refuses_a_link_into_its_network(
    browser: Browser, served: str, site: ArticleServer
) -> None:
    page = _open(browser, served)
    _send(page, site.link("/news/ferry"))
    expect(page.locator("#status")).to_contain_text("127.0.0.1 is a loopback address")
    expect(page.locator("#question textarea")).to_have_value(site.link("/news/ferry"))
    expect(page.locator("#chat .message")).to_have_count(0)  # no question was asked
    assert site.hosts == []
    expect(ask(page, "What was targeted on November 23?")).to_contain_text("Hezbollah")
    # The link handler ran too, and let the question be: no output shows an error.
    page.wait_for_timeout(1_000)
    expect(page.locator(".error")).to_have_count(0)
    page.context.close()


def test_with_private_links_allowed_a_link_adds_its_article(
    browser: Browser, bundled_bot: ArticleQA, tmp_path: Path, site: ArticleServer
) -> None:
    library = library_for(bundled_bot, tmp_path / "data")
    with BackgroundServer(create_web_app(library=library, allow_private_urls=True)) as url:
        page = _open(browser, url)
        _send(page, site.link("/news/ferry"))
        title = page.locator("#article-pane .article-title")
        expect(title).to_have_text("Ferry sinks off Crete", timeout=ANSWER_TIMEOUT)
        expect(page.locator("#status")).to_contain_text("Ferry sinks off Crete is loaded")
        expect(page.locator("#article-pane #s-0")).to_contain_text("A ferry carrying 212")
        expect(page.locator("#question textarea")).to_have_value("")
        expect(ask(page, "Who rescued the passengers?")).to_contain_text("Chania")
        page.context.close()
