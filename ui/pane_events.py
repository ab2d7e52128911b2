"""Showing an article: the picker, the article pane and its timeline, the suggested
questions, and removing an article. Each article keeps its own chat (ui.conversation):
showing it again shows its chat, and the pane marks its latest answer's citations."""

from __future__ import annotations

from datetime import date
from typing import Any

import gradio as gr

from qa.answer import Answer
from qa.collection import BUNDLED_ID, Answerer, ArticleEntry, FolderCollection, WholeCollection
from qa.dates import chronology
from qa.errors import ArticleQAError
from qa.suggest import (
    OVERVIEW_QUESTION,
    SUGGESTION_TRIES,
    confident_suggestions,
    suggest_questions,
)
from ui.article_pane import render_article, render_timeline
from ui.conversation import Conversations, Turn, last_answer, shown_chat, without
from ui.format import escape_markdown
from ui.messages import removed, source_note, warning
from ui.page import PRIVATE, Page, Shown

# Runs in the browser before a removal: its answer (the article, or nothing) is what
# on_remove gets. The picker's text is the article's label.
REMOVE_CONFIRMATION = """(article, conversations) => {
  const label = document.querySelector('#article-picker input')?.value || 'this article';
  const asked = `Remove "${label}" permanently? Its text and index are deleted from this `
    + 'computer, with its chat; this cannot be undone.';
  return [confirm(asked) ? article : null, conversations];
}"""


def suggested(entry: ArticleEntry, bot: Answerer, examples: list[str] | None) -> list[str]:
    """Suggested questions: of the given examples for the bundled article, else of those
    made up (an article's own, then its gist), the ones `bot` answers confidently
    (asked once per article: qa.suggest)."""
    if entry.bundled and examples:
        candidates = examples
    elif isinstance(bot, WholeCollection):  # the listing is no article: ask of the newest
        newest = bot.sample()
        candidates = suggest_questions(newest.sentences, SUGGESTION_TRIES) if newest else []
    else:
        own = suggest_questions(bot.sentences, SUGGESTION_TRIES - 1)
        candidates = [*own, OVERVIEW_QUESTION]
    return confident_suggestions(bot, candidates)


def article_pane(entry: ArticleEntry, bot: Answerer, answer: Answer | None = None) -> str:
    """The pane's HTML for `entry`, with `answer`'s citations marked.

    A collection's answer names one of its articles: the pane shows that article.
    """
    if answer is not None and isinstance(bot, WholeCollection):
        bot = bot.cited(answer) or bot
    note = source_note(entry.bundled, entry.collection, entry.source)
    return render_article(bot.title, bot.text, bot.sentences, answer, note=note)


def article_day(bot: Answerer) -> date | None:
    """The day the article's relative dates count from ("on Saturday"), where it has one
    (a collection's listing has none)."""
    day = getattr(bot, "date", None)
    return day if isinstance(day, date) else None


def shown(
    library: FolderCollection,
    article: str,
    examples: list[str] | None = None,
    turns: list[Turn] | None = None,
) -> Shown:
    """What the page shows of `article` after its chat so far (`turns`; none: no question)."""
    entry = library.entry(article)
    bot = library.answerer(article)
    return Shown(
        article=article,
        choices=[(e.label, e.id) for e in library.entries()],
        pane=article_pane(entry, bot, last_answer(turns)),
        timeline=render_timeline(chronology(bot.sentences, article_day(bot))),
        questions=suggested(entry, bot, examples),
        removable=not (entry.bundled or entry.collection),
        chat=shown_chat(turns),
    )


class PaneEvents:
    """The events that change which article is shown: the page loading, the picker, removing.

    Args:
        library: the loaded articles.
        page: the page's components.
        examples: suggested questions for the bundled article.
        initial: the id of the article shown first.
    """

    def __init__(
        self, library: FolderCollection, page: Page, examples: list[str] | None, initial: str
    ) -> None:
        self.library = library
        self.page = page
        self.examples = examples
        self.initial = initial

    def view(
        self, article: str, status: str = "", conversations: Conversations | None = None
    ) -> dict[Any, Any]:
        """Everything that changes when `article` is shown, with its chat so far."""
        turns = (conversations or {}).get(article)
        return self.page.show(shown(self.library, article, self.examples, turns), status)

    def on_load(self) -> dict[Any, Any]:
        # Another session may have added or removed articles since the page was built.
        return self.view(self.initial if self.initial in self.library else BUNDLED_ID)

    def on_switch(
        self, article: str | None, conversations: Conversations | None = None
    ) -> dict[Any, Any]:
        try:
            return self.view(article or BUNDLED_ID, "", conversations)
        except ArticleQAError as error:
            return self.view(BUNDLED_ID, warning(escape_markdown(str(error))), conversations)

    def on_remove(
        self, article: str | None, conversations: Conversations | None = None
    ) -> dict[Any, Any]:
        """Remove the article shown, and its chat; nothing when the removal was not confirmed."""
        if not article:  # the confirmation was cancelled (REMOVE_CONFIRMATION)
            return gr.skip()  # every output as it was (an empty dict is refused)
        try:
            title = self.library.entry(article).title
            self.library.remove(article)
        except ArticleQAError as error:
            return {self.page.status: warning(escape_markdown(str(error)))}
        left = without(conversations, article)
        return {
            **self.view(BUNDLED_ID, removed(escape_markdown(title)), left),
            self.page.conversations: left,
        }

    def wire(self, blocks: gr.Blocks) -> None:
        page = self.page
        views = page.views()
        blocks.load(self.on_load, outputs=views, **PRIVATE)
        page.picker.input(
            self.on_switch, inputs=[page.picker, page.conversations], outputs=views, **PRIVATE
        )
        page.remove_button.click(
            self.on_remove,
            inputs=[page.picker, page.conversations],
            outputs=[*views, page.conversations],
            js=REMOVE_CONFIRMATION,
            # Clicked again while a cancelled removal is still on its way: ask again after.
            trigger_mode="always_last",
            **PRIVATE,
        )
