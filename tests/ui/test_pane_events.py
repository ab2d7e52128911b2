"""Showing articles through the page's events: loading, the picker, removing (no server)."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.collection import BUNDLED_ID
from qa.suggest import OVERVIEW_QUESTION, SUGGESTION_COUNT, SUGGESTION_TRIES, suggest_questions
from tests.ui.confidence import StubCalibration
from ui.app import ChatApp
from ui.format import unescape_markdown

BRIDGE = "Bridge reopens\nThe bridge reopened on May 9.\n"


def test_the_page_loads_the_bundled_article(chat_app: ChatApp) -> None:
    page = chat_app.page
    loaded = chat_app.pane_events.on_load()
    assert set(loaded) == set(page.views())
    assert loaded[page.chatbot] == []
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


def test_each_article_keeps_its_own_chat(chat_app: ChatApp) -> None:
    page, ask = chat_app.page, chat_app.chat_events.on_message
    bridge = chat_app.upload_events.on_paste(BRIDGE, "B")[page.picker].value
    *_, (chat, _, _, chats) = ask("What was targeted on November 23?", [], BUNDLED_ID, {})
    *_, (bridge_chat, _, _, chats) = ask("When did the bridge reopen?", [], bridge, chats)

    back = chat_app.pane_events.on_switch(BUNDLED_ID, chats)
    assert back[page.chatbot] == chat
    # The pane marks the latest answer's citations again, as when it was given.
    assert 'class="sentence cited lead"' in back[page.pane] or " closest lead" in back[page.pane]
    assert chat_app.pane_events.on_switch(bridge, chats)[page.chatbot] == bridge_chat
    # Adding an article that is loaded already shows it with its chat.
    again = chat_app.upload_events.on_paste(BRIDGE, "B", chats)
    assert again[page.chatbot] == bridge_chat

    removed = chat_app.pane_events.on_remove(bridge, chats)
    assert set(removed[page.conversations]) == {BUNDLED_ID}  # its chat goes with it
    assert removed[page.chatbot] == chat


def test_a_removal_not_confirmed_changes_nothing(chat_app: ChatApp) -> None:
    # The browser's confirmation sends no article when it is cancelled.
    bridge = chat_app.upload_events.on_paste(BRIDGE, "B")[chat_app.page.picker].value
    assert chat_app.pane_events.on_remove(None, {}) == {"__type__": "update"}  # skip all
    assert bridge in chat_app.library


HARBOUR = (
    "Harbour reopens\n"
    "On May 9 the harbour reopened at Oban. The ferry sailed again on May 10.\n"
    "The harbour master said the crossing was calm. Engineers said the quay was safe.\n"
    "Fishermen welcomed the news. The council promised more berths at Oban.\n"
)


def test_only_questions_answered_confidently_are_suggested(
    chat_app: ChatApp, calibration: StubCalibration
) -> None:
    candidates = suggest_questions(split_sentences(HARBOUR), SUGGESTION_TRIES)
    assert len(candidates) > SUGGESTION_COUNT  # enough to leave some out and still fill
    calibration.unsure.update(q for q in candidates if q.startswith("What happened on"))
    assert calibration.unsure  # the dates' questions, which would come first
    page = chat_app.page
    added = chat_app.upload_events.on_paste(HARBOUR, "H")
    shown = [added[button].value for button in page.suggestions if added[button].visible]
    confident = [q for q in candidates if q not in calibration.unsure]
    assert shown == confident[:SUGGESTION_COUNT]
    # Each candidate was asked once at most, and no more of them than SUGGESTION_TRIES.
    asked = list(calibration.asked)
    assert len(asked) == len(set(asked)) <= SUGGESTION_TRIES
    # Shown again (switching back), the article's suggestions are not worked out again.
    article = added[page.picker].value
    chat_app.pane_events.on_switch(BUNDLED_ID)
    again = chat_app.pane_events.on_switch(article)
    assert [again[button].value for button in page.suggestions if again[button].visible] == shown
    assert calibration.asked == asked  # nothing asked again


def test_an_article_with_few_questions_of_its_own_suggests_its_gist(chat_app: ChatApp) -> None:
    quiet = "Quiet day\nThe streets were empty. Rain fell all afternoon.\n"
    assert suggest_questions(split_sentences(quiet), SUGGESTION_TRIES) == []
    page = chat_app.page
    added = chat_app.upload_events.on_paste(quiet, "Q")
    shown = [added[button].value for button in page.suggestions if added[button].visible]
    assert shown == [OVERVIEW_QUESTION]
