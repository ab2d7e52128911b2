"""Adding an article by link: a chat message that is a link and nothing else fetches that
article (qa.links), adds it as an upload is added and shows it (ui.upload_events).

Every other message is a question (ui.chat_events passes links over). The server
refuses links into its own network unless it was started with --allow-private-urls.
A link that cannot be added stays in the question box, and the status line says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from qa.links import link_in
from ui.conversation import Conversations
from ui.format import escape_markdown
from ui.messages import DONE
from ui.page import PRIVATE
from ui.upload_events import UploadEvents
from ui.uploads import add_link


def adding(link: str) -> str:
    """The status line while a linked article is fetched and indexed."""
    return f"Adding {link} …"


class LinkEvents:
    """The question box, when what is sent is a link.

    Args:
        uploads: adds the article and shows it, as for an upload.
        allow_private_urls: also fetch links to this machine's own network.
    """

    def __init__(self, uploads: UploadEvents, allow_private_urls: bool = False) -> None:
        self.uploads = uploads
        self.page = uploads.page
        self.allow_private_urls = allow_private_urls

    def on_link(
        self, message: str | None, conversations: Conversations | None = None
    ) -> Iterator[dict[Any, Any]]:
        """Add and show the article `message` links to, saying so meanwhile in the status
        line; no update at all when it is no link."""
        url = link_in(message or "")
        if url is None:  # a question: ui.chat_events answers it
            yield {self.page.status: gr.skip()}  # ({} would read as one output's value)
            return
        yield {self.page.status: adding(escape_markdown(url))}
        result = self.uploads._loaded(
            lambda: add_link(self.uploads.library, url, self.allow_private_urls), conversations
        )
        if str(result.get(self.page.status, "")).startswith(DONE):
            result[self.page.question] = ""
        yield result

    def wire(self) -> None:
        """On the question box's Enter and the Ask button, beside the chat's own handler.

        Every question runs this too and ends it at once, so it shows no progress (the
        chat shows the answer's) and joins no concurrency group (a question must not wait
        behind an upload being indexed to be found no link).
        """
        page = self.page
        for trigger in (page.question.submit, page.ask_button.click):
            trigger(
                self.on_link,
                inputs=[page.question, page.conversations],
                outputs=[*page.views(), page.add_panel, page.question],
                show_progress="hidden",
                trigger_mode="multiple",
                **PRIVATE,
            )
