"""A link sent in the chat adds its article; a served chat refuses links into its own
network unless started with --allow-private-urls. The page's events, called directly,
fetching from a local web server started by each test."""

from __future__ import annotations

from pathlib import Path

from qa.collection import BUNDLED_ID, FolderCollection
from tests.article_server import FERRY_PAGE, html, serving
from tests.conftest import FakeEmbedder
from ui.app import ChatApp
from ui.format import unescape_markdown


def test_a_link_alone_adds_and_shows_its_article_when_private_links_are_allowed(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    library = FolderCollection(tmp_path / "data", embedder=fake_embedder)
    app = ChatApp(library, upload_dir=tmp_path / "uploads", allow_private_urls=True)
    app.build()
    with serving({"/news/ferry": html(FERRY_PAGE)}) as server:
        *drafts, result = app.link_events.on_link(f"  {server.link('/news/ferry')} ", {})
    assert unescape_markdown(drafts[0][app.page.status]).startswith("Adding http://127.0.0.1")
    assert unescape_markdown(result[app.page.status]) == "✓ Ferry sinks off Crete is loaded"
    assert result[app.page.question] == ""  # the link is done with
    added = library.entries()[-1]
    assert (added.title, added.source, added.date, added.byline) == (
        "Ferry sinks off Crete",
        "127.0.0.1",
        "2026-03-03",
        "Jane Doe",
    )
    assert result[app.page.picker].value == added.id  # and it is the one shown
    assert "A ferry carrying 212 passengers" in result[app.page.pane]
    assert "11:42" not in result[app.page.pane]  # the dateline is no sentence of it


def test_a_served_chat_refuses_a_link_into_its_own_network(chat_app: ChatApp) -> None:
    with serving({"/ferry.html": html(FERRY_PAGE)}) as server:
        *_, result = chat_app.link_events.on_link(server.link("/ferry.html"), {})
        assert server.hosts == []  # never fetched
    status = unescape_markdown(result.pop(chat_app.page.status))
    assert status.startswith("⚠️ 127.0.0.1 is a loopback address") and "\n" not in status
    assert "--allow-private-urls" in status
    assert result == {}  # the link stays in the question box; nothing else changes
    assert [entry.id for entry in chat_app.library.entries()] == [BUNDLED_ID]


def test_a_link_is_not_asked_as_a_question_and_a_question_is_not_fetched(
    chat_app: ChatApp,
) -> None:
    skipped = {"__type__": "update"}
    asked = list(chat_app.chat_events.on_message("https://news.example/ferry", [], BUNDLED_ID))
    assert asked == [(skipped,) * 4]
    unchanged = [{chat_app.page.status: skipped}]
    assert list(chat_app.link_events.on_link("What was targeted on November 23?", {})) == unchanged
