"""A collection in the chat: one more entry in the article picker that asks all its articles.

`article-qa serve --collection NAME [--store postgresql://...]` serves a Library whose
picker also holds "All articles in NAME". Asking it runs `Archive.ask` (retrieval over
every sentence of the collection, then the reader on the best articles); the answer
cites the article it came from, and the pane shows that article. The collection itself
is managed with `article-qa add/remove`, so the chat cannot remove it. Several servers
may point at the same PostgreSQL collection: each reads it afresh for every question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from index.sentences import Sentence, split_sentences
from qa.answer import Answer
from qa.archive import Archive
from qa.bot import ArticleQA
from qa.errors import InvalidArticle
from qa.library import BUNDLED_ID, Answerer, ArticleEntry, Library

COLLECTION_PREFIX = "collection:"
LISTED = 200  # articles listed in the pane; a big archive is searched, not read


class CollectionBot:
    """The face of an Archive that the chat and the API use for an article."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        # The pane reads text and sentences together; the listing is rebuilt only when the
        # collection's change counter moves (here or on another server sharing it).
        self._listing: tuple[int, str, list[Sentence]] | None = None

    @property
    def title(self) -> str:
        return f"All articles in {self.archive.name}"

    def _listed(self) -> tuple[str, list[Sentence]]:
        generation = self.archive.generation
        if self._listing is None or self._listing[0] != generation:
            text = self._listing_text()
            self._listing = (generation, text, split_sentences(text))
        return self._listing[1], self._listing[2]

    def _listing_text(self) -> str:
        articles = self.archive.articles()
        lines = [f"{len(articles)} articles, {self.archive.sentence_count()} sentences."]
        for article in articles[::-1][:LISTED]:
            about = ", ".join(part for part in (article.date, article.source) if part)
            lines.append(f"{article.title}" + (f" ({about})" if about else "") + ".")
        return "\n".join(lines)

    @property
    def text(self) -> str:
        """What the pane shows before an answer: the collection's articles, newest first."""
        return self._listed()[0]

    @property
    def sentences(self) -> list[Sentence]:
        return self._listed()[1]

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer:
        return self.archive.ask(question, history)

    def cited(self, answer: Answer) -> ArticleQA | None:
        """The article an answer cites, to show it in the pane; None when it cites none."""
        article = next((e.article_id for e in answer.evidence if e.article_id), None)
        found = self.archive.article_bot(article) if article else None
        return found[1] if found else None

    def sample(self) -> ArticleQA | None:
        """The newest article, whose sentences suggest questions to start with."""
        articles = self.archive.articles()
        found = self.archive.article_bot(articles[-1].id) if articles else None
        return found[1] if found else None


class CollectionLibrary(Library):
    """A Library whose picker also offers a whole collection (ids "collection:<name>")."""

    def __init__(self, root: Path | None, archive: Archive, **options: Any) -> None:
        super().__init__(root, **options)
        self.collection = CollectionBot(archive)
        self.collection_id = COLLECTION_PREFIX + archive.name

    def _collection_entry(self) -> ArticleEntry:
        return ArticleEntry(self.collection_id, self.collection.title, None, "", collection=True)

    def entries(self) -> list[ArticleEntry]:
        bundled, *added = super().entries()
        return [bundled, self._collection_entry(), *added]

    def entry(self, article: str) -> ArticleEntry:
        if article == self.collection_id:
            return self._collection_entry()
        return super().entry(article)

    def answerer(self, article: str = BUNDLED_ID) -> Answerer:
        if article == self.collection_id:
            return self.collection
        return super().answerer(article)

    def remove(self, article: str) -> None:
        if article == self.collection_id:
            raise InvalidArticle(
                "a collection is not removed from the chat: use `article-qa remove ID`"
            )
        super().remove(article)
