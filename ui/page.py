"""The page: the chat on the left, the article on the right; its components, laid out.

On a phone (under 800 px wide) the two share the screen as tabs, "Chat" and "Article"
(ui.assets' CSS and script; #phone-tabs is hidden on wider screens).

`Page(shown)` makes the components inside a gr.Blocks, showing one article (`Shown`);
`page.show(shown)` is the update that shows another. The events (ui.chat_events,
ui.pane_events, ui.upload_events) read and write these components. The element ids set
here (#chat, #question, #article-pane, ...) are what ui.assets' script and CSS and the
browser tests use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from qa.suggest import SUGGESTION_COUNT
from ui.assets import PHONE_TABS
from ui.pane_script import PANE_JS

UPLOAD_TYPES = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf"]
# Keyword arguments for the page's own events: they stay out of the API page.
PRIVATE: dict[str, Any] = {"api_visibility": "private"}


@dataclass(frozen=True)
class Shown:
    """What the page shows of one article (ui.pane_events.shown works it out)."""

    article: str  # its id, as the picker's value
    choices: list[tuple[str, str]]  # the picker's (label, id) for every loaded article
    pane: str  # the article pane's HTML
    timeline: str  # the timeline's HTML
    questions: list[str]  # the suggested questions
    removable: bool  # whether "Remove this article" shows
    chat: list[dict[str, str]] = field(default_factory=list)  # its chat so far, as shown


class Page:
    """The components of the two panes; build one inside `with gr.Blocks():`.

    `conversations` keeps one chat per article as qa reads it (ui.conversation), beside
    `chatbot`, the shown article's chat as shown.
    """

    def __init__(self, shown: Shown) -> None:
        gr.Markdown(
            "## article-qa\nAsk about the article. Answers cite its sentences by number: "
            "point at one, or tap it, to read it. Offline; nothing leaves this machine.",
            elem_id="intro",
        )
        gr.HTML(PHONE_TABS, elem_id="phone-tabs", js_on_load=None)  # ui.assets handles it
        with gr.Row(equal_height=False, elem_id="panes"):
            with gr.Column(scale=5, min_width=360, elem_id="chat-column"):
                # The script in ui.assets scrolls a new question and its answer into view
                # (even when the chat was scrolled up), so Gradio's own autoscroll is off.
                self.chatbot = gr.Chatbot(
                    label="Chat",
                    elem_id="chat",
                    height=560,
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=["copy"],
                    placeholder="Ask a question about the article.",
                    autoscroll=False,
                    editable="user",
                )
                self.conversations = gr.State({})
                with gr.Row(elem_id="question-row"):
                    self.question = gr.Textbox(
                        placeholder="Ask about the article…",
                        show_label=False,
                        elem_id="question",
                        scale=5,
                        max_lines=4,
                    )
                    self.ask_button = gr.Button(
                        "Ask", variant="primary", scale=1, min_width=80, elem_id="ask"
                    )
                with gr.Column(elem_id="suggestions"):
                    # Two rows of two: long questions stay readable.
                    self.suggestions: list[gr.Button] = []
                    for row in range(0, SUGGESTION_COUNT, 2):
                        with gr.Row():
                            for i in range(row, min(row + 2, SUGGESTION_COUNT)):
                                shows = i < len(shown.questions)
                                self.suggestions.append(
                                    gr.Button(
                                        shown.questions[i] if shows else "",
                                        size="sm",
                                        variant="secondary",
                                        visible=shows,
                                    )
                                )
            with gr.Column(scale=6, min_width=420, elem_id="article-column"):
                self.picker = gr.Dropdown(
                    choices=shown.choices,
                    value=shown.article,
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
                        visible=shown.removable,
                        elem_id="remove-article",
                    )
                self.add_panel = gr.Accordion("Add an article", open=False, elem_id="add-article")
                with self.add_panel:
                    with gr.Tab("Upload"):
                        self.upload = gr.File(
                            label="A .txt, .md, .html or .pdf file (up to 2 MB)",
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
                # Shown while an article is indexed (ui.upload_events); stores nothing.
                self.cancel_indexing = gr.Button(
                    "Cancel indexing", size="sm", visible=False, elem_id="cancel-indexing"
                )
                self.pane = gr.HTML(shown.pane, elem_id="article-pane", js_on_load=PANE_JS)
                with gr.Accordion("Timeline", open=True):
                    self.timeline = gr.HTML(shown.timeline, elem_id="timeline")

    def views(self) -> list[Any]:
        """The components that change when another article is shown (show()'s keys)."""
        return [
            self.picker,
            self.chatbot,
            self.pane,
            self.timeline,
            self.remove_button,
            self.status,
            *self.suggestions,
        ]

    def show(self, shown: Shown, status: str = "") -> dict[Any, Any]:
        """The update that shows another article, with its own chat."""
        update: dict[Any, Any] = {
            self.picker: gr.Dropdown(choices=shown.choices, value=shown.article),
            self.chatbot: shown.chat,
            self.pane: shown.pane,
            self.timeline: shown.timeline,
            self.remove_button: gr.Button(visible=shown.removable),
            self.status: status,
        }
        for i, button in enumerate(self.suggestions):
            shows = i < len(shown.questions)
            update[button] = gr.Button(value=shown.questions[i] if shows else "", visible=shows)
        return update
