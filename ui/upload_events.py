"""Adding an article from the page: an uploaded file or pasted text, indexed under a
progress bar over the article pane; the "Add an article" panel then closes and the new
article is shown (ui.pane_events), with its chat if it was loaded already.

A problem leaves the article shown as it was and says why in the status line. While it
indexes, the bar counts sentences and "Cancel indexing" shows; cancelling, or leaving the
page, stops the indexing and stores nothing (ui.waiting).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import gradio as gr

from index.budget import INDEXING as INDEXING_WORK
from index.budget import Budget
from qa.collection import ArticleEntry, FolderCollection
from qa.errors import ArticleQAError
from ui.conversation import Conversations
from ui.format import escape_markdown
from ui.messages import DONE, loaded, warning
from ui.page import PRIVATE, Page
from ui.pane_events import PaneEvents
from ui.pool import INDEXING
from ui.uploads import add_pasted, add_upload
from ui.waiting import Watched

# Gradio finds the progress parameter by its default's type and passes a tracker per call.
_PROGRESS = gr.Progress()
CANCELLED = "cancelled; nothing was stored"


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
        self._indexing: dict[str, Budget] = {}  # by the page's session: what Cancel stops
        self._indexing_lock = threading.Lock()

    def _loaded(
        self, load: Callable[[], ArticleEntry], conversations: Conversations | None = None
    ) -> dict[Any, Any]:
        """Run `load` (which adds an article); show it, or say in one line why not."""
        before = {entry.id for entry in self.library.entries()}
        try:
            entry = load()
        except ArticleQAError as error:
            # The article shown stays shown: only the status line changes.
            return {self.page.status: warning(escape_markdown(str(error)))}
        status = loaded(escape_markdown(entry.title), again=entry.id in before)
        return {
            **self.panes.view(entry.id, status, conversations),
            self.page.add_panel: gr.Accordion(open=False),
        }

    def on_upload(
        self,
        path: str | None,
        conversations: Conversations | None = None,
        progress: gr.Progress = _PROGRESS,
    ) -> dict[Any, Any]:
        result = self._loaded(
            lambda: add_upload(
                self.library,
                path,
                lambda done, what: progress(done, desc=what),
                upload_dir=self.upload_dir,
            ),
            conversations,
        )
        # The file stays: Gradio names uploads by their content, so another visitor's
        # upload of the same file may be reading it right now.
        result[self.page.upload] = None  # ready for the next file
        return result

    def on_paste(
        self,
        text: str | None,
        title: str | None,
        conversations: Conversations | None = None,
        progress: gr.Progress = _PROGRESS,
    ) -> dict[Any, Any]:
        result = self._loaded(
            lambda: add_pasted(
                self.library, text, title, lambda done, what: progress(done, desc=what)
            ),
            conversations,
        )
        if str(result.get(self.page.status, "")).startswith(DONE):
            result[self.page.pasted] = ""
            result[self.page.pasted_title] = ""
        return result

    def watched(
        self, handle: Callable[[], dict[Any, Any]], request: gr.Request | None
    ) -> Iterator[dict[Any, Any]]:
        """Run `handle` (on_upload or on_paste) with "Cancel indexing" shown; Cancel, or
        Gradio closing this generator when the page goes away, cancels it."""
        session = request.session_hash if request is not None else None
        work = Watched(handle, Budget(None, INDEXING_WORK))
        if session:
            with self._indexing_lock:
                self._indexing[session] = work.budget
        cancel = self.page.cancel_indexing
        try:
            yield {cancel: gr.Button(visible=True)}
            for _ in work.ticks():
                yield {cancel: gr.skip()}  # a moment when Gradio may close us
            yield {**work.result(), cancel: gr.Button(visible=False)}
        finally:
            with self._indexing_lock:
                if session and self._indexing.get(session) is work.budget:
                    del self._indexing[session]

    def upload_watched(
        self,
        path: str | None,
        conversations: Conversations | None = None,
        request: gr.Request | None = None,
        progress: gr.Progress = _PROGRESS,
    ) -> Iterator[dict[Any, Any]]:
        """on_upload, cancellable (see watched)."""
        yield from self.watched(partial(self.on_upload, path, conversations, progress), request)

    def paste_watched(
        self,
        text: str | None,
        title: str | None,
        conversations: Conversations | None = None,
        request: gr.Request | None = None,
        progress: gr.Progress = _PROGRESS,
    ) -> Iterator[dict[Any, Any]]:
        """on_paste, cancellable (see watched)."""
        yield from self.watched(
            partial(self.on_paste, text, title, conversations, progress), request
        )

    def on_cancel(self, request: gr.Request | None = None) -> None:
        """Stop the indexing this page started; it says so in the status line."""
        with self._indexing_lock:
            budget = self._indexing.get(request.session_hash or "") if request else None
        if budget is not None:
            budget.cancel(CANCELLED)

    def wire(self) -> None:
        page = self.page
        outputs = [*page.views(), page.add_panel, page.upload, page.pasted, page.pasted_title]
        outputs.append(page.cancel_indexing)
        # The progress bar (indexing n/N sentences) shows over the article pane.
        page.upload.upload(
            self.upload_watched,
            inputs=[page.upload, page.conversations],
            outputs=outputs,
            show_progress_on=page.pane,
            concurrency_id=INDEXING,
            **PRIVATE,
        )
        page.paste_button.click(
            self.paste_watched,
            inputs=[page.pasted, page.pasted_title, page.conversations],
            outputs=outputs,
            show_progress_on=page.pane,
            concurrency_id=INDEXING,
            **PRIVATE,
        )
        # Not queued: it must get through while the indexing it stops holds a worker.
        page.cancel_indexing.click(self.on_cancel, queue=False, **PRIVATE)
