"""The web app: `create_app()` builds the two-pane Gradio chat, `launch()` serves it.

`create_web_app()` puts it on a FastAPI app beside `POST /api/ask` (ui.api); the
Gradio API (`/chat`, `/ask`, `/add_article`, ui.gradio_api) is what gradio_client
calls. The page (ui.page) and its events are assembled here: the chat
(ui.chat_events), the article shown (ui.pane_events), adding articles
(ui.upload_events). Handlers are thin: answering is qa's, HTML is ui.article_pane's.

Limits (ui.pool.Limits): answering events share one Gradio concurrency group of
`workers`, and the Gradio queue holds `queue` waiting events; past that Gradio answers
503 and the page says "This application is currently busy. Please try again." The HTTP
API has its own worker pool of the same size.
"""

from __future__ import annotations

from pathlib import Path

import gradio as gr
from fastapi import FastAPI
from gradio.utils import get_upload_folder

from qa.bot import ArticleQA
from qa.collection import BUNDLED_ID, FolderCollection
from ui.api import install_api
from ui.assets import CSS
from ui.auth import Credentials
from ui.chat_events import ChatEvents
from ui.gradio_api import GradioApi
from ui.guard import RemoteFileGuard
from ui.link_events import LinkEvents
from ui.page import Page
from ui.pane_events import PaneEvents, shown
from ui.pool import Limits, WorkerPool
from ui.server import serve
from ui.upload_events import UploadEvents

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
EXAMPLES = [
    "What was targeted on November 23?",
    "What happened on November 19?",
    "Where was that?",
    "What did the Russian envoy call for?",
]
# Gradio refuses bigger uploads itself; up to this, ours say "the limit is 2 MB".
MAX_UPLOAD = "20mb"


def library_for(bot: ArticleQA, root: Path | None = None) -> FolderCollection:
    """A library whose default article is `bot`; new articles share its embedder and reader."""
    return FolderCollection(root, embedder=bot.embedder, reader=bot.reader or False, bundled=bot)


class ChatApp:
    """The page and its events, over one library; `build()` makes the gr.Blocks.

    Once built, `page` holds the components and `chat_events`, `pane_events` and
    `upload_events` the handlers (tests call them directly).

    Args:
        library: the loaded articles.
        examples: suggested questions for the bundled article.
        initial: the id of the article shown first.
        upload_dir: where the web server saves uploads (default: Gradio's upload folder,
            $GRADIO_TEMP_DIR); an upload named anywhere else is refused.
        allow_private_urls: a link pasted in the chat may reach this machine's own
            network (refused by default; qa.links).
    """

    def __init__(
        self,
        library: FolderCollection,
        examples: list[str] | None = None,
        initial: str = BUNDLED_ID,
        upload_dir: str | Path | None = None,
        allow_private_urls: bool = False,
    ) -> None:
        self.library = library
        self.examples = examples
        self.initial = initial
        self.upload_dir = Path(upload_dir or get_upload_folder()).resolve()
        self.allow_private_urls = allow_private_urls

    def build(self) -> gr.Blocks:
        """The Blocks: chat on the left, the article on the right, their events wired."""
        with gr.Blocks(title="article-qa", analytics_enabled=False) as blocks:
            self.page = Page(shown(self.library, self.initial, self.examples))
            self.pane_events = PaneEvents(self.library, self.page, self.examples, self.initial)
            self.chat_events = ChatEvents(self.library, self.page)
            self.upload_events = UploadEvents(
                self.library, self.page, self.pane_events, self.upload_dir
            )
            self.pane_events.wire(blocks)
            self.chat_events.wire()
            self.upload_events.wire()
            self.link_events = LinkEvents(self.upload_events, self.allow_private_urls)
            self.link_events.wire()
            GradioApi(self.library, self.upload_dir).wire()
        return blocks


def create_app(
    bot: ArticleQA | None = None,
    examples: list[str] | None = None,
    *,
    library: FolderCollection | None = None,
    initial: str = BUNDLED_ID,
    upload_dir: str | Path | None = None,
    allow_private_urls: bool = False,
) -> gr.Blocks:
    """The two-pane chat (Gradio Blocks) over `library`, or over a library around `bot`.

    Args:
        bot: the default article, when no library is given (its embedder and reader are
            used for added articles too).
        examples: suggested questions for the bundled article (default: made from it).
        library: the loaded articles (default: one under index.paths.data_dir()).
        initial: the id of the article shown first.
        upload_dir: where uploads are saved (default: Gradio's upload folder).
        allow_private_urls: links pasted in the chat may reach this machine's network.
    """
    if library is None:
        library = library_for(bot) if bot is not None else FolderCollection()
    return ChatApp(library, examples, initial, upload_dir, allow_private_urls).build()


def create_web_app(
    bot: ArticleQA | None = None,
    examples: list[str] | None = None,
    *,
    library: FolderCollection | None = None,
    initial: str = BUNDLED_ID,
    limits: Limits | None = None,
    auth: Credentials | None = None,
    allow_private_urls: bool = False,
) -> FastAPI:
    """FastAPI with `POST /api/ask` (OpenAPI at /openapi.json) and the chat mounted at /.

    Args:
        limits: answers at once and requests waiting, for the chat and the HTTP API.
        auth: (user, password) for the chat's login page and the API's basic auth.
    """
    if library is None:
        library = library_for(bot) if bot is not None else FolderCollection()
    limits = limits or Limits()
    blocks = create_app(
        examples=examples, library=library, initial=initial, allow_private_urls=allow_private_urls
    )
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
    library: FolderCollection | None = None,
    initial: str = BUNDLED_ID,
    limits: Limits | None = None,
    auth: Credentials | None = None,
    allow_private_urls: bool = False,
) -> None:
    """Serve the chat and /api/ask on host:port; blocks until interrupted."""
    app = create_web_app(
        bot,
        examples,
        library=library,
        initial=initial,
        limits=limits,
        auth=auth,
        allow_private_urls=allow_private_urls,
    )
    serve(app, host, port)
