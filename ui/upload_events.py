"""Adding an article from the page: an uploaded file or pasted text, indexed under a
progress bar over the article pane; the new article is then shown (ui.pane_events).

A problem leaves the article shown as it was and says why in the status line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from qa.collection import ArticleEntry, FolderCollection
from qa.errors import ArticleQAError
from ui.format import escape_markdown
from ui.messages import DONE, loaded, warning
from ui.page import PRIVATE, Page
from ui.pane_events import PaneEvents
from ui.pool import INDEXING
from ui.uploads import add_pasted, add_upload

# Gradio finds the progress parameter by its default's type and passes a tracker per call.
_PROGRESS = gr.Progress()


class UploadEvents:
    """The "Add an article" box: upload a file, or paste text.

    Args:
        library: the loaded articles.
        page: the page's components.
        panes: shows the article once it is added.
        upload_dir: where the web server saves uploads; an upload named anywhere else
            is refused.
    """

    def __init__(
        self, library: FolderCollection, page: Page, panes: PaneEvents, upload_dir: Path
    ) -> None:
        self.library = library
        self.page = page
        self.panes = panes
        self.upload_dir = upload_dir

    def _loaded(self, load: Callable[[], ArticleEntry]) -> dict[Any, Any]:
        """Run `load` (which adds an article); show it, or say in one line why not."""
        before = {entry.id for entry in self.library.entries()}
        try:
            entry = load()
        except ArticleQAError as error:
            # The article shown stays shown: only the status line changes.
            return {self.page.status: warning(escape_markdown(str(error)))}
        status = loaded(escape_markdown(entry.title), again=entry.id in before)
        return self.panes.view(entry.id, status)

    def on_upload(self, path: str | None, progress: gr.Progress = _PROGRESS) -> dict[Any, Any]:
        result = self._loaded(
            lambda: add_upload(
                self.library,
                path,
                lambda done, what: progress(done, desc=what),
                upload_dir=self.upload_dir,
            ),
        )
        # The file stays: Gradio names uploads by their content, so another visitor's
        # upload of the same file may be reading it right now.
        result[self.page.upload] = None  # ready for the next file
        return result

    def on_paste(
        self,
        text: str | None,
        title: str | None,
        progress: gr.Progress = _PROGRESS,
    ) -> dict[Any, Any]:
        result = self._loaded(
            lambda: add_pasted(
                self.library, text, title, lambda done, what: progress(done, desc=what)
            ),
        )
        if str(result.get(self.page.status, "")).startswith(DONE):
            result[self.page.pasted] = ""
            result[self.page.pasted_title] = ""
        return result

    def wire(self) -> None:
        page = self.page
        outputs = [*page.views(), page.upload, page.pasted, page.pasted_title]
        # The progress bar (indexing n/N sentences) shows over the article pane.
        page.upload.upload(
            self.on_upload,
            inputs=page.upload,
            outputs=outputs,
            show_progress_on=page.pane,
            concurrency_id=INDEXING,
            **PRIVATE,
        )
        page.paste_button.click(
            self.on_paste,
            inputs=[page.pasted, page.pasted_title],
            outputs=outputs,
            show_progress_on=page.pane,
            concurrency_id=INDEXING,
            **PRIVATE,
        )
