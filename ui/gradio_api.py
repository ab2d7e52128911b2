"""The Gradio API that gradio_client calls: /ask, /chat and /add_article.

/ask gives the Answer as JSON, as POST /api/ask does (ui.api, the HTTP API); /chat gives
the chat's reply as Markdown, streamed; /add_article adds an uploaded file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
from gradio import FileData

from qa.collection import BUNDLED_ID, FolderCollection
from qa.errors import ArticleQAError
from ui.chat_events import make_respond
from ui.messages import warning
from ui.pool import ANSWERING, INDEXING
from ui.uploads import add_upload


class GradioApi:
    """The named endpoints over one library; `wire()` them inside the page's gr.Blocks."""

    def __init__(self, library: FolderCollection, upload_dir: Path) -> None:
        self.library = library
        self.upload_dir = upload_dir

    def wire(self) -> None:
        gr.api(self.ask, api_name="ask", concurrency_id=ANSWERING)
        gr.api(self.chat, api_name="chat", concurrency_id=ANSWERING)
        gr.api(self.add_article, api_name="add_article", concurrency_id=INDEXING)

    def ask(
        self,
        question: str,
        history: list[dict[str, str]] | None = None,
        article: str = BUNDLED_ID,
    ) -> dict[str, Any]:
        """Answer a question about a loaded article: the Answer as JSON, as POST /api/ask."""
        try:
            return self.library.answerer(article).ask(question, history or []).to_dict()
        except ArticleQAError as error:
            raise gr.Error(str(error)) from error

    def chat(
        self,
        message: str,
        history: list[dict[str, str]] | None = None,
        article: str = BUNDLED_ID,
    ) -> Iterator[str]:
        """The chat's reply as Markdown, streamed; a problem comes back as a "⚠️" line."""
        try:
            bot = self.library.answerer(article)
        except ArticleQAError as error:
            yield warning(str(error))
            return
        yield from make_respond(bot.ask, delay=0)(message, history or [])

    def add_article(self, file: FileData) -> dict[str, Any]:
        """Add an uploaded .txt, .md or .html file; returns its entry (id, title, ...).

        Adding the same text again returns the existing entry. Pass the file with
        gradio_client's handle_file(); ask about it with article=<the returned id>.
        """
        given: Any = file
        path = given.get("path") if isinstance(given, dict) else getattr(given, "path", None)
        try:
            entry = add_upload(self.library, path, upload_dir=self.upload_dir)
        except ArticleQAError as error:
            raise gr.Error(str(error)) from error
        return {
            "id": entry.id,
            "title": entry.title,
            "source": entry.source,
            "added": entry.added,
            "bundled": entry.bundled,
        }
