"""The web app: `create_app()` builds the two-pane Gradio chat, `launch()` serves it.

`create_web_app()` puts it on a FastAPI app beside `POST /api/ask` (ui.api); the
Gradio API (`/chat`, `/ask`, `/add_article`) is what gradio_client calls. Handlers are
thin: answering is qa's, the chat's drafts are ui.chat's, HTML is ui.article_pane's.

Limits (ui.pool.Limits): answering events share one Gradio concurrency group of
`workers`, and the Gradio queue holds `queue` waiting events; past that Gradio answers
503 and the page says "This application is currently busy. Please try again." The HTTP
API has its own worker pool of the same size.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Nothing phones home: no analytics, and the app is local-only by default.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from gradio import FileData  # noqa: E402
from gradio.utils import get_upload_folder  # noqa: E402

from qa.bot import ArticleQA  # noqa: E402
from qa.collection_view import CollectionBot  # noqa: E402
from qa.errors import ArticleQAError  # noqa: E402
from qa.library import BUNDLED_ID, Answerer, ArticleEntry, Library  # noqa: E402
from qa.suggest import SUGGESTION_COUNT, suggest_questions  # noqa: E402
from qa.timeline import timeline  # noqa: E402
from ui.api import install_api  # noqa: E402
from ui.article_pane import render_article, render_timeline  # noqa: E402
from ui.assets import CSS, PANE_JS  # noqa: E402
from ui.auth import Credentials  # noqa: E402
from ui.chat import STREAM_DELAY, make_respond, replies  # noqa: E402
from ui.format import escape_markdown, message_text  # noqa: E402
from ui.guard import RemoteFileGuard  # noqa: E402
from ui.pool import Limits, WorkerPool  # noqa: E402
from ui.server import serve  # noqa: E402
from ui.uploads import add_pasted, add_upload  # noqa: E402

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
EXAMPLES = [
    "What was targeted on November 23?",
    "What happened on November 19?",
    "Where was that?",
    "What did the Russian envoy call for?",
]
UPLOAD_TYPES = [".txt", ".md", ".markdown", ".html", ".htm"]
# Gradio refuses bigger uploads itself; up to this, ours say "the limit is 2 MB".
MAX_UPLOAD = "20mb"
THINKING = "…"
# Gradio finds the progress parameter by its default's type and passes a tracker per call.
_PROGRESS = gr.Progress()
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~$])")
# Events that answer share one concurrency group; so do those that index an article.
ANSWERING = "answer"
INDEXING = "index"


def unescape_markdown(text: str) -> str:
    """Undo ui.format.escape_markdown: the user's question as typed, from the chat."""
    return _ESCAPED.sub(r"\1", html.unescape(text))


def cited_article(bot: Answerer, answer: Any) -> Answerer:
    """The article whose sentences an answer cites: a collection's answer names one of its
    articles, and the pane shows that article with the citation highlighted."""
    if isinstance(bot, CollectionBot):
        return bot.cited(answer) or bot
    return bot


def library_for(bot: ArticleQA, root: Path | None = None) -> Library:
    """A library whose default article is `bot`; new articles share its embedder and reader."""
    return Library(root, embedder=bot.embedder, reader=bot.reader or False, bundled=bot)


