"""The two-pane chat in a real browser: Debian's Chromium driven by Playwright, on loopback.

Real model and reader: the point here is what a user sees. Saves docs/screenshot.png when
$ARTICLE_QA_SCREENSHOTS is 1 (tests/ui/browsing.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import TimeoutError
from pathlib import Path

import pytest
from gradio_client import Client
from playwright.sync_api import Browser, Dialog, Page, expect

from qa.article import MAX_ARTICLE_BYTES
from tests.conftest import REPO
from tests.ui.browsing import ANSWER_TIMEOUT, ask, choose, screenshot, wait_in_view
from tests.ui.gated import Gate, GatedLibrary
from ui.app import create_web_app
from ui.messages import UNSURE
from ui.pool import Limits
from ui.server import BackgroundServer

pytestmark = pytest.mark.integration

SCREENSHOT = REPO / "docs" / "screenshot.png"
PAGE = """<html><head><title>Ferry returns to Oban</title><script>var tracking = 1;</script>
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Ferry returns to Oban</h1>
<p>The ferry left Oban at noon on March 3. It reached Mull an hour later, carrying 200
passengers.</p>
<p>The harbour master, Ewan Macleod, said the crossing was calm.</p>
<p>Engineers painted &lt;script&gt;alert(1)&lt;/script&gt; on the hull as a joke.</p>
</article><footer>Copyright 2024 Harbour Times.</footer></body></html>"""


@pytest.fixture
def page(browser: Browser, served: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.goto(served)
    yield opened
    context.close()


def test_answer_highlights_its_citation_and_follow_up_shows_its_reading(page: Page) -> None:
    reply = ask(page, "What was targeted on November 23?")
    expect(reply).to_contain_text("Hezbollah")
    expect(reply).to_contain_text("[13]")
    cited = page.locator("#article-pane #s-13")
    expect(cited).to_have_class("sentence cited lead")
    expect(cited.locator("mark.answer-span")).to_contain_text("Hezbollah")
    wait_in_view(page, "#s-13")

    # A citation in the chat highlights its sentence in the pane.
    page.locator("#article-pane .article-text").evaluate("(box) => { box.scrollTop = 0; }")
    reply.locator("a[href='#s-13']").last.click()  # the Sources line's
    expect(cited).to_have_class("sentence cited lead focused")
    wait_in_view(page, "#s-13")

    follow_up = ask(page, "Who said so?")
    expect(follow_up).to_contain_text("Reading as: Who said so")
    expect(follow_up).to_contain_text("Israeli press office")
    expect(page.locator("#article-pane mark.answer-span").first).to_contain_text("press office")
    screenshot(page, SCREENSHOT, full_page=True)


def test_timeline_and_suggestions(page: Page) -> None:
    expect(page.locator("#timeline li")).to_have_count(2)
    expect(page.locator("#timeline li").first).to_contain_text("November 19")
    page.locator("#timeline a[href='#s-12']").click()
    expect(page.locator("#article-pane #s-12")).to_have_class("sentence focused")
    # Suggestions are questions answered confidently: one clicked is asked and answered,
    # cited and not marked unsure.
    suggestion = page.locator("#suggestions button").first
    expect(suggestion).to_have_text(re.compile(r"\?$"))
    asked = suggestion.inner_text().strip()
    suggestion.click()
    expect(page.locator("#chat .message.user").last).to_have_text(asked)
    reply = page.locator("#chat .message.bot").last
    expect(reply).to_contain_text("Sources:", timeout=ANSWER_TIMEOUT)
    expect(reply).not_to_contain_text(UNSURE)


def test_uploads_bad_ones_refused_in_one_line_good_one_asked(page: Page, tmp_path: Path) -> None:
    title = page.locator("#article-pane .article-title")
    expect(title).to_contain_text("Lebanon and Israel")
    ask(page, "What happened on November 19?")
    page.get_by_text("Add an article").click()
    upload = page.locator("#upload input[type=file]")
    status = page.locator("#status")
    bad = {
        "empty.txt": (b"", "empty.txt is empty"),
        "photo.txt": (bytes(range(256)) * 8, "photo.txt is binary"),
        "huge.txt": (b"Word. " * (MAX_ARTICLE_BYTES // 6 + 1), "the limit is 2 MB"),
        "latin1.txt": ("Café au lait.".encode("latin-1"), "latin1.txt is not UTF-8 text"),
    }
    for name, (data, message) in bad.items():
        (tmp_path / name).write_bytes(data)
        upload.set_input_files(str(tmp_path / name))
        expect(status).to_contain_text(message, timeout=ANSWER_TIMEOUT)
        assert len(status.inner_text().strip().splitlines()) == 1
        # Nothing lost: same article, same conversation.
        expect(title).to_contain_text("Lebanon and Israel")
        expect(page.locator("#chat .message.bot")).to_have_count(1)

    (tmp_path / "ferry.html").write_text(PAGE, "utf-8")
    upload.set_input_files(str(tmp_path / "ferry.html"))
    expect(status).to_contain_text("Ferry returns to Oban is loaded", timeout=ANSWER_TIMEOUT)
    expect(title).to_have_text("Ferry returns to Oban")
    text = page.locator("#article-pane .article-text")
    expect(text).to_contain_text("<script>alert(1)</script> on the hull")  # shown as text
    expect(text).not_to_contain_text("tracking")
    assert page.locator("#article-pane script").count() == 0
    expect(page.locator("#chat .message")).to_have_count(0)

    reply = ask(page, "Where did the ferry leave from?")
    expect(reply).to_contain_text("Oban")
    # Answered ("cited") or offered as closest: either way the sentence leads, in view.
    # Sentence 0: the headline is the title, not a sentence (qa.article_head).
    expect(page.locator("#article-pane #s-0")).to_have_class(re.compile(r"\blead\b"))
    wait_in_view(page, "#s-0")

    # Switching articles shows the other one with its own conversation, and back.
    choose(page, "Lebanon and Israel: talks and the November strikes")
    expect(title).to_contain_text("Lebanon and Israel")
    expect(page.locator("#chat .message.user")).to_have_text(["What happened on November 19?"])
    expect(page.locator("#remove-article")).to_be_hidden()
    choose(page, "Ferry returns to Oban (ferry.html)")
    expect(title).to_have_text("Ferry returns to Oban")
    expect(page.locator("#chat .message.user")).to_have_text(["Where did the ferry leave from?"])

    page.once("dialog", Dialog.accept)  # "Remove ... permanently?"
    page.locator("#remove-article").click()
    expect(status).to_contain_text("Removed Ferry returns to Oban", timeout=ANSWER_TIMEOUT)
    expect(title).to_contain_text("Lebanon and Israel")


def test_an_over_full_queue_tells_the_user_busy(browser: Browser, tmp_path: Path) -> None:
    # One worker, one place in the queue, every answer held at a gate: the page that asks
    # when both are taken is told at once to try again, it does not wait.
    gate = Gate(holding=False)
    app = create_web_app(library=GatedLibrary(tmp_path, gate), limits=Limits(workers=1, queue=1))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        with BackgroundServer(app) as url:
            first = context.new_page()
            first.goto(url)
            # The page is up (its suggestions were asked when the app was made): now hold.
            expect(first.locator("#article-pane .article-title")).to_be_visible()
            gate.hold()
            box = first.locator("#question textarea")
            # An Enter pressed while the page is still connecting can be lost: press again
            # until the only worker is answering the first page.
            for _ in range(4):
                box.fill("What happened on November 19?")
                box.press("Enter")
                if gate.entry_within(15):
                    break
            else:
                pytest.fail("the first page's question never reached a worker")
            client = Client(url, verbose=False)
            # Fillers until one is refused: then the queue is full, however Gradio counts
            # the event already being answered. One that is not refused at once is queued.
            for _ in range(5):
                filler = client.submit("Who?", [], "bundled", api_name="/ask").future
                try:
                    filler.exception(timeout=2)
                except TimeoutError:
                    continue  # waiting in the queue
                break
            else:
                pytest.fail("the queue never filled")
            second = context.new_page()
            second.goto(url)
            box = second.locator("#question textarea")
            box.fill("What was targeted on November 23?")
            box.press("Enter")
            busy = second.get_by_test_id("toast-text").filter(has_text="currently busy")
            expect(busy.first).to_contain_text(
                "This application is currently busy. Please try again"
            )
            gate.opened.set()
            expect(first.locator("#chat .message.bot").last).not_to_contain_text(
                "…", timeout=ANSWER_TIMEOUT
            )
    finally:
        gate.opened.set()
        context.close()
