"""Showing articles through the page's events: loading, the picker, removing (no server)."""

from __future__ import annotations

from qa.collection import BUNDLED_ID
from ui.app import ChatApp
from ui.format import unescape_markdown


def test_the_page_loads_the_bundled_article(chat_app: ChatApp) -> None:
    page = chat_app.page
    loaded = chat_app.pane_events.on_load()
    assert set(loaded) == set(page.views())
    assert loaded[page.chatbot] == [] and loaded[page.conversation] == []
    assert "Lebanon" in loaded[page.pane] and "November 19" in loaded[page.timeline]
    assert loaded[page.status] == "" and loaded[page.remove_button].visible is False


def test_switching_and_removing(chat_app: ChatApp) -> None:
    page = chat_app.page
    added = chat_app.upload_events.on_paste("Bridge reopens\nThe bridge reopened on May 9.\n", "B")
    article = added[page.picker].value
    back = chat_app.pane_events.on_switch(BUNDLED_ID)
    assert back[page.remove_button].visible is False
    assert "Lebanon" in back[page.pane]
    removed = chat_app.pane_events.on_remove(article)
    assert removed[page.status] == "✓ Removed B"
    assert removed[page.picker].value == BUNDLED_ID
    assert [value for _, value in removed[page.picker].choices] == [BUNDLED_ID]
    assert chat_app.pane_events.on_remove(BUNDLED_ID) == {
        page.status: "⚠️ the bundled article cannot be removed"
    }
    gone = chat_app.pane_events.on_switch(article)
    assert "no loaded article" in unescape_markdown(gone[page.status])
