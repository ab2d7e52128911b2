"""Save an index to a folder and load it back, never trusting a stale or broken one.

Layout: each save writes a new version folder, then atomically repoints `CURRENT`
at it (os.replace). A crash mid-write leaves `CURRENT` on the previous complete
version, so there is always a loadable index or none, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

from filelock import FileLock

from index.embedder import Embedder
from index.sentence_index import SentenceIndex, Splitter, article_checksum
from index.sentences import Sentence, split_sentences
from index.store import FaissStore

# 2: FAISS indexes are id-mapped (IndexIDMap2); 3: sentences embedded with straight
# quotation marks (index.quotes), so a version 2 index's vectors are rebuilt
FORMAT_VERSION = 3
_POINTER = "CURRENT"
_FILES = ("sentences.json", "sentences.faiss", "windows.faiss")


class StaleIndex(Exception):
    """A saved index that must not be used; the message says why."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _lock(folder: Path) -> FileLock:
    # Two processes sharing a data folder must not interleave their writes.
    return FileLock(str(folder / ".lock"), timeout=60)


def save_index(index: SentenceIndex, folder: Path) -> Path:
    """Write `index` as the folder's current version; returns the version folder."""
    folder.mkdir(parents=True, exist_ok=True)
    with _lock(folder):
        version = Path(tempfile.mkdtemp(prefix="v-", dir=folder))
        (version / "sentences.json").write_text(
            json.dumps([asdict(s) for s in index.sentences], ensure_ascii=False), "utf-8"
        )
        index.sentence_store.save(version / "sentences.faiss")
        index.window_store.save(version / "windows.faiss")
        manifest = {
            "format_version": FORMAT_VERSION,
            "model_id": index.model_id,
            "dimensions": index.sentence_store.dimensions,
            "article_sha256": index.checksum,
            "sentence_count": len(index.sentences),
            "files": {name: _sha256(version / name) for name in _FILES},
        }
        (version / "manifest.json").write_text(json.dumps(manifest, indent=2), "utf-8")
        for path in version.iterdir():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        _fsync_dir(version)
        pointer_tmp = folder / f"{_POINTER}.tmp"
        pointer_tmp.write_text(version.name, "utf-8")
        os.replace(pointer_tmp, folder / _POINTER)
        _fsync_dir(folder)
        for old in folder.glob("v-*"):
            if old != version:
                shutil.rmtree(old, ignore_errors=True)
        return version


def load_index(folder: Path, text: str, embedder: Embedder) -> SentenceIndex:
    """Load the folder's current index for `text`; raises StaleIndex saying why it can't."""
    if not (folder / _POINTER).is_file():
        raise StaleIndex(f"no saved index in {folder}")
    # Under the writers' lock: a writer deletes the old version right after repointing.
    with _lock(folder):
        return _load_current(folder, text, embedder)


def _load_current(folder: Path, text: str, embedder: Embedder) -> SentenceIndex:
    pointer = folder / _POINTER
    if not pointer.is_file():
        raise StaleIndex(f"no saved index in {folder}")
    version = folder / pointer.read_text("utf-8").strip()
    try:
        manifest = json.loads((version / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise StaleIndex(f"unreadable manifest in {version}: {exc}") from exc
    expected = {
        "format_version": FORMAT_VERSION,
        "model_id": embedder.model_id,
        "dimensions": embedder.dimensions,
        "article_sha256": article_checksum(text),
    }
    for key, value in expected.items():
        if manifest.get(key) != value:
            raise StaleIndex(f"index {key} is {manifest.get(key)!r}, expected {value!r}")
    for name in _FILES:
        path = version / name
        if not path.is_file() or _sha256(path) != manifest.get("files", {}).get(name):
            raise StaleIndex(f"index file {name} is missing or corrupted")
    try:
        raw = json.loads((version / "sentences.json").read_text("utf-8"))
        sentences = [Sentence(**row) for row in raw]
    except (OSError, ValueError, TypeError) as exc:
        raise StaleIndex(f"unreadable sentences in {version}: {exc}") from exc
    try:
        sentence_store = FaissStore.load(version / "sentences.faiss")
        window_store = FaissStore.load(version / "windows.faiss")
    except (RuntimeError, ValueError) as exc:  # FAISS raises RuntimeError on bad files
        raise StaleIndex(f"unreadable vectors in {version}: {exc}") from exc
    return SentenceIndex(
        text=text,
        sentences=sentences,
        sentence_store=sentence_store,
        window_store=window_store,
        model_id=embedder.model_id,
    )


def saved_model_id(folder: Path) -> str | None:
    """The model the folder's current index was embedded with; None without a readable one.

    Questions must be embedded by that same model: a caller picks its embedder by it.
    """
    try:
        version = folder / (folder / _POINTER).read_text("utf-8").strip()
        model = json.loads((version / "manifest.json").read_text("utf-8")).get("model_id")
    except (OSError, ValueError, AttributeError):
        return None
    return model if isinstance(model, str) else None


def open_index(
    folder: Path | None, text: str, embedder: Embedder, split: Splitter = split_sentences
) -> tuple[SentenceIndex, str]:
    """Load the saved index for `text`, or build (and save) a fresh one, split by `split`.

    Returns the index and a one-line note of what happened ("loaded", or why it rebuilt).
    """
    if folder is None:
        return SentenceIndex.build(text, embedder, split), "built in memory"
    try:
        return load_index(folder, text, embedder), f"loaded from {folder}"
    except StaleIndex as stale:
        index = SentenceIndex.build(text, embedder, split)
        save_index(index, folder)
        return index, f"rebuilt ({stale})"
