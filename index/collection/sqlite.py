"""A collection in a local folder: one SQLite file of truth and a FAISS index derived
from it. The default storage (index.collection.rows.CollectionStorage), for one machine;
index.collection.postgres keeps collections that several app servers share.

Layout of a SQLite collection folder (under the data folder: collections/<name>/)::

    archive.sqlite3   articles (text and metadata) and sentences (text, offsets, vector)
    vectors.faiss     all sentence vectors under their sentence ids (index.tiers)
    vectors.json      the tier and the database generation the index was built from
    indexes/<id>/     per-article indexes for answering (index.persist), a local cache

SQLite is the source of truth and every article is written in one transaction, so an
interrupted `add` loses nothing that was committed and never half an article. The FAISS
index is derived: when its generation does not match the database's it is rebuilt from
the stored vectors, without embedding anything again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from filelock import FileLock

from index.collection.rows import (
    ArticleFilter,
    ArticleRow,
    ArticleWrite,
    ModelMismatch,
    StaleArticle,
    StoredArticle,
    nearest,
)
from index.store import FaissStore
from index.tiers import Tier, build_store, load_store

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, source TEXT, url TEXT,
    sha256 TEXT NOT NULL, added TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY AUTOINCREMENT, article TEXT NOT NULL, position INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_by_article ON sentences (article, position);
CREATE INDEX IF NOT EXISTS articles_by_date ON articles (date);
"""


