"""The chat's state in a real browser, on a phone (390x844) and a desktop (1400x900): the
"Add an article" panel closes once an article is added, removing asks first, each article
keeps its own chat, clearing the chat clears the marks, an empty question is ignored, a
new answer scrolls into view, and Gradio's retry and edit buttons ask again.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.ui.browsing import (
    ANSWER_TIMEOUT,
    add_pasted,
    ask,
    choose,
    on_phone,
    show_tab,
    wait_on_screen,
)

pytestmark = pytest.mark.integration

QUESTION = "What was targeted on November 23?"
FOLLOW_UP = "Who said so?"
# How the follow-up reads after QUESTION: it follows the chat it was asked in.
READING = f"Reading as: Who said so (following: {QUESTION})"
BUNDLED = "Lebanon and Israel: talks and the November strikes"
FERRY = """The ferry left Oban at noon on March 3. It reached Mull an hour later, carrying 200
passengers. The harbour master, Ewan Macleod, said the crossing was calm."""
# A long article, pasted: forty lines.
LONG_FERRY = "\n".join(f"On day {day} the ferry crossed from Oban to Mull." for day in range(40))
BUTTON_AT_THE_TOP = "(button) => window.scrollBy(0, button.getBoundingClientRect().top - 8)"
# Where the chat's newest answer starts, against the chat's visible part.
NEWEST_ANSWER_SHOWN = """() => {
    const chat = document.querySelector('#chat .bubble-wrap').getBoundingClientRect();
    const answers = document.querySelectorAll('#chat .message-row.bot-row');
    const top = answers[answers.length - 1].getBoundingClientRect().top;
    return top >= chat.top - 1 && top < chat.bottom - 20;
}"""


def screen_name(page: Page) -> str:
    """The screen's name: added articles get a title of their own on each screen."""
    return "phone" if on_phone(page) else "desktop"


def remove_shown(page: Page) -> None:
    """Remove the article shown, confirming when asked."""
    show_tab(page, "article")
    page.once("dialog", Dialog.accept)
    page.locator("#remove-article").click()
    expect(page.locator("#status")).to_contain_text("Removed", timeout=ANSWER_TIMEOUT)


def test_adding_closes_the_panel_and_shows_the_article_and_removing_asks_first(
    page_on_screen: Page,
) -> None:
    page = page_on_screen
    title = f"Ferry notes on a {screen_name(page)}"
    show_tab(page, "article")
    page.locator("#add-article").get_by_text("Add an article").click()
    page.get_by_role("tab", name="Paste").click()
    page.get_by_label("Title (optional)").fill(title)
    page.locator("#pasted-text textarea").fill(LONG_FERRY)
    # Scrolled down past the long text, the button at the top of the screen: the panel
    # closing above takes the article up out of view, unless it is brought back into view.
    # Safari (every iPhone's) keeps no scroll anchor then; nor does Chromium here.
    page.add_style_tag(content="* { overflow-anchor: none !important; }")
    page.locator("#add-pasted").evaluate(BUTTON_AT_THE_TOP)
    page.locator("#add-pasted").click()
    expect(page.locator("#status")).to_contain_text(f"{title} is loaded", timeout=ANSWER_TIMEOUT)
    expect(page.locator("#pasted-text")).to_be_hidden()  # the panel closed
    expect(page.locator("#article-pane .article-title")).to_have_text(title)
    wait_on_screen(page, "#article-pane .article-title")

    asked: list[Dialog] = []

    def cancel(dialog: Dialog) -> None:
        asked.append(dialog)
        dialog.dismiss()

    page.once("dialog", cancel)
    page.locator("#remove-article").click()  # returns once the dialog is answered
    (confirmation,) = asked
    assert confirmation.type == "confirm"
    assert f'Remove "{title}" permanently?' in confirmation.message
    assert "cannot be undone" in confirmation.message
    # Not confirmed: nothing removed (were it removed, its button would hide).
    expect(page.locator("#article-pane .article-title")).to_have_text(title)
    remove_shown(page)
    expect(page.locator("#status")).to_contain_text(f"Removed {title}")
    expect(page.locator("#article-pane .article-title")).to_have_text(BUNDLED)
    page.locator("#article-picker input").click()
    expect(page.get_by_role("option", name=title)).to_have_count(0)


