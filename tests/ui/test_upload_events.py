"""Adding articles through the page's upload and paste events (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.article import MAX_ARTICLE_BYTES
from qa.collection import BUNDLED_ID, FolderCollection
from tests.ui.confidence import StubCalibration
from ui.app import ChatApp
from ui.format import unescape_markdown

PAGE = (
    "<html><head><title>Ferry returns to Oban</title><script>var t = 1;</script></head>"
    "<body><nav>Home | News</nav><article><h1>Ferry returns to Oban</h1>"
    "<p>The ferry left Oban at noon on March 3. It reached Mull an hour later.</p>"
    "<p>The harbour master said the crossing was calm.</p></article></body></html>"
)


def upload(tmp_path: Path, name: str, data: bytes) -> str:
    """Save `data` as the web server does: in its own folder in the upload folder."""
    folder = tmp_path / "uploads" / f"upload-{len(list(tmp_path.glob('uploads/*')))}"
    folder.mkdir(parents=True)
    path = folder / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt is empty"),
        ("photo.txt", bytes(range(256)) * 4, "photo.txt is binary"),
        ("big.txt", b"Word. " * (MAX_ARTICLE_BYTES // 6 + 1), "the limit is 2 MB"),
        ("latin1.txt", "Café au lait.".encode("latin-1"), "latin1.txt is not UTF-8 text"),
        ("blank.html", b"<html><body></body></html>", "no article text"),
    ],
)
def test_a_bad_upload_says_why_in_one_line_and_changes_nothing(
    chat_app: ChatApp, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    result = chat_app.upload_events.on_upload(upload(tmp_path, name, data))
    status = unescape_markdown(result.pop(chat_app.page.status))
    assert status.startswith("⚠️") and message in status and "\n" not in status
    # Only the status line and the emptied upload box change: the article, its chat,
    # its pane and the picker stay as they were.
    assert result == {chat_app.page.upload: None}
    assert [e.id for e in chat_app.library.entries()] == [BUNDLED_ID]


def test_an_upload_that_cannot_be_read(chat_app: ChatApp, tmp_path: Path) -> None:
    result = chat_app.upload_events.on_upload(str(tmp_path / "uploads" / "vanished.txt"))
    assert "cannot read vanished.txt" in unescape_markdown(result[chat_app.page.status])


def test_a_file_outside_the_upload_folder_is_refused(chat_app: ChatApp, tmp_path: Path) -> None:
    # The upload event takes a path; a crafted request could name any file on the server.
    secret = tmp_path / "notes.md"
    secret.write_text("Private notes\nThe safe code is 1234.\n", "utf-8")
    for path in (secret, tmp_path / "uploads" / ".." / "notes.md"):
        result = chat_app.upload_events.on_upload(str(path))
        status = unescape_markdown(result[chat_app.page.status])
        assert status == "⚠️ notes.md was not uploaded through this page"
    assert [e.id for e in chat_app.library.entries()] == [BUNDLED_ID]
    assert secret.exists()  # refused, and left alone


def test_the_same_file_uploaded_twice_at_once_is_read_by_both(
    chat_app: ChatApp, tmp_path: Path
) -> None:
    # Gradio names an upload by its content: two visitors uploading one file share a path,
    # so reading it must leave it in place for the other.
    path = upload(tmp_path, "ferry.html", PAGE.encode())
    first = chat_app.upload_events.on_upload(path)
    second = chat_app.upload_events.on_upload(path)
    assert unescape_markdown(first[chat_app.page.status]) == "✓ Ferry returns to Oban is loaded"
    assert unescape_markdown(second[chat_app.page.status]).endswith("(it already was)")


def test_an_html_upload_becomes_the_shown_article(
    chat_app: ChatApp, tmp_path: Path, calibration: StubCalibration
) -> None:
    result = chat_app.upload_events.on_upload(upload(tmp_path, "ferry.html", PAGE.encode()))
    assert unescape_markdown(result[chat_app.page.status]) == "✓ Ferry returns to Oban is loaded"
    entry = chat_app.library.entries()[1]
    assert result[chat_app.page.picker].value == entry.id
    assert ("Ferry returns to Oban (ferry.html)", entry.id) in result[chat_app.page.picker].choices
    assert result[chat_app.page.chatbot] == []  # a new article, a new conversation
    assert result[chat_app.page.add_panel].open is False  # the "Add an article" panel closes
    pane = result[chat_app.page.pane]
    assert "The ferry left Oban at noon on March 3." in pane and "var t" not in pane
    assert "March 3" in result[chat_app.page.timeline]
    assert result[chat_app.page.remove_button].visible is True
    assert result[chat_app.page.suggestions[0]].value == "What happened on March 3?"

    again = chat_app.upload_events.on_upload(upload(tmp_path, "ferry.html", PAGE.encode()))
    assert unescape_markdown(again[chat_app.page.status]).endswith("(it already was)")


def test_pasted_text_is_added_and_the_boxes_are_cleared(chat_app: ChatApp) -> None:
    result = chat_app.upload_events.on_paste("Bridge reopens\nThe bridge reopened on May 9.\n", "")
    assert result[chat_app.page.status] == "✓ Bridge reopens is loaded"
    assert result[chat_app.page.pasted] == "" and result[chat_app.page.pasted_title] == ""
    empty = chat_app.upload_events.on_paste("   ", "Title")
    assert empty == {chat_app.page.status: "⚠️ the pasted article is empty"}


def test_a_pasted_head_is_kept_apart_and_its_date_grounds_the_story(
    chat_app: ChatApp, tmp_path: Path, fake_embedder: object
) -> None:
    pasted = (
        "Bridge reopens in Oban\nBy Morag Campbell\nNov. 24, 2025 09:05 GMT\n\n"
        "The bridge reopened on Monday. Work had started on October 13.\n"
    )
    result = chat_app.upload_events.on_paste(pasted, "")
    assert result[chat_app.page.status] == "✓ Bridge reopens in Oban is loaded"
    pane = result[chat_app.page.pane]
    assert 'id="s-0"' in pane and "By Morag" not in pane and "09:05" not in pane
    assert "09" not in result[chat_app.page.timeline]  # the time stamp is no event
    # Kept with the article, across a restart: the date counts "on Monday" from it.
    reopened = FolderCollection(tmp_path / "data", embedder=fake_embedder)  # type: ignore[arg-type]
    entry = reopened.entries()[-1]
    assert (entry.title, entry.byline, entry.date) == (
        "Bridge reopens in Oban",
        "Morag Campbell",
        "2025-11-24",
    )
    assert reopened.get(entry.id).retriever.dated[0].labels() == ["2025-11-24"]
    # ... and the byline answers who wrote it.
    assert reopened.get(entry.id).ask("Who wrote this article?").text == "Morag Campbell"