class SqliteCollectionStorage:
    """A collection in a local folder: SQLite is the truth, FAISS is derived from it.

    Processes sharing the folder see each other's commits; the FAISS index follows the
    database's generation.
    """

    def __init__(self, folder: Path, *, dimensions: Callable[[], int] | None = None) -> None:
        """`dimensions`: the embedder's, asked only to index an empty collection."""
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.name = self.folder.name
        self._dimensions = dimensions
        self._lock = threading.RLock()
        self._file_lock = FileLock(str(self.folder / ".lock"), timeout=120)
        self._db = sqlite3.connect(
            self.folder / "archive.sqlite3",
            check_same_thread=False,
            isolation_level=None,
            timeout=120,
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._store: FaissStore | None = None
        self._store_generation = -1

    @property
    def local_folder(self) -> Path:
        return self.folder

    def _query(self, query: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(query, args).fetchall()

    # -- reading ----------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def generation(self) -> int:
        return int(self.meta("generation") or 0)

    def article(self, article_id: str) -> ArticleRow | None:
        rows = self._query(
            "SELECT id, title, date, source, url, sha256, added FROM articles WHERE id = ?",
            (article_id,),
        )
        return ArticleRow(*rows[0]) if rows else None

    def article_text(self, article_id: str) -> str | None:
        rows = self._query("SELECT text FROM articles WHERE id = ?", (article_id,))
        return rows[0][0] if rows else None

    def articles(self) -> list[StoredArticle]:
        rows = self._query(
            "SELECT a.id, a.title, a.date, a.source, a.url, COUNT(s.id), a.added "
            "FROM articles a LEFT JOIN sentences s ON s.article = a.id "
            "GROUP BY a.id ORDER BY a.added, a.id"
        )
        return [StoredArticle(*row) for row in rows]

    def stored_sentences(self, article_id: str) -> list[tuple[int, str]]:
        rows = self._query(
            "SELECT id, text FROM sentences WHERE article = ? ORDER BY position", (article_id,)
        )
        return [(int(i), t) for i, t in rows]

    def sentence(self, sentence_id: int) -> tuple[str, int, str] | None:
        rows = self._query(
            "SELECT article, position, text FROM sentences WHERE id = ?", (sentence_id,)
        )
        return (rows[0][0], int(rows[0][1]), rows[0][2]) if rows else None

    def sentence_count(self, article_id: str | None = None) -> int:
        if article_id is None:
            return int(self._query("SELECT COUNT(*) FROM sentences")[0][0])
        rows = self._query("SELECT COUNT(*) FROM sentences WHERE article = ?", (article_id,))
        return int(rows[0][0])

    # -- writing ----------------------------------------------------------------------------

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _bump(self) -> None:
        generation = self._db.execute("SELECT value FROM meta WHERE key = 'generation'")
        row = generation.fetchone()
        self._set_meta("generation", str(int(row[0] if row else 0) + 1))

    def write_article(self, write: ArticleWrite) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")  # one writer at a time, across processes
            try:
                row = self._db.execute(
                    "SELECT sha256 FROM articles WHERE id = ?", (write.id,)
                ).fetchone()
                if (row[0] if row else None) != write.expected_sha256:
                    raise StaleArticle(f"article {write.id} changed while it was being added")
                model = self._db.execute("SELECT value FROM meta WHERE key = 'model_id'")
                stored = model.fetchone()
                if stored is not None and stored[0] != write.model_id:
                    raise ModelMismatch(self.name, stored[0], write.model_id)
                self._db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        write.id,
                        write.title,
                        write.date,
                        write.source,
                        write.url,
                        write.sha256,
                        write.added,
                        write.text,
                    ),
                )
                self._db.executemany(
                    "DELETE FROM sentences WHERE id = ?", [(i,) for i in write.removed]
                )
                self._db.executemany(
                    "UPDATE sentences SET position = ?, start = ?, end = ? WHERE id = ?",
                    [(k.position, k.start, k.end, k.id) for k in write.kept],
                )
                vectors = np.ascontiguousarray(write.vectors, dtype=np.float32)
                self._db.executemany(
                    "INSERT INTO sentences (article, position, text, start, end, vector) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (write.id, s.position, s.text, s.start, s.end, vector.tobytes())
                        for s, vector in zip(write.fresh, vectors, strict=True)
                    ],
                )
                self._set_meta("model_id", write.model_id)
                if len(write.fresh):
                    self._set_meta("dimensions", str(vectors.shape[1]))
                self._bump()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def remove_article(self, article_id: str) -> int | None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                gone = self._db.execute("DELETE FROM sentences WHERE article = ?", (article_id,))
                removed = self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                if removed.rowcount == 0:
                    self._db.execute("ROLLBACK")
                    return None
                self._bump()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return int(gone.rowcount)

    # -- the FAISS index ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.refresh_index()

    def refresh_index(self) -> FaissStore:
        """The sentence index, rebuilt from stored vectors if the database moved on."""
        with self._lock:
            generation = self.generation()
            if self._store is not None and self._store_generation == generation:
                return self._store
            vectors_file, stamp_file = self.folder / "vectors.faiss", self.folder / "vectors.json"
            if stamp_file.is_file() and vectors_file.is_file():
                stamp = json.loads(stamp_file.read_text("utf-8"))
                if stamp.get("generation") == generation:
                    self._store, self._store_generation = load_store(vectors_file), generation
                    return self._store
            rows = self._db.execute("SELECT id, vector FROM sentences ORDER BY id").fetchall()
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32)
            store, tier = build_store(vectors.reshape(-1, self._vector_size(rows)), ids)
            with self._file_lock:
                store.save(self.folder / "vectors.faiss.tmp")
                (self.folder / "vectors.faiss.tmp").replace(vectors_file)
                stamp_file.write_text(
                    json.dumps({"generation": generation, "tier": tier.__dict__}), "utf-8"
                )
            self._store, self._store_generation = store, generation
            return store

    def _vector_size(self, rows: list[tuple[int, bytes]]) -> int:
        if rows:
            return len(rows[0][1]) // 4  # float32
        stored = self.meta("dimensions")
        if stored is not None:
            return int(stored)
        return self._dimensions() if self._dimensions is not None else 1  # nothing to search

    def tier(self) -> Tier:
        """The index tier in use and the recall it measured when built."""
        self.refresh_index()
        return Tier(**json.loads((self.folder / "vectors.json").read_text("utf-8"))["tier"])

    def _allowed(self, where: ArticleFilter) -> list[int] | None:
        """The sentence ids of the articles `where` allows; None when it allows all."""
        if where.everything:
            return None
        query = "SELECT s.id FROM sentences s JOIN articles a ON a.id = s.article WHERE 1 = 1"
        args: list[str] = []
        if where.articles is not None:
            query += f" AND a.id IN ({', '.join('?' * len(where.articles))})"
            args += list(where.articles)
        if where.since is not None:
            query += " AND a.date >= ?"
            args.append(where.since)
        if where.until is not None:
            query += " AND a.date <= ?"
            args.append(where.until)
        return [int(r[0]) for r in self._query(query, args)]

    def _owners(self, sentence_ids: list[int]) -> dict[int, str]:
        rows = self._query(
            f"SELECT id, article FROM sentences WHERE id IN ({', '.join('?' * len(sentence_ids))})",
            sentence_ids,
        )
        return {int(sid): str(article) for sid, article in rows}

    def search(self, vector: np.ndarray, k: int, where: ArticleFilter) -> list[tuple[int, str]]:
        allowed = self._allowed(where)
        if allowed == []:
            return []
        return nearest(self.refresh_index(), vector, k, allowed, self._owners)

    def close(self) -> None:
        with self._lock:
            self._db.close()
