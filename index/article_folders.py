"""The chat's articles on disk: a folder each, written whole or not at all.

Layout under the data folder::

    articles/<id>/article.txt   the clean text, UTF-8
    articles/<id>/meta.json     {"title", "source", "added", "date", "byline"}
    articles/<id>/index/        the saved sentence index (index.persist)

An article is built in a staging folder (`.new-<id>-*`) and renamed into place, so a
crash never leaves half of one; removal renames it away (`.removed-*`) before deleting.
Writes take a file lock, so two processes sharing the folder do not interleave. A writer
holds its staging folder's own lock (`.writer.lock`) while it builds: what a killed
writer left behind is told from live work by that lock, and removed when the folder is
next opened (`remove_leftovers`). What the chat does with them is qa.collection.folders'.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

ID_CHARS = 12
STAGING = ".new-"
REMOVED = ".removed-"
WRITER = ".writer.lock"  # held by the process building a staging folder


@dataclass(frozen=True)
class SavedArticle:
    """What an article's folder says about it."""

    id: str
    title: str
    source: str | None  # the uploaded file's name; None for pasted text
    added: str  # ISO 8601, UTC
    date: str | None = None  # the article's own date (YYYY-MM-DD), from its head
    byline: str | None = None  # who wrote it, from its head


def article_id(text: str) -> str:
    """A stable id for an article's text: the same text uploaded twice is one article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:ID_CHARS]


def valid_id(article: str) -> bool:
    # Ids are hex digests; anything else (a path, "..") never reaches the file system.
    return len(article) == ID_CHARS and all(char in "0123456789abcdef" for char in article)


class ArticleFolders:
    """The articles saved under `folder` (the data folder's articles/)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def lock(self) -> FileLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.folder / ".lock"), timeout=60)

    def folder_of(self, article: str) -> Path:
        return self.folder / article

    def text_file(self, article: str) -> Path:
        return self.folder_of(article) / "article.txt"

    def index_dir(self, article: str) -> Path:
        return self.folder_of(article) / "index"

    def read(self, article: str) -> SavedArticle | None:
        """The article saved under that id, or None when there is no complete one."""
        return _read(self.folder_of(article)) if valid_id(article) else None

    def saved(self) -> list[SavedArticle]:
        """Every complete article, oldest first."""
        found = []
        if self.folder.is_dir():
            for folder in self.folder.iterdir():
                if folder.is_dir() and not folder.name.startswith("."):
                    saved = _read(folder)
                    if saved is not None:
                        found.append(saved)
        return sorted(found, key=lambda saved: (saved.added, saved.id))

    def save(self, article: SavedArticle, text: str, build_index: Callable[[Path], None]) -> None:
        """Write the article whole: its text, its metadata, and the index that
        `build_index(folder)` saves; a complete article already there is kept."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with self.lock():  # remove_leftovers never sees it before its writer holds it
            staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{article.id}-", dir=self.folder))
            writer = FileLock(str(staging / WRITER), timeout=0)
            writer.acquire()
        try:
            build_index(staging / "index")
            (staging / "article.txt").write_text(text, "utf-8")
            meta = {
                "title": article.title,
                "source": article.source,
                "added": article.added,
                "date": article.date,
                "byline": article.byline,
            }
            (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            with self.lock():
                # Not moved in with the article; no cleaner looks while this lock is held.
                with contextlib.suppress(OSError):  # Windows keeps an open file
                    (staging / WRITER).unlink()
                target = self.folder_of(article.id)
                if _read(target) is None:
                    shutil.rmtree(target, ignore_errors=True)  # a damaged leftover
                    os.replace(staging, target)
        finally:
            writer.release()
            shutil.rmtree(staging, ignore_errors=True)

    def remove_leftovers(self) -> list[str]:
        """Delete what killed writers left: staging folders no live writer holds, and
        folders removed half-way. Returns their names.

        Safe while other processes share the folder: a live writer holds its staging
        folder's lock, and removals happen under the folder's lock, taken here too.
        """
        if not self.folder.is_dir():
            return []
        removed = []
        with self.lock():
            for entry in sorted(self.folder.iterdir()):
                if not entry.is_dir():
                    continue
                if entry.name.startswith(REMOVED) or (
                    entry.name.startswith(STAGING) and not _held(entry / WRITER)
                ):
                    shutil.rmtree(entry, ignore_errors=True)
                    removed.append(entry.name)
        return removed

    def remove(self, article: str) -> bool:
        """Delete the article's folder; other readers see it gone at once.

        Returns False when it was already gone: another process sharing the folder
        may have removed it since the caller looked.
        """
        with self.lock():
            # Renamed away first: never seen half-deleted.
            doomed = self.folder / f".removed-{article}-{os.getpid()}-{threading.get_ident()}"
            try:
                os.replace(self.folder_of(article), doomed)
            except FileNotFoundError:
                return False
            shutil.rmtree(doomed, ignore_errors=True)
            return True


def _held(lock_file: Path) -> bool:
    """Whether a live process holds `lock_file` (a killed one's lock goes with it)."""
    lock = FileLock(str(lock_file), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return True
    except OSError:
        return False  # no lock can be taken there: nothing is writing it
    lock.release()
    return False


def _read(folder: Path) -> SavedArticle | None:
    """The article saved in `folder`, or None when it is not a complete one."""
    try:
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        if not (folder / "article.txt").is_file():
            return None
        return SavedArticle(
            folder.name,
            str(meta["title"]),
            meta.get("source"),
            meta["added"],
            meta.get("date"),
            meta.get("byline"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged folder is skipped, never shown half-working
