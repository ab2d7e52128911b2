"""The chat's articles: the bundled one plus those the user loaded, each in its own folder
with its saved index (index.article_folders), so they survive restarts.

The bundled article is always present and cannot be removed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from index.article_folders import ArticleFolders, SavedArticle, article_id
from index.embedder import Embedder
from index.paths import data_dir
from index.persist import open_index
from qa.article import BUNDLED_TITLE, check_article_text, read_article
from qa.bot import ArticleQA
from qa.collection.entries import Answerer, ArticleEntry, UnknownArticle
from qa.errors import InvalidArticle
from qa.reading import SpanReader

__all__ = ["BUNDLED_ID", "FolderCollection", "Progress", "article_id", "default_title"]

BUNDLED_ID = "bundled"
_PROGRESS_BATCH = 32
_TITLE_CHARS = 80

Progress = Callable[[float, str], None]  # (fraction done 0..1, what is happening)


def default_title(text: str) -> str:
    """The article's first line, shortened: news articles open with their headline."""
    first = text.strip().splitlines()[0].strip().lstrip("#").strip()
    return first if len(first) <= _TITLE_CHARS else first[: _TITLE_CHARS - 1].rstrip() + "…"


class ProgressEmbedder:
    """Wraps an embedder to report how many texts are embedded; same model id, same vectors."""

    def __init__(self, inner: Embedder, progress: Progress, batch: int = _PROGRESS_BATCH) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimensions = inner.dimensions
        self.progress = progress
        self.batch = batch

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        parts = []
        for start in range(0, len(texts), self.batch):
            self.progress(start / max(len(texts), 1), f"Indexing sentences ({start}/{len(texts)})")
            parts.append(self.inner.embed(texts[start : start + self.batch]))
        self.progress(1.0, "Indexed")
        if not parts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.concatenate(parts)


class FolderCollection:
    """The chat's articles by id: the bundled one plus those the user added. Thread-safe.

    Args:
        root: the data folder (default index.paths.data_dir()); articles live in
            root/articles.
        embedder: embeds new articles and questions (default: the bundled model).
        reader: the span reader for ArticleQA (True: the shipped one; False: sentences only).
        bundled: the bundled article's ArticleQA, when the caller already has one.
    """

    def __init__(
        self,
        root: Path | None = None,
        *,
        embedder: Embedder | None = None,
        reader: SpanReader | bool | None = True,
        bundled: ArticleQA | None = None,
    ) -> None:
        self.root = Path(root) if root is not None else data_dir()
        self.folders = ArticleFolders(self.root / "articles")
        self.folder = self.folders.folder
        self._embedder = embedder
        self._reader = reader
        self._bots: dict[str, ArticleQA] = {}
        if bundled is not None:
            self._bots[BUNDLED_ID] = bundled
        self._lock = threading.RLock()

    # -- reading -------------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from index.embedder import default_embedder

            self._embedder = default_embedder()
        return self._embedder

    def _bundled_entry(self) -> ArticleEntry:
        title = self._bots[BUNDLED_ID].title if BUNDLED_ID in self._bots else BUNDLED_TITLE
        return ArticleEntry(BUNDLED_ID, title, None, "", bundled=True)

    def entries(self) -> list[ArticleEntry]:
        """Every loaded article: the bundled one first, then the others oldest first."""
        return [self._bundled_entry(), *(_entry(saved) for saved in self.folders.saved())]

    def entry(self, article: str) -> ArticleEntry:
        """The entry for one id, or raise UnknownArticle."""
        if article == BUNDLED_ID:
            return self._bundled_entry()
        saved = self.folders.read(article)
        if saved is None:
            raise UnknownArticle(f"no loaded article has the id {article!r}")
        return _entry(saved)

    def __contains__(self, article: object) -> bool:
        if not isinstance(article, str):
            return False
        try:
            self.entry(article)
        except UnknownArticle:
            return False
        return True

    def _new_bot(self, text: str, title: str, index_dir: Path | None) -> ArticleQA:
        return ArticleQA(
            text, title, embedder=self.embedder, index_dir=index_dir, reader=self._reader
        )

    def get(self, article: str = BUNDLED_ID) -> ArticleQA:
        """The ArticleQA of one loaded article, loaded from disk on first use."""
        # Checked on disk every time: another process sharing the folder may have removed it.
        entry = self.entry(article)
        with self._lock:
            if article in self._bots:
                return self._bots[article]
            if article == BUNDLED_ID:
                bot = self._load_bundled()
            else:
                text = read_article(self.folders.text_file(article))
                bot = self._new_bot(text, entry.title, self.folders.index_dir(article))
            self._bots[article] = bot
            return bot

    def answerer(self, article: str = BUNDLED_ID) -> Answerer:
        """What answers questions about the entry `article` (see qa.collection.view)."""
        return self.get(article)

    def _load_bundled(self) -> ArticleQA:
        from qa.article import BUNDLED_ARTICLE
        from qa.bot import bundled

        if self._embedder is None and isinstance(self._reader, bool):
            return bundled(self._reader)  # shared with qa.ask(), saved under the data folder
        # Another embedder's index must not overwrite the shared one: keep it in memory.
        return self._new_bot(BUNDLED_ARTICLE.read_text("utf-8"), BUNDLED_TITLE, None)

    # -- writing -------------------------------------------------------------------------

    def add(
        self,
        text: str,
        title: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
    ) -> ArticleEntry:
        """Index and save an article; returns its entry (the existing one if already loaded).

        Args:
            text: the article's clean text.
            title: shown in the picker (default: its first line).
            source: the file it came from, if uploaded.
            progress: called with (fraction, description) while indexing.
        """
        text = check_article_text(text, source or "the article")
        existing = self.folders.read(article_id(text))
        if existing is not None:
            return _entry(existing)
        report = progress or (lambda fraction, description: None)
        saved = SavedArticle(
            article_id(text),
            (title or "").strip()[:_TITLE_CHARS] or default_title(text),
            Path(source).name if source else None,
            datetime.now(UTC).isoformat(timespec="seconds"),
        )

        def build_index(folder: Path) -> None:
            report(0.0, "Splitting into sentences")
            try:
                open_index(folder, text, ProgressEmbedder(self.embedder, report))
            except ValueError as exc:  # no sentences at all
                raise InvalidArticle(f"{source or 'the article'} has no sentences") from exc

        self.folders.save(saved, text, build_index)
        report(1.0, "Ready")
        return self.entry(saved.id)

    def remove(self, article: str) -> None:
        """Forget an article and delete its files; the bundled one cannot be removed."""
        if article == BUNDLED_ID:
            raise InvalidArticle("the bundled article cannot be removed")
        self.entry(article)  # raises UnknownArticle
        with self._lock:
            self._bots.pop(article, None)
            self.folders.remove(article)


def _entry(saved: SavedArticle) -> ArticleEntry:
    return ArticleEntry(saved.id, saved.title, saved.source, saved.added)
