"""One behaviour on every surface: the chat, POST /api/ask, `article-qa ask` and the MCP
server's tools give the same Answer for the same article, question and history. Real
models; the article is an HTML page with a head, uploaded to the chat and given to the
CLI as the same file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from qa.answer import Answer
from qa.collection import FolderCollection
from tests.article_server import FERRY_PAGE
from ui.api_models import ChatMessage
from ui.app import ChatApp, create_web_app
from ui.cli import main
from ui.mcp_server import ArticleTools

pytestmark = pytest.mark.slow

FIRST = "Who rescued the passengers?"
FOLLOW_UP = "When had it left Piraeus?"


def _chat(app: ChatApp, question: str, shown: list[Any], article: str, chats: Any) -> Any:
    """Ask in the page's chat; (chat as shown, conversations, the Answer)."""
    *_, (shown, _, _, chats) = app.chat_events.on_message(question, shown, article, chats)
    answer = chats[article][-1]["answer"]
    assert isinstance(answer, Answer)
    return shown, chats, answer


def test_chat_api_cli_and_mcp_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled_bot: object
) -> None:
    upload = tmp_path / "uploads" / "one" / "ferry.html"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(FERRY_PAGE)
    # As `article-qa serve` builds it: the data folder's articles, the default models.
    library = FolderCollection(tmp_path / "data")
    app = ChatApp(library, upload_dir=tmp_path / "uploads")
    app.build()
    article = app.upload_events.on_upload(str(upload), {})[app.page.picker].value

    shown, chats, first = _chat(app, FIRST, [], article, {})
    assert first.found and "Chania" in first.text
    _, _, chat = _chat(app, FOLLOW_UP, shown, article, chats)
    history = [{"role": "user", "content": FIRST}, {"role": "assistant", "content": first.text}]

    api = TestClient(create_web_app(library=library)).post(
        "/api/ask", json={"question": FOLLOW_UP, "article": article, "history": history}
    )
    assert api.status_code == 200, api.text

    turns = tmp_path / "history.json"
    turns.write_text(json.dumps(history), "utf-8")
    assert (
        main(["ask", FOLLOW_UP, "--article", str(upload), "--history", str(turns), "--json"]) == 0
    )
    cli = json.loads(capsys.readouterr().out)

    messages = [ChatMessage.model_validate(turn) for turn in history]
    mcp = ArticleTools(library).ask(FOLLOW_UP, article, messages).model_dump()

    assert chat.found and "Sunday" in chat.text
    assert chat.to_dict() == api.json() == cli == mcp