class ChatApp:
    """The two panes and their handlers, over one library.

    Args:
        library: the loaded articles.
        examples: suggested questions for the bundled article.
        initial: the id of the article shown first.
        upload_dir: where the web server saves uploads (default: Gradio's upload folder,
            $GRADIO_TEMP_DIR); an upload named anywhere else is refused.
    """

    def __init__(
        self,
        library: Library,
        examples: list[str] | None = None,
        initial: str = BUNDLED_ID,
        upload_dir: str | Path | None = None,
    ) -> None:
        self.library = library
        self.examples = examples
        self.initial = initial
        self.upload_dir = Path(upload_dir or get_upload_folder()).resolve()

    # -- what a view of one article shows --------------------------------------------------

    def choices(self) -> list[tuple[str, str]]:
        return [(entry.label, entry.id) for entry in self.library.entries()]

    def questions(self, entry: ArticleEntry, bot: Answerer) -> list[str]:
        """Suggested questions: the given examples for the bundled article, else made up."""
        if entry.bundled and self.examples:
            return self.examples[:SUGGESTION_COUNT]
        if isinstance(bot, CollectionBot):  # the listing is no article: ask of the newest
            newest = bot.sample()
            return suggest_questions(newest.sentences) if newest else []
        return suggest_questions(bot.sentences)

    @staticmethod
    def note(entry: ArticleEntry) -> str:
        if entry.bundled:
            return "bundled article"
        if entry.collection:
            return "collection: answers come from any of its articles"
        return f"from {entry.source}" if entry.source else "pasted text"

    def build(self) -> gr.Blocks:
        """The Blocks: chat on the left, the article on the right."""
        entry = self.library.entry(self.initial)
        bot = self.library.answerer(self.initial)
        questions = self.questions(entry, bot)
        with gr.Blocks(title="article-qa", analytics_enabled=False) as blocks:
            gr.Markdown(
                "## article-qa\nAsk about the article on the right. Answers cite its "
                "sentences: click a number to see it. Offline; nothing leaves this machine."
            )
            with gr.Row(equal_height=False):
                with gr.Column(scale=5, min_width=360):
                    self.chatbot = gr.Chatbot(
                        label="Chat",
                        elem_id="chat",
                        height=560,
                        latex_delimiters=[],
                        feedback_options=None,
                        buttons=["copy"],
                        placeholder="Ask a question about the article.",
                    )
                    with gr.Row():
                        self.question = gr.Textbox(
                            placeholder="Ask about the article…",
                            show_label=False,
                            elem_id="question",
                            scale=5,
                            max_lines=4,
                        )
                        self.ask_button = gr.Button("Ask", variant="primary", scale=1)
                    with gr.Column(elem_id="suggestions"):
                        # Two rows of two: long questions stay readable.
                        self.suggestions: list[gr.Button] = []
                        for row in range(0, SUGGESTION_COUNT, 2):
                            with gr.Row():
                                for i in range(row, min(row + 2, SUGGESTION_COUNT)):
                                    self.suggestions.append(
                                        gr.Button(
                                            questions[i] if i < len(questions) else "",
                                            size="sm",
                                            variant="secondary",
                                            visible=i < len(questions),
                                        )
                                    )
                with gr.Column(scale=6, min_width=420):
                    self.picker = gr.Dropdown(
                        choices=self.choices(),
                        value=self.initial,
                        label="Article",
                        elem_id="article-picker",
                    )
                    with gr.Row(equal_height=True):
                        self.status = gr.Markdown("", elem_id="status")
                        self.remove_button = gr.Button(
                            "Remove this article",
                            size="sm",
                            variant="stop",
                            scale=0,
                            min_width=160,
                            visible=not (entry.bundled or entry.collection),
                            elem_id="remove-article",
                        )
                    with gr.Accordion("Add an article", open=False, elem_id="add-article"):
                        with gr.Tab("Upload"):
                            self.upload = gr.File(
                                label="A .txt, .md or .html file (up to 2 MB)",
                                file_types=UPLOAD_TYPES,
                                type="filepath",
                                elem_id="upload",
                            )
                        with gr.Tab("Paste"):
                            self.pasted_title = gr.Textbox(label="Title (optional)")
                            self.pasted = gr.Textbox(
                                label="Article text", lines=8, elem_id="pasted-text"
                            )
                            self.paste_button = gr.Button("Add article", elem_id="add-pasted")
                    self.pane = gr.HTML(
                        render_article(bot.title, bot.text, bot.sentences, note=self.note(entry)),
                        elem_id="article-pane",
                        js_on_load=PANE_JS,
                    )
                    with gr.Accordion("Timeline", open=True):
                        self.timeline = gr.HTML(
                            render_timeline(timeline(bot.sentences)), elem_id="timeline"
                        )
            self.wire(blocks)
        return blocks

    # -- events ----------------------------------------------------------------------------

    def view_outputs(self) -> list[Any]:
        return [
            self.picker,
            self.chatbot,
            self.pane,
            self.timeline,
            self.remove_button,
            self.status,
            *self.suggestions,
        ]

    def view(self, article: str, status: str = "") -> dict[Any, Any]:
        """Everything that changes when another article is shown; the chat starts afresh."""
        entry = self.library.entry(article)
        bot = self.library.answerer(article)
        questions = self.questions(entry, bot)
        update: dict[Any, Any] = {
            self.picker: gr.Dropdown(choices=self.choices(), value=article),
            self.chatbot: [],
            self.pane: render_article(bot.title, bot.text, bot.sentences, note=self.note(entry)),
            self.timeline: render_timeline(timeline(bot.sentences)),
            self.remove_button: gr.Button(visible=not (entry.bundled or entry.collection)),
            self.status: status,
        }
        for i, button in enumerate(self.suggestions):
            shown = i < len(questions)
            update[button] = gr.Button(value=questions[i] if shown else "", visible=shown)
        return update

    def on_load(self) -> dict[Any, Any]:
        # Another session may have added or removed articles since the page was built.
        article = self.initial if self.initial in self.library else BUNDLED_ID
        return self.view(article)

    def on_switch(self, article: str | None) -> dict[Any, Any]:
        try:
            return self.view(article or BUNDLED_ID)
        except ArticleQAError as error:
            return self.view(BUNDLED_ID, f"⚠️ {escape_markdown(str(error))}")

    def on_message(
        self, message: str, history: list[Any] | None, article: str | None
    ) -> Iterator[tuple[Any, Any, Any]]:
        """Stream the answer into the chat; the pane highlights its citations at the end."""
        history = list(history or [])
        message = message or ""
        shown = [*history, {"role": "user", "content": escape_markdown(message)}]
        asked = [
            {"role": m["role"], "content": unescape_markdown(message_text(m["content"]))}
            if m.get("role") == "user"
            else m
            for m in history
            if isinstance(m, dict)
        ]
        try:
            bot = self.library.answerer(article or BUNDLED_ID)
        except ArticleQAError as error:
            warning = f"⚠️ {escape_markdown(str(error))}"
            yield [*shown, {"role": "assistant", "content": warning}], "", gr.skip()
            return
        yield [*shown, {"role": "assistant", "content": THINKING}], "", gr.skip()
        for reply in replies(bot.ask, message, asked, STREAM_DELAY):
            pane = gr.skip()
            if reply.answer is not None:
                entry = self.library.entry(article or BUNDLED_ID)
                shown_article = cited_article(bot, reply.answer)
                pane = render_article(
                    shown_article.title,
                    shown_article.text,
                    shown_article.sentences,
                    reply.answer,
                    note=self.note(entry),
                )
            yield [*shown, {"role": "assistant", "content": reply.text}], "", pane

    def _loaded(self, load: Callable[[], ArticleEntry]) -> dict[Any, Any]:
        """Run `load` (which adds an article); show it, or say in one line why not."""
        before = {entry.id for entry in self.library.entries()}
        try:
            entry = load()
        except ArticleQAError as error:
            # The article shown stays shown: only the status line changes.
            return {self.status: f"⚠️ {escape_markdown(str(error))}"}
        again = " (it already was)" if entry.id in before else ""
        return self.view(entry.id, f"✓ {escape_markdown(entry.title)} is loaded{again}")

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
        result[self.upload] = None  # ready for the next file
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
        if self.status in result and str(result[self.status]).startswith("✓"):
            result[self.pasted] = ""
            result[self.pasted_title] = ""
        return result

    def on_remove(self, article: str | None) -> dict[Any, Any]:
        try:
            title = self.library.entry(article or "").title
            self.library.remove(article or "")
        except ArticleQAError as error:
            return {self.status: f"⚠️ {escape_markdown(str(error))}"}
        return self.view(BUNDLED_ID, f"✓ Removed {escape_markdown(title)}")

    def wire(self, blocks: gr.Blocks) -> None:
        """Connect the events; the UI's own events stay out of the API page."""
        private: dict[str, Any] = {"api_visibility": "private"}
        views = self.view_outputs()
        blocks.load(self.on_load, outputs=views, **private)
        self.picker.input(self.on_switch, inputs=self.picker, outputs=views, **private)
        chat_outputs = [self.chatbot, self.question, self.pane]
        for trigger, source in (
            (self.question.submit, self.question),
            (self.ask_button.click, self.question),
            *((button.click, button) for button in self.suggestions),
        ):
            trigger(
                self.on_message,
                inputs=[source, self.chatbot, self.picker],
                outputs=chat_outputs,
                show_progress="hidden",
                concurrency_id=ANSWERING,
                **private,
            )
        loaded = [*views, self.upload, self.pasted, self.pasted_title]
        # The progress bar (indexing n/N sentences) shows over the article pane.
        self.upload.upload(
            self.on_upload,
            inputs=self.upload,
            outputs=loaded,
            show_progress_on=self.pane,
            concurrency_id=INDEXING,
            **private,
        )
        self.paste_button.click(
            self.on_paste,
            inputs=[self.pasted, self.pasted_title],
            outputs=loaded,
            show_progress_on=self.pane,
            concurrency_id=INDEXING,
            **private,
        )
        self.remove_button.click(self.on_remove, inputs=self.picker, outputs=views, **private)
        gr.api(self.api_ask, api_name="ask", concurrency_id=ANSWERING)
        gr.api(self.api_chat, api_name="chat", concurrency_id=ANSWERING)
        gr.api(self.api_add_article, api_name="add_article", concurrency_id=INDEXING)

    # -- the Gradio API (gradio_client) ----------------------------------------------------

    def api_ask(
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

    def api_chat(
        self,
        message: str,
        history: list[dict[str, str]] | None = None,
        article: str = BUNDLED_ID,
    ) -> Iterator[str]:
        """The chat's reply as Markdown, streamed; a problem comes back as a "⚠️" line."""
        try:
            bot = self.library.answerer(article)
        except ArticleQAError as error:
            yield f"⚠️ {error}"
            return
        yield from make_respond(bot.ask, delay=0)(message, history or [])

    def api_add_article(self, file: FileData) -> dict[str, Any]:
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


def create_app(
    bot: ArticleQA | None = None,
    examples: list[str] | None = None,
    *,
    library: Library | None = None,
    initial: str = BUNDLED_ID,
    upload_dir: str | Path | None = None,
) -> gr.Blocks:
    """The two-pane chat (Gradio Blocks) over `library`, or over a library around `bot`.

    Args:
        bot: the default article, when no library is given (its embedder and reader are
            used for added articles too).
        examples: suggested questions for the bundled article (default: made from it).
        library: the loaded articles (default: one under qa.storage.data_dir()).
        initial: the id of the article shown first.
        upload_dir: where uploads are saved (default: Gradio's upload folder).
    """
    if library is None:
        library = library_for(bot) if bot is not None else Library()
    return ChatApp(library, examples, initial, upload_dir).build()


def create_web_app(
    bot: ArticleQA | None = None,
    examples: list[str] | None = None,
    *,
    library: Library | None = None,
    initial: str = BUNDLED_ID,
    limits: Limits | None = None,
    auth: Credentials | None = None,
) -> FastAPI:
    """FastAPI with `POST /api/ask` (OpenAPI at /openapi.json) and the chat mounted at /.

    Args:
        limits: answers at once and requests waiting, for the chat and the HTTP API.
        auth: (user, password) for the chat's login page and the API's basic auth.
    """
    if library is None:
        library = library_for(bot) if bot is not None else Library()
    limits = limits or Limits()
    blocks = create_app(examples=examples, library=library, initial=initial)
    blocks.queue(default_concurrency_limit=limits.workers, max_size=limits.queue)
    # Swagger's page loads its script from a CDN, useless offline: serve only the schema.
    app = FastAPI(
        title="article-qa",
        description="Ask questions about a news article; answers cite its sentences.",
        docs_url=None,
        redoc_url=None,
    )
    install_api(app, library, WorkerPool(limits.workers, limits.queue), auth)
    app.add_middleware(RemoteFileGuard)
    mounted = gr.mount_gradio_app(
        app,
        blocks,
        path="/",
        css=CSS,
        footer_links=["api"],
        max_file_size=MAX_UPLOAD,
        show_error=False,
        ssr_mode=False,
        run_history=False,
        auth=auth,
        # Nothing beyond Gradio's own uploads is served; the articles never are.
        allowed_paths=[],
        blocked_paths=[str(library.folder.resolve())],
    )
    # Gradio checks that an event's input files were uploaded by a visitor only once
    # its Blocks are launched, which mount_gradio_app never marks them: without this, a
    # crafted upload event could name any .txt, .md or .html file on the server.
    blocks.has_launched = True
    return mounted


def launch(
    bot: ArticleQA | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    examples: list[str] | None = None,
    *,
    library: Library | None = None,
    initial: str = BUNDLED_ID,
    limits: Limits | None = None,
    auth: Credentials | None = None,
) -> None:
    """Serve the chat and /api/ask on host:port; blocks until interrupted."""
    app = create_web_app(bot, examples, library=library, initial=initial, limits=limits, auth=auth)
    serve(app, host, port)
