"""A whole collection in the chat: one more entry in the article picker that asks all its
articles.

`article-qa serve --collection NAME [--store postgresql://...]` serves a ServedCollection:
the chat's FolderCollection whose picker also holds "All articles in NAME". Asking it
runs `DatabaseCollection.ask` (retrieval over every sentence of the collection, then the
reader on the best articles); the answer cites the article it came from, and the pane
shows that article. The collection itself is managed with `article-qa add/remove`, so
the chat cannot remove it. Several servers may point at the same PostgreSQL collection:
each reads it afresh for every question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from index.sentences import Sentence, split_sentences
from qa.answer import Answer
from qa.bot import ArticleQA
from qa.collection.database import DatabaseCollection
from qa.collection.entries import Answerer, ArticleEntry
from qa.collection.folders import BUNDLED_ID, FolderCollection
from qa.errors import InvalidArticle

COLLECTION_PREFIX = "collection:"
LISTED = 200  # articles listed in the pane; a big collection is searched, not read


class WholeCollection:
    """A DatabaseCollection answering as one entry (an Answerer) of the chat and the API."""

    def __init__(self, collection: DatabaseCollection) -> None:
        self.collection = collection
        # The pane reads text and sentences together; the listing is rebuilt only when the
        # collection's change counter moves (here or on another server sharing it).
        self._listing: tuple[int, str, list[Sentence]] | None = None

    @property
    def title(self) -> str:
        return f"All articles in {self.collection.name}"

    def _listed(self) -> tuple[str, list[Sentence]]:
        generation = self.collection.generation
        if self._listing is None or self._listing[0] != generation:
            text = self._listing_text()
            self._listing = (generation, text, split_sentences(text))
        return self._listing[1], self._listing[2]

    def _listing_text(self) -> str:
        articles = self.collection.articles()
        lines = [f"{len(articles)} articles, {self.collection.sentence_count()} sentences."]
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
        return self.collection.ask(question, history)

    def cited(self, answer: Answer) -> ArticleQA | None:
        """The article an answer cites, to show it in the pane; None when it cites none."""
        article = next((e.article_id for e in answer.evidence if e.article_id), None)
        found = self.collection.article_bot(article) if article else None
        return found[1] if found else None

    def sample(self) -> ArticleQA | None:
        """The newest article, whose sentences suggest questions to start with."""
        articles = self.collection.articles()
        found = self.collection.article_bot(articles[-1].id) if articles else None
        return found[1] if found else None


class ServedCollection(FolderCollection):
    """The chat's FolderCollection whose picker also offers a whole DatabaseCollection
    (id "collection:<name>")."""

    def __init__(self, root: Path | None, collection: DatabaseCollection, **options: Any) -> None:
        super().__init__(root, **options)
        self.whole = WholeCollection(collection)
        self.collection_id = COLLECTION_PREFIX + collection.name

    def _collection_entry(self) -> ArticleEntry:
        return ArticleEntry(self.collection_id, self.whole.title, None, "", collection=True)

    def entries(self) -> list[ArticleEntry]:
        bundled, *added = super().entries()
        return [bundled, self._collection_entry(), *added]

    def entry(self, article: str) -> ArticleEntry:
        if article == self.collection_id:
            return self._collection_entry()
        return super().entry(article)

    def answerer(self, article: str = BUNDLED_ID) -> Answerer:
        if article == self.collection_id:
            return self.whole
        return super().answerer(article)

    def remove(self, article: str) -> None:
        if article == self.collection_id:
            raise InvalidArticle(
                "a collection is not removed from the chat: use `article-qa remove ID`"
            )
        super().remove(article)
