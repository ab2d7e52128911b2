"""What a collection's storage holds and the contract every storage keeps.

`CollectionStorage` is the contract; qa.collection.DatabaseCollection does the rest
(diffing re-added articles, stable sentence ids, citations, asking). Both storages keep
sentence vectors in a VectorStore (index.store) and search through it, the article
filter choosing which sentence ids the search may return (`nearest`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from index.errors import ArticleQAError
from index.store import VectorStore


class StaleArticle(ArticleQAError):
    """The article changed (another writer) since its sentences were read; diff again."""


class ModelMismatch(ArticleQAError):
    """The collection's vectors come from another embedding model."""

    def __init__(self, collection: str, stored: str, wanted: str) -> None:
        super().__init__(
            f"collection {collection} was built with {stored}, "
            f"not {wanted}; choose that embedder or a new collection"
        )


@dataclass(frozen=True)
class StoredArticle:
    """An article as the collection lists it."""

    id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    sentences: int
    added: str


@dataclass(frozen=True)
class ArticleRow:
    """An article's metadata and the checksum of its text."""

    id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    sha256: str
    added: str


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a search may return: these ids, dated in [since, until] (inclusive).

    Articles without a date are left out when a date bound is given.
    """

    articles: tuple[str, ...] | None = None
    since: str | None = None  # YYYY-MM-DD
    until: str | None = None

    @property
    def everything(self) -> bool:
        return self.articles is None and self.since is None and self.until is None

    def allows(self, article_id: str, day: str | None) -> bool:
        """Whether an article with this id and date (YYYY-MM-DD or None) passes, as the
        storages' searches filter in SQL."""
        if self.articles is not None and article_id not in self.articles:
            return False
        if self.since is not None and (day is None or day < self.since):
            return False
        return self.until is None or (day is not None and day <= self.until)


@dataclass(frozen=True)
class NewSentence:
    position: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class KeptSentence:
    id: int
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class ArticleWrite:
    """One article's new state, as the collection worked it out from a diff.

    The storage applies it in one transaction, and only if the stored article's checksum
    is still `expected_sha256` (None: not stored); otherwise it raises StaleArticle.
    """

    id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    text: str
    sha256: str
    added: str  # when, ISO 8601 UTC
    expected_sha256: str | None
    model_id: str
    removed: list[int] = field(default_factory=list)  # sentence ids to delete
    kept: list[KeptSentence] = field(default_factory=list)  # ids kept, at new positions
    fresh: list[NewSentence] = field(default_factory=list)  # inserted under new ids
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))


class CollectionStorage(Protocol):
    """Articles, sentences and sentence vectors of one collection, and search over them.

    Sentence ids are assigned by the storage on insert and never reused. Every method is
    safe to call from several threads; writes are atomic per article.
    """

    name: str  # the collection's name, for messages

    @property
    def local_folder(self) -> Path:
        """Where this machine caches the per-article indexes used for answering."""
        ...

    def meta(self, key: str) -> str | None:
        """A value from the collection's meta table ("model_id", "dimensions")."""
        ...

    def generation(self) -> int:
        """A counter bumped by every committed change."""
        ...

    def article(self, article_id: str) -> ArticleRow | None: ...

    def article_text(self, article_id: str) -> str | None: ...

    def articles(self) -> list[StoredArticle]:
        """Every article, oldest first."""
        ...

    def stored_sentences(self, article_id: str) -> list[tuple[int, str]]:
        """(sentence id, text) of an article's sentences in reading order."""
        ...

    def sentence(self, sentence_id: int) -> tuple[str, int, str] | None:
        """(article id, position, text), or None."""
        ...

    def sentence_count(self, article_id: str | None = None) -> int: ...

    def write_article(self, write: ArticleWrite) -> None:
        """Apply `write` in one transaction (StaleArticle, ModelMismatch: nothing written)."""
        ...

    def remove_article(self, article_id: str) -> int | None:
        """Delete an article and its sentences; how many sentences, or None if unknown."""
        ...

    def search(self, vector: np.ndarray, k: int, where: ArticleFilter) -> list[tuple[int, str]]:
        """(sentence id, article id) of the `k` sentences closest to `vector` (inner
        product) among the articles `where` allows, best first (see `nearest`)."""
        ...

    def refresh(self) -> None:
        """Bring any derived search index up to date with the stored vectors."""
        ...

    def close(self) -> None: ...


def nearest(
    store: VectorStore | None,
    vector: np.ndarray,
    k: int,
    allowed: list[int] | None,
    owners: Callable[[list[int]], dict[int, str]],
) -> list[tuple[int, str]]:
    """(sentence id, article id) of the `k` sentences in `store` closest to `vector`,
    best first: only `allowed` sentence ids (None: any), and only sentences `owners`
    still finds an article for (a derived index may hold some removed since)."""
    if store is None or (allowed is not None and not allowed):
        return []
    _, ids = store.search(np.asarray(vector, dtype=np.float32).reshape(1, -1), k, allowed)
    found = [int(i) for i in ids[0] if i >= 0]
    article_of = owners(found) if found else {}
    return [(sid, article_of[sid]) for sid in found if sid in article_of]
