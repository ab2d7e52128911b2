"""A collection of many articles: one SQLite file of truth, one FAISS index over it.

Layout of a collection folder (under the data folder: collections/<name>/)::

    archive.sqlite3   articles (text and metadata) and sentences (text, offsets, vector)
    vectors.faiss     all sentence vectors under their sentence ids (index.tiers)
    vectors.json      the tier and the database generation the index was built from
    indexes/<id>/     per-article indexes for answering (index.persist)

SQLite is the source of truth and every article is added in one transaction, so an
interrupted `add` loses nothing that was committed and never half an article; adding
again skips what is already there. The FAISS index is derived: when its generation
does not match the database's it is rebuilt from the stored vectors, without embedding
anything again.

Sentence ids are stable: re-adding a changed article diffs its sentences against the
stored ones, keeps the ids (and vectors) of unchanged sentences, and embeds only new
ones, so a saved citation still points at the same sentence.

Asking searches every sentence of the allowed articles, then answers from the best
articles with the per-article pipeline (qa.bot.ArticleQA), whose calibrated abstention
carries over.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
from filelock import FileLock

from index.embedder import Embedder, default_embedder
from index.sentences import split_sentences
from index.store import FaissStore
from index.tiers import Tier, build_store, load_store
from qa.answer import Answer
from qa.bot import ArticleQA, check_question
from qa.errors import ArticleQAError
from qa.followup import read_question
from qa.ingest import ArticleRecord, Skipped
from qa.reading import SpanReader

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
SEARCH_SENTENCES = 64  # sentences fetched per question before grouping by article
ARTICLES_READ = 2  # best articles answered with the per-article pipeline
CACHED_BOTS = 16


class UnknownCollectionArticle(ArticleQAError):
    """No article of the collection has that id."""


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
class Added:
    """What adding one article did: "added", "updated" or "unchanged", and sentence counts."""

    id: str
    outcome: str
    embedded: int  # sentences embedded (new or changed)
    kept: int  # sentences whose id and vector were kept
    removed: int


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _day(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ArticleQAError(f"date {value!r} is not YYYY-MM-DD") from None


class Archive:
    """A named collection of articles in `folder`. Thread-safe; processes share via a lock."""

    def __init__(
        self,
        folder: Path,
        *,
        embedder: Embedder | None = None,
        reader: SpanReader | bool | None = True,
    ) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._embedder = embedder
        self.reader = reader
        self._lock = threading.RLock()
        self._file_lock = FileLock(str(self.folder / ".lock"), timeout=120)
        self._db = sqlite3.connect(
            self.folder / "archive.sqlite3", check_same_thread=False, isolation_level=None
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._store: FaissStore | None = None
        self._store_generation = -1
        self._bots: OrderedDict[str, ArticleQA] = OrderedDict()
        self._check_model()

    # -- bookkeeping ------------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _check_model(self) -> None:
        """A collection's vectors come from one model; another model's would not compare."""
        if self._embedder is None and self._meta("model_id") is None:
            return  # an empty collection takes the model of its first add
        stored = self._meta("model_id")
        if stored is not None and stored != self.embedder.model_id:
            raise ArticleQAError(
                f"collection {self.folder.name} was built with {stored}, "
                f"not {self.embedder.model_id}; choose that embedder or a new collection"
            )

    @property
    def generation(self) -> int:
        """Bumped by every change; the FAISS index records the one it was built from."""
        return int(self._meta("generation") or 0)

    # -- writing ----------------------------------------------------------------------------

    def add(self, record: ArticleRecord) -> Added:
        """Add or update one article (one transaction); only new sentences are embedded."""
        with self._lock, self._file_lock:
            self._check_model()
            old = self._db.execute("SELECT sha256 FROM articles WHERE id = ?", (record.id,))
            row = old.fetchone()
            if row is not None and row[0] == _sha256(record.text):
                kept = self._count(record.id)
                return Added(record.id, "unchanged", 0, kept, 0)
            sentences = split_sentences(record.text)
            if not sentences:
                raise ArticleQAError(f"{record.title}: the article has no sentences")
            stored = self._db.execute(
                "SELECT id, text FROM sentences WHERE article = ? ORDER BY position",
                (record.id,),
            ).fetchall()
            matcher = difflib.SequenceMatcher(
                a=[text for _, text in stored], b=[s.text for s in sentences], autojunk=False
            )
            keep: dict[int, int] = {}  # new position -> kept sentence id
            for tag, i1, i2, j1, _ in matcher.get_opcodes():
                if tag == "equal":
                    for offset in range(i2 - i1):
                        keep[j1 + offset] = stored[i1 + offset][0]
            fresh = [k for k in range(len(sentences)) if k not in keep]
            vectors = self.embedder.embed([sentences[k].text for k in fresh])
            removed = [sid for sid, _ in stored if sid not in set(keep.values())]
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record.id,
                        record.title,
                        record.date,
                        record.source,
                        record.url,
                        _sha256(record.text),
                        datetime.now(UTC).isoformat(timespec="seconds"),
                        record.text,
                    ),
                )
                self._db.executemany("DELETE FROM sentences WHERE id = ?", [(i,) for i in removed])
                for position, sid in keep.items():
                    s = sentences[position]
                    self._db.execute(
                        "UPDATE sentences SET position = ?, start = ?, end = ? WHERE id = ?",
                        (position, s.start, s.end, sid),
                    )
                for k, vector in zip(fresh, vectors, strict=True):
                    s = sentences[k]
                    self._db.execute(
                        "INSERT INTO sentences (article, position, text, start, end, vector) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (record.id, k, s.text, s.start, s.end, vector.astype(np.float32).tobytes()),
                    )
                self._set_meta("model_id", self.embedder.model_id)
                self._set_meta("generation", str(self.generation + 1))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._bots.pop(record.id, None)
            outcome = "updated" if row is not None else "added"
            return Added(record.id, outcome, len(fresh), len(keep), len(removed))

    def add_many(
        self,
        records: Iterable[ArticleRecord | Skipped],
        progress: Callable[[ArticleRecord | Skipped, Added | None], None] | None = None,
    ) -> tuple[list[Added], list[Skipped]]:
        """Add every record (skipping unreadable ones), then bring the FAISS index up to date.

        Interrupting it keeps every article added so far; running it again adds the rest.
        """
        added: list[Added] = []
        skipped: list[Skipped] = []
        for record in records:
            result: Added | None = None
            if isinstance(record, Skipped):
                skipped.append(record)
            else:
                try:
                    result = self.add(record)
                    added.append(result)
                except ArticleQAError as exc:
                    skipped.append(Skipped(record.title, str(exc)))
            if progress is not None:
                progress(record, result)
        self.refresh_index()
        return added, skipped

    def remove(self, article_id: str) -> int:
        """Remove one article and exactly its sentences; returns how many sentences went."""
        with self._lock, self._file_lock:
            if self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                self._db.execute("BEGIN IMMEDIATE")
                gone = self._db.execute("DELETE FROM sentences WHERE article = ?", (article_id,))
                self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                self._set_meta("generation", str(self.generation + 1))
                self._db.execute("COMMIT")
                self._bots.pop(article_id, None)
                self.refresh_index()
                return int(gone.rowcount)
            raise UnknownCollectionArticle(f"no article {article_id!r} in {self.folder.name}")

    # -- the FAISS index ----------------------------------------------------------------------

    def refresh_index(self) -> FaissStore:
        """The sentence index, rebuilt from stored vectors if the database moved on."""
        with self._lock:
            generation = self.generation
            if self._store is not None and self._store_generation == generation:
                return self._store
            vectors_file, stamp_file = self.folder / "vectors.faiss", self.folder / "vectors.json"
            if stamp_file.is_file() and vectors_file.is_file():
                stamp = json.loads(stamp_file.read_text("utf-8"))
                if stamp.get("generation") == generation:
                    self._store, self._store_generation = load_store(vectors_file), generation
                    return self._store
            rows = self._db.execute("SELECT id, vector FROM sentences ORDER BY id").fetchall()
            dimensions = self.embedder.dimensions
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32)
            store, tier = build_store(vectors.reshape(-1, dimensions), ids)
            with self._file_lock:
                store.save(self.folder / "vectors.faiss.tmp")
                (self.folder / "vectors.faiss.tmp").replace(vectors_file)
                stamp_file.write_text(
                    json.dumps({"generation": generation, "tier": tier.__dict__}), "utf-8"
                )
            self._store, self._store_generation = store, generation
            return store

    def tier(self) -> Tier:
        """The index tier in use and the recall it measured when built."""
        self.refresh_index()
        return Tier(**json.loads((self.folder / "vectors.json").read_text("utf-8"))["tier"])

    # -- reading ----------------------------------------------------------------------------

    def _count(self, article_id: str) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM sentences WHERE article = ?", (article_id,))
        return int(row.fetchone()[0])

    def articles(self) -> list[StoredArticle]:
        """Every article, oldest first."""
        rows = self._db.execute(
            "SELECT a.id, a.title, a.date, a.source, a.url, COUNT(s.id), a.added "
            "FROM articles a LEFT JOIN sentences s ON s.article = a.id "
            "GROUP BY a.id ORDER BY a.added, a.id"
        ).fetchall()
        return [StoredArticle(*row) for row in rows]

    def sentence(self, sentence_id: int) -> tuple[str, int, str]:
        """(article id, position, text) of a sentence id, as a saved citation resolves it."""
        row = self._db.execute(
            "SELECT article, position, text FROM sentences WHERE id = ?", (sentence_id,)
        ).fetchone()
        if row is None:
            raise UnknownCollectionArticle(f"no sentence {sentence_id} in {self.folder.name}")
        return row[0], int(row[1]), row[2]

    def sentence_ids(self, article_id: str) -> list[int]:
        """An article's sentence ids in reading order."""
        rows = self._db.execute(
            "SELECT id FROM sentences WHERE article = ? ORDER BY position", (article_id,)
        )
        return [int(r[0]) for r in rows.fetchall()]

    def _allowed(
        self, articles: Sequence[str] | None, since: str | None, until: str | None
    ) -> set[str] | None:
        if articles is None and since is None and until is None:
            return None
        query, args = "SELECT id FROM articles WHERE 1 = 1", []
        if articles is not None:
            query += f" AND id IN ({', '.join('?' * len(articles))})"
            args += list(articles)
        if since is not None:
            query += " AND date >= ?"
            args.append(since)
        if until is not None:
            query += " AND date <= ?"
            args.append(until)
        return {r[0] for r in self._db.execute(query, args).fetchall()}

    def _bot(self, article_id: str) -> ArticleQA:
        with self._lock:
            if article_id in self._bots:
                self._bots.move_to_end(article_id)
                return self._bots[article_id]
            row = self._db.execute(
                "SELECT title, text FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            bot = ArticleQA.from_text(
                row[1],
                row[0],
                embedder=self.embedder,
                index_dir=self.folder / "indexes" / article_id,
                reader=self.reader if self.reader is not None else False,
            )
            self._bots[article_id] = bot
            while len(self._bots) > CACHED_BOTS:
                self._bots.popitem(last=False)
            return bot

    def best_articles(
        self,
        query: str,
        allowed: set[str] | None,
        count: int = ARTICLES_READ,
    ) -> list[str]:
        """The articles holding the sentences closest to the query, best first."""
        store = self.refresh_index()
        if len(store) == 0 or allowed == set():
            return []
        vector = self.embedder.embed([query])
        k = SEARCH_SENTENCES if allowed is None else SEARCH_SENTENCES * 8
        _, ids = store.search(vector, min(k, len(store)))
        found = [int(i) for i in ids[0] if i >= 0]
        if not found:
            return []
        rows = self._db.execute(
            f"SELECT id, article FROM sentences WHERE id IN ({', '.join('?' * len(found))})",
            found,
        ).fetchall()
        article_of = dict(rows)
        ranked: list[str] = []
        for sid in found:  # best first, as FAISS returned them
            article = article_of.get(sid)
            if article and article not in ranked and (allowed is None or article in allowed):
                ranked.append(article)
        return ranked[:count]

    def ask(
        self,
        question: str,
        history: list[dict[str, str]] | None = None,
        *,
        articles: Sequence[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> Answer:
        """Answer from the collection, optionally only from `articles` and dates in a range.

        `since`/`until` (inclusive, YYYY-MM-DD) filter on the article's date; articles
        without a date are left out when a range is given.
        """
        reading = read_question(check_question(question), history)
        allowed = self._allowed(articles, _day(since), _day(until))
        candidates = self.best_articles(reading.query, allowed)
        if not candidates:
            return Answer("", False, 0.0, [], "no article in the collection matches the filters")
        answers = [(article, self._bot(article).ask(question, history)) for article in candidates]
        article, best = max(answers, key=lambda pair: (pair[1].found, pair[1].score))
        return self._cite(best, article)

    def _cite(self, answer: Answer, article_id: str) -> Answer:
        """The answer with each citation naming its article (id, title, date, source)."""
        title, day, source = self._db.execute(
            "SELECT title, date, source FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        ids = self.sentence_ids(article_id)
        evidence = [
            replace(
                e,
                article=title,
                article_id=article_id,
                article_date=day,
                source=source,
                sentence_id=ids[e.position] if e.position < len(ids) else None,
            )
            for e in answer.evidence
        ]
        return replace(answer, evidence=evidence)

    def close(self) -> None:
        self._db.close()
