"""The articles a user has loaded, kept on disk with their indexes so they survive restarts.

Layout under the data folder::

    articles/<id>/article.txt   the clean text, UTF-8
    articles/<id>/meta.json     {"title", "source", "added"}
    articles/<id>/index/        the saved sentence index (index.persist)

An article is built in a temporary folder and renamed into place, so a crash never
leaves half of one; removal renames it away before deleting. Writes take a file lock, so
two processes sharing the folder do not interleave. The bundled article is always
present and cannot be removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import numpy as np
from filelock import FileLock

from index.embedder import Embedder
from index.persist import open_index
from index.sentences import Sentence
from qa.answer import Answer
from qa.article import BUNDLED_TITLE, check_article_text, read_article
from qa.bot import ArticleQA
from qa.errors import ArticleQAError, InvalidArticle
from qa.reading import SpanReader
from qa.storage import data_dir

BUNDLED_ID = "bundled"
ID_CHARS = 12
_PROGRESS_BATCH = 32
_TITLE_CHARS = 80

Progress = Callable[[float, str], None]  # (fraction done 0..1, what is happening)


class Answerer(Protocol):
    """What the chat needs of an article: its text to show, and answers."""

    @property
    def title(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def sentences(self) -> list[Sentence]: ...

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer: ...


class UnknownArticle(ArticleQAError):
    """No loaded article has the id asked for."""


@dataclass(frozen=True)
class ArticleEntry:
    """One loaded article as listed: its id, title, original file name and when it came."""

    id: str
    title: str
    source: str | None  # the uploaded file's name; None for pasted text and the bundled one
    added: str  # ISO 8601, UTC
    bundled: bool = False
    collection: bool = False  # a whole collection (qa.collection_view), not one article

    @property
    def label(self) -> str:
        """How a picker shows it: the title, and the file it came from when that differs."""
        if self.source and Path(self.source).stem != self.title:
            return f"{self.title} ({self.source})"
        return self.title


def article_id(text: str) -> str:
    """A stable id for an article's text: the same text uploaded twice is one article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:ID_CHARS]


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


class Library:
    """Loaded articles by id: the bundled one plus those the user added. Thread-safe.

    Args:
        root: the data folder (default qa.storage.data_dir()); articles live in root/articles.
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
        self.folder = self.root / "articles"
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

    def _file_lock(self) -> FileLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.folder / ".lock"), timeout=60)

    def _bundled_entry(self) -> ArticleEntry:
        title = self._bots[BUNDLED_ID].title if BUNDLED_ID in self._bots else BUNDLED_TITLE
        return ArticleEntry(BUNDLED_ID, title, None, "", bundled=True)

    def _read_entry(self, folder: Path) -> ArticleEntry | None:
        """The entry saved in `folder`, or None when it is not a complete article."""
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
            if not (folder / "article.txt").is_file():
                return None
            return ArticleEntry(folder.name, str(meta["title"]), meta.get("source"), meta["added"])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged folder is skipped, never shown half-working

    def entries(self) -> list[ArticleEntry]:
        """Every loaded article: the bundled one first, then the others oldest first."""
        found = []
        if self.folder.is_dir():
            for folder in self.folder.iterdir():
                if folder.is_dir() and not folder.name.startswith("."):
                    entry = self._read_entry(folder)
                    if entry is not None:
                        found.append(entry)
        found.sort(key=lambda entry: (entry.added, entry.id))
        return [self._bundled_entry(), *found]

    def entry(self, article: str) -> ArticleEntry:
        """The entry for one id, or raise UnknownArticle."""
        if article == BUNDLED_ID:
            return self._bundled_entry()
        entry = self._read_entry(self._folder_of(article)) if _valid_id(article) else None
        if entry is None:
            raise UnknownArticle(f"no loaded article has the id {article!r}")
        return entry

    def __contains__(self, article: object) -> bool:
        if not isinstance(article, str):
            return False
        try:
            self.entry(article)
        except UnknownArticle:
            return False
        return True

    def _folder_of(self, article: str) -> Path:
        return self.folder / article

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
                text = read_article(self._folder_of(article) / "article.txt")
                bot = self._new_bot(text, entry.title, self._folder_of(article) / "index")
            self._bots[article] = bot
            return bot

    def answerer(self, article: str = BUNDLED_ID) -> Answerer:
        """What answers questions about the entry `article` (see qa.collection_view)."""
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
        article = article_id(text)
        existing = self._read_entry(self._folder_of(article))
        if existing is not None:
            return existing
        report = progress or (lambda fraction, description: None)
        entry = ArticleEntry(
            article,
            (title or "").strip()[:_TITLE_CHARS] or default_title(text),
            Path(source).name if source else None,
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".new-{article}-", dir=self.folder))
        try:
            report(0.0, "Splitting into sentences")
            try:
                open_index(staging / "index", text, ProgressEmbedder(self.embedder, report))
            except ValueError as exc:  # no sentences at all
                raise InvalidArticle(f"{source or 'the article'} has no sentences") from exc
            (staging / "article.txt").write_text(text, "utf-8")
            meta = {k: v for k, v in asdict(entry).items() if k in ("title", "source", "added")}
            (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            with self._file_lock():
                target = self._folder_of(article)
                if self._read_entry(target) is None:
                    shutil.rmtree(target, ignore_errors=True)  # a damaged leftover
                    os.replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        report(1.0, "Ready")
        return self.entry(article)

    def remove(self, article: str) -> None:
        """Forget an article and delete its files; the bundled one cannot be removed."""
        if article == BUNDLED_ID:
            raise InvalidArticle("the bundled article cannot be removed")
        self.entry(article)  # raises UnknownArticle
        with self._lock, self._file_lock():
            self._bots.pop(article, None)
            target = self._folder_of(article)
            # Renamed away first: other readers see it gone at once, never half-deleted.
            doomed = self.folder / f".removed-{article}-{os.getpid()}-{threading.get_ident()}"
            os.replace(target, doomed)
            shutil.rmtree(doomed, ignore_errors=True)


def _valid_id(article: str) -> bool:
    # Ids are hex digests; anything else (a path, "..") never reaches the file system.
    return len(article) == ID_CHARS and all(char in "0123456789abcdef" for char in article)
