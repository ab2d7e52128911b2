"""What every collection of articles offers: entries, and something that answers each.

Two kinds of collection, by where they keep their articles:

- qa.collection.folders.FolderCollection: the chat's articles, a folder each (the
  bundled one plus uploads); each is answered on its own.
- qa.collection.database.DatabaseCollection: many articles in one database (SQLite +
  FAISS, or PostgreSQL), added from files and feeds, searched across and answered from
  the best of them; qa.collection.view offers that as one more entry in the chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from index.sentences import Sentence
from qa.answer import Answer
from qa.errors import ArticleQAError


class UnknownArticle(ArticleQAError):
    """No article of the collection has the id asked for."""


@dataclass(frozen=True)
class ArticleEntry:
    """One article as listed: its id, title, where it came from and when it came."""

    id: str
    title: str
    source: str | None  # the uploaded file's name (None: pasted, bundled); or its publisher
    added: str  # ISO 8601, UTC
    bundled: bool = False
    collection: bool = False  # a whole collection (qa.collection.view), not one article
    date: str | None = None  # the article's own date (YYYY-MM-DD), from its head
    byline: str | None = None  # who wrote it, from its head

    @property
    def label(self) -> str:
        """How a picker shows it: the title, and the file it came from when that differs."""
        if self.source and Path(self.source).stem != self.title:
            return f"{self.title} ({self.source})"
        return self.title


class Answerer(Protocol):
    """What the chat needs of an entry: its text to show, and answers."""

    @property
    def title(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def sentences(self) -> list[Sentence]: ...

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer: ...


class Collection(Protocol):
    """Articles under ids. Adding differs by kind (an upload's text; a dated record)."""

    def entries(self) -> list[ArticleEntry]:
        """Every entry, in the order a picker lists them."""
        ...

    def entry(self, article: str) -> ArticleEntry:
        """The entry with that id, or raise UnknownArticle."""
        ...

    def answerer(self, article: str) -> Answerer:
        """What answers questions about the entry `article` (UnknownArticle if none)."""
        ...

    def remove(self, article: str) -> int | None:
        """Forget the article (UnknownArticle if none); the sentences removed, if counted."""
        ...