def test_each_article_keeps_its_own_chat(page_on_screen: Page) -> None:
    page = page_on_screen
    title = f"Ferry log on a {screen_name(page)}"
    expect(ask(page, QUESTION)).to_contain_text("Hezbollah")
    add_pasted(page, title, FERRY)
    show_tab(page, "chat")
    expect(page.locator("#chat .message")).to_have_count(0)  # a new article, a new chat
    expect(ask(page, "Where did the ferry leave from?")).to_contain_text("Oban")

    choose(page, BUNDLED)
    show_tab(page, "chat")
    expect(page.locator("#chat .message.user")).to_have_text([QUESTION])
    expect(page.locator("#chat .message.bot")).to_contain_text(["Hezbollah"])
    # Its citations are marked again, and a follow-up follows its own chat.
    expect(page.locator("#article-pane #s-13")).to_have_class(re.compile(r"\bcited\b"))
    follow_up = ask(page, FOLLOW_UP)
    expect(follow_up).to_contain_text(READING)

    choose(page, title)
    show_tab(page, "chat")
    expect(page.locator("#chat .message.user")).to_have_text(["Where did the ferry leave from?"])
    remove_shown(page)
    show_tab(page, "chat")
    expect(page.locator("#chat .message.user")).to_have_text([QUESTION, FOLLOW_UP])


def test_clearing_the_chat_clears_the_marks(page_on_screen: Page) -> None:
    page = page_on_screen
    ask(page, QUESTION)
    meta = page.locator("#article-pane .article-meta")
    expect(meta).to_contain_text(re.compile(r"cited( \(not certain\))?: 13"))  # sure or not
    expect(page.locator("#article-pane .sentence.cited")).not_to_have_count(0)
    page.locator("#chat").get_by_role("button", name="Clear").click()
    expect(page.locator("#chat .message")).to_have_count(0)
    expect(page.locator("#article-pane .sentence.cited")).to_have_count(0)
    expect(page.locator("#article-pane mark.answer-span")).to_have_count(0)
    expect(meta).not_to_contain_text("cited")
    # Forgotten, not only hidden: a follow-up has nothing to follow.
    expect(ask(page, FOLLOW_UP)).not_to_contain_text("Reading as")


def test_an_empty_question_is_ignored(page_on_screen: Page) -> None:
    page = page_on_screen
    box = page.locator("#question textarea")
    box.press("Enter")
    box.fill("   ")
    box.press("Enter")
    page.locator("#ask").click()
    # Asked after the empty ones: had they made messages, they would be before its own.
    ask(page, QUESTION)
    expect(page.locator("#chat .message.user")).to_have_text([QUESTION])
    expect(page.locator("#chat .message.bot")).to_have_count(1)


def test_a_new_answer_scrolls_into_view(page_on_screen: Page) -> None:
    page = page_on_screen
    for question in (QUESTION, "What is the capital of France?", "Who won the cup final?"):
        ask(page, question)
    chat = page.locator("#chat .bubble-wrap")
    assert chat.evaluate("(chat) => chat.scrollHeight > chat.clientHeight * 1.5")
    chat.evaluate("(chat) => { chat.scrollTop = 0; }")  # reading the first answer again
    ask(page, "What happened on November 19?")
    page.wait_for_function(NEWEST_ANSWER_SHOWN, timeout=5_000)


def test_retry_and_edit_ask_again(page_on_screen: Page) -> None:
    page = page_on_screen
    ask(page, QUESTION)
    ask(page, FOLLOW_UP)
    marks = page.locator("#article-pane .article-pane")
    before = marks.get_attribute("data-render")
    page.locator("#chat").get_by_role("button", name="Retry").click()
    # Worked out again (the pane is marked anew) after the same earlier turns.
    expect(marks).not_to_have_attribute("data-render", before or "", timeout=ANSWER_TIMEOUT)
    replies = page.locator("#chat .message.bot")
    expect(replies).to_have_count(2)
    expect(replies.last).to_contain_text(READING)

    page.locator("#chat").get_by_role("button", name="Edit").first.click()
    page.locator("#chat .edit-textarea").fill("What happened on November 19?")
    page.locator("#chat").get_by_role("button", name="Submit").click()
    expect(page.locator("#chat .message.user")).to_have_text(["What happened on November 19?"])
    expect(replies).to_have_count(1)
    expect(replies.last).to_contain_text("Sources", timeout=ANSWER_TIMEOUT)
    expect(replies.last).not_to_contain_text("Hezbollah")  # the edited question's answer
