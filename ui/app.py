"""The Gradio chat: `create_app()` builds it, `launch()` serves it."""

from __future__ import annotations

import os

# Nothing phones home: no analytics, and the app is local-only by default.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from qa.bot import ArticleQA  # noqa: E402
from ui.chat import make_respond  # noqa: E402

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
EXAMPLES = [
    "What was targeted on November 23?",
    "What happened on November 19?",
    "Where was that?",
    "What did the Russian envoy call for?",
]


def create_app(bot: ArticleQA, examples: list[str] | None = None) -> gr.ChatInterface:
    """A chat over one article; ask() runs in Gradio's worker threads (it is thread-safe)."""
    return gr.ChatInterface(
        fn=make_respond(bot.ask),
        title="article-qa",
        description=f"Ask about **{bot.title}**. Answers cite the article's sentence numbers.",
        examples=examples,
        analytics_enabled=False,
        api_name="chat",
        concurrency_limit=4,
    )


def launch(
    bot: ArticleQA,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    examples: list[str] | None = None,
) -> None:
    """Serve the chat; blocks until interrupted."""
    create_app(bot, examples).queue(max_size=64).launch(
        server_name=host, server_port=port, share=False, show_error=False
    )
