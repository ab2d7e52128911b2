"""Phones and desktops in a real browser: on a 390x844 phone the chat and the article share
the screen as tabs, and a citation opens its sentence under the answer; on a 1400x900
desktop both show side by side, and pointing at a citation shows its sentence beside the
answer. Saves docs/screenshot-phone.png when $ARTICLE_QA_SCREENSHOTS is 1.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import FloatRect, Locator, Page, expect

from tests.conftest import REPO
from tests.ui.browsing import ask, screenshot, show_tab, wait_in_view, wait_on_screen

pytestmark = pytest.mark.integration

SCREENSHOT = REPO / "docs" / "screenshot-phone.png"
QUESTION = "What was targeted on November 23?"
PHONE_ONLY = pytest.mark.parametrize("page_on_screen", ["phone"], indirect=True)
DESKTOP_ONLY = pytest.mark.parametrize("page_on_screen", ["desktop"], indirect=True)
# The sentence as the article pane shows it, less its number.
SENTENCE = """(id) => {
    const copy = document.getElementById(id).cloneNode(true);
    copy.querySelectorAll('.sentence-number').forEach((number) => number.remove());
    return copy.textContent.trim();
}"""
ABOVE = "(it, other) => it.getBoundingClientRect().bottom <= other.getBoundingClientRect().top"


def sentence(page: Page, id: str) -> str:
    return page.evaluate(SENTENCE, id)


def no_sideways_scrolling(page: Page) -> None:
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def box(locator: Locator) -> FloatRect:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not shown"
    return found


@PHONE_ONLY
def test_on_a_phone_the_chat_and_the_article_share_the_screen_as_tabs(
    page_on_screen: Page,
) -> None:
    page = page_on_screen
    tabs = page.locator("#phone-tabs")
    expect(tabs).to_be_visible()
    expect(page.locator("#chat")).to_be_visible()
    expect(page.locator("#article-pane")).to_be_hidden()
    # The chat and its question box fit on the screen, above the tab bar.
    wait_on_screen(page, "#question textarea")
    assert page.locator("#question textarea").evaluate(ABOVE, tabs.element_handle())
    no_sideways_scrolling(page)

    show_tab(page, "article")
    expect(page.locator("#chat")).to_be_hidden()
    expect(page.locator("#article-pane .article-title")).to_contain_text("Lebanon and Israel")
    wait_on_screen(page, "#article-pane .article-title")
    no_sideways_scrolling(page)
    show_tab(page, "chat")
    expect(page.locator("#chat")).to_be_visible()
    expect(page.locator("#article-pane")).to_be_hidden()


@PHONE_ONLY
def test_on_a_phone_a_citation_opens_its_sentence_under_the_answer(page_on_screen: Page) -> None:
    page = page_on_screen
    reply = ask(page, QUESTION)
    expect(reply).to_contain_text("Hezbollah")
    # The Sources line's link (an unsure answer also quotes the sentence with its link).
    citation = reply.locator("a[href='#s-13']").last
    citation.click()
    quote = reply.locator(".citation-quote")
    expect(quote.locator("blockquote")).to_have_text(sentence(page, "s-13"))
    # Right under the line it was tapped on, inside the answer; the chat stays in view.
    assert citation.evaluate(ABOVE, quote.element_handle())
    assert box(reply)["y"] <= box(quote)["y"]
    expect(page.locator("#article-pane")).to_be_hidden()
    wait_on_screen(page, "#chat .citation-quote")
    screenshot(page, SCREENSHOT)

    quote.get_by_role("button", name="Show in article").click()
    expect(page.locator("#article-pane")).to_be_visible()
    expect(page.locator("#chat")).to_be_hidden()
    expect(page.locator("#article-pane #s-13")).to_have_class(re.compile(r"\bfocused\b"))
    wait_in_view(page, "#s-13")
    wait_on_screen(page, "#s-13")

    # Back in the chat, a second tap on the citation closes its sentence again.
    show_tab(page, "chat")
    citation.click()
    expect(quote).to_have_count(0)


@DESKTOP_ONLY
def test_on_a_desktop_pointing_at_a_citation_shows_its_sentence_beside_the_answer(
    page_on_screen: Page,
) -> None:
    page = page_on_screen
    expect(page.locator("#phone-tabs")).to_be_hidden()
    # Both panes at once, the chat on the left.
    assert (
        box(page.locator("#chat"))["x"] + box(page.locator("#chat"))["width"]
        <= box(page.locator("#article-pane"))["x"]
    )
    reply = ask(page, QUESTION)
    # The Sources line's link (an unsure answer also quotes the sentence with its link).
    citation = reply.locator("a[href='#s-13']").last
    citation.hover()
    card = page.locator("#citation-preview")
    expect(card).to_have_text(sentence(page, "s-13"))
    answer, shown, at = box(reply.locator("[data-testid=bot]")), box(card), box(citation)
    assert shown["x"] >= answer["x"] + answer["width"]  # beside the answer, not over it
    assert shown["y"] <= at["y"] + at["height"] and shown["y"] + shown["height"] >= at["y"]
    wait_on_screen(page, "#citation-preview")
    page.mouse.move(5, 5)
    expect(card).to_be_hidden()

    # A click still shows the sentence in the pane; no quote opens in the chat.
    citation.click()
    expect(page.locator("#article-pane #s-13")).to_have_class(re.compile(r"\bfocused\b"))
    expect(reply.locator(".citation-quote")).to_have_count(0)
