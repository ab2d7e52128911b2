"""The chat's articles on disk: a folder each, written whole or not at all.

Layout under the data folder::

    articles/<id>/article.txt   the clean text, UTF-8
    articles/<id>/meta.json     {"title", "source", "added"}
    articles/<id>/index/        the saved sentence index (index.persist)

An article is built in a temporary folder and renamed into place, so a crash never
leaves half of one; removal renames it away before deleting. Writes take a file lock, so
two processes sharing the folder do not interleave. What the chat does with them is
qa.collection.folders'.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

ID_CHARS = 12


@dataclass(frozen=True)
class SavedArticle:
    """What an article's folder says about it."""

    id: str
    title: str
    source: str | None  # the uploaded file's name; None for pasted text
    added: str  # ISO 8601, UTC


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
        staging = Path(tempfile.mkdtemp(prefix=f".new-{article.id}-", dir=self.folder))
        try:
            build_index(staging / "index")
            (staging / "article.txt").write_text(text, "utf-8")
            meta = {"title": article.title, "source": article.source, "added": article.added}
            (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            with self.lock():
                target = self.folder_of(article.id)
                if _read(target) is None:
                    shutil.rmtree(target, ignore_errors=True)  # a damaged leftover
                    os.replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def remove(self, article: str) -> None:
        """Delete the article's folder; other readers see it gone at once."""
        with self.lock():
            # Renamed away first: never seen half-deleted.
            doomed = self.folder / f".removed-{article}-{os.getpid()}-{threading.get_ident()}"
            os.replace(self.folder_of(article), doomed)
            shutil.rmtree(doomed, ignore_errors=True)


def _read(folder: Path) -> SavedArticle | None:
    """The article saved in `folder`, or None when it is not a complete one."""
    try:
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        if not (folder / "article.txt").is_file():
            return None
        return SavedArticle(folder.name, str(meta["title"]), meta.get("source"), meta["added"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged folder is skipped, never shown half-working
