"""A collection of many articles, kept in a local folder or in PostgreSQL.

    archive = Archive(folder)                          # SQLite + FAISS in `folder`
    archive = open_collection("news")                  # <data folder>/collections/news
    archive = open_collection("news", "postgresql://user@host/db")   # shared by servers

Where the articles, sentences and vectors live is an ArchiveStorage
(qa.archive_storage): SQLite with a derived FAISS index in a local folder (the
default), or PostgreSQL + pgvector tables (qa.archive_pg) that several app servers
share, each seeing the others' adds and removes as soon as they commit. The Archive
holds the logic both share:

Sentence ids are stable: re-adding a changed article diffs its sentences against the
stored ones, keeps the ids (and vectors) of unchanged sentences, and embeds only new
ones, so a saved citation still points at the same sentence. Each article is written in
one transaction, and only if nobody changed it since it was read (else it is diffed
again), so an interrupted `add` never leaves half an article and concurrent writers
never duplicate sentences; adding again skips what is already there.

Asking searches every sentence of the allowed articles, then answers from the best
articles with the per-article pipeline (qa.bot.ArticleQA), whose calibrated abstention
carries over. Those per-article indexes are a cache on each machine, never shared:
under the collection folder (indexes/<article id>/) for SQLite, under the data folder
(cache/collections/...) for PostgreSQL. They are checked against the article's text,
so a changed article is re-indexed rather than answered from a stale cache.
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

import numpy as np

from index.embedder import Embedder, default_embedder
from index.sentences import split_sentences
from index.store import FaissStore
from index.tiers import Tier
from qa.answer import Answer
from qa.archive_storage import (
    ArchiveStorage,
    ArticleFilter,
    ArticleRow,
    ArticleWrite,
    KeptSentence,
    ModelMismatch,
    NewSentence,
    SqliteArchiveStorage,
    StaleArticle,
    StoredArticle,
)
from qa.bot import ArticleQA, check_question
from qa.errors import ArticleQAError
from qa.followup import read_question
from qa.ingest import ArticleRecord, Skipped, check_date
from qa.reading import SpanReader

__all__ = [
    "Added",
    "Archive",
    "ArchiveStorage",
    "ArticleFilter",
    "InvalidCollectionName",
    "StoredArticle",
    "UnknownCollectionArticle",
    "collection_folder",
    "open_collection",
]

SEARCH_SENTENCES = 64  # sentences fetched per question before grouping by article
ARTICLES_READ = 2  # best articles answered with the per-article pipeline
CACHED_BOTS = 16
WRITE_ATTEMPTS = 5  # diffs of one article before giving up on a writer that keeps changing it
DEFAULT_COLLECTION = "default"


class UnknownCollectionArticle(ArticleQAError):
    """No article of the collection has that id."""


class InvalidCollectionName(ArticleQAError, ValueError):
    """A collection name that cannot name a folder (or tables)."""


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


def check_day(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ArticleQAError(f"date {value!r} is not YYYY-MM-DD") from None


class Archive:
    """A named collection of articles. Thread-safe; processes and servers share it.

    `folder`: with the default storage, the collection's folder (SQLite and FAISS
    there). With `storage=` (e.g. qa.archive_pg.PgArchiveStorage), only where this
    machine caches per-article indexes; default `storage.local_folder`.
    """

    def __init__(
        self,
        folder: Path | str | None = None,
        *,
        storage: ArchiveStorage | None = None,
        embedder: Embedder | None = None,
        reader: SpanReader | bool | None = True,
    ) -> None:
        self._embedder = embedder
        self.reader = reader
        if storage is None:
            if folder is None:
                raise TypeError("Archive needs a folder or a storage")
            storage = SqliteArchiveStorage(
                Path(folder), dimensions=lambda: self.embedder.dimensions
            )
        self.storage: ArchiveStorage = storage
        self.folder = Path(folder) if folder is not None else storage.local_folder
        self._lock = threading.RLock()
        self._bots: OrderedDict[str, tuple[str, ArticleQA]] = OrderedDict()  # id: (sha, bot)
        self._check_model()

    # -- bookkeeping ------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.storage.name

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    def _check_model(self) -> None:
        """A collection's vectors come from one model; another model's would not compare."""
        stored = self.storage.meta("model_id")
        if self._embedder is None and stored is None:
            return  # an empty collection takes the model of its first add
        if stored is not None and stored != self.embedder.model_id:
            raise ModelMismatch(self.name, stored, self.embedder.model_id)

    @property
    def generation(self) -> int:
        """Bumped by every change (derived indexes record the one they were built from)."""
        return self.storage.generation()

    # -- writing ----------------------------------------------------------------------------

    def add(self, record: ArticleRecord) -> Added:
        """Add or update one article (one transaction); only new sentences are embedded."""
        with self._lock:
            self._check_model()
            day = check_date(record.date, record.title)
            sha = _sha256(record.text)
            embedded: dict[str, np.ndarray] = {}  # kept across attempts
            for _ in range(WRITE_ATTEMPTS):
                row = self.storage.article(record.id)
                if row is not None and row.sha256 == sha:
                    kept = self.storage.sentence_count(record.id)
                    return Added(record.id, "unchanged", 0, kept, 0)
                sentences = split_sentences(record.text)
                if not sentences:
                    raise ArticleQAError(f"{record.title}: the article has no sentences")
                stored = self.storage.stored_sentences(record.id)
                matcher = difflib.SequenceMatcher(
                    a=[text for _, text in stored], b=[s.text for s in sentences], autojunk=False
                )
                keep: dict[int, int] = {}  # new position -> kept sentence id
                for tag, i1, i2, j1, _ in matcher.get_opcodes():
                    if tag == "equal":
                        for offset in range(i2 - i1):
                            keep[j1 + offset] = stored[i1 + offset][0]
                fresh = [k for k in range(len(sentences)) if k not in keep]
                missing = [sentences[k].text for k in fresh if sentences[k].text not in embedded]
                if missing:
                    embedded.update(zip(missing, self.embedder.embed(missing), strict=True))
                kept_ids = set(keep.values())
                write = ArticleWrite(
                    id=record.id,
                    title=record.title,
                    date=day,
                    source=record.source,
                    url=record.url,
                    text=record.text,
                    sha256=sha,
                    added=datetime.now(UTC).isoformat(timespec="seconds"),
                    expected_sha256=row.sha256 if row is not None else None,
                    model_id=self.embedder.model_id,
                    removed=[sid for sid, _ in stored if sid not in kept_ids],
                    kept=[
                        KeptSentence(sid, k, sentences[k].start, sentences[k].end)
                        for k, sid in keep.items()
                    ],
                    fresh=[
                        NewSentence(k, sentences[k].text, sentences[k].start, sentences[k].end)
                        for k in fresh
                    ],
                    vectors=np.array(
                        [embedded[sentences[k].text] for k in fresh] or np.zeros((0, 0)),
                        dtype=np.float32,
                    ),
                )
                try:
                    self.storage.write_article(write)
                except StaleArticle:
                    continue  # someone else changed it meanwhile: diff against theirs
                self._bots.pop(record.id, None)
                outcome = "updated" if row is not None else "added"
                return Added(record.id, outcome, len(fresh), len(keep), len(write.removed))
            raise ArticleQAError(
                f"{record.title}: other writers kept changing the article; try again"
            )

    def add_many(
        self,
        records: Iterable[ArticleRecord | Skipped],
        progress: Callable[[ArticleRecord | Skipped, Added | None], None] | None = None,
    ) -> tuple[list[Added], list[Skipped]]:
        """Add every record (skipping unreadable ones), then bring the search index up to date.

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
        self.storage.refresh()
        return added, skipped

    def remove(self, article_id: str) -> int:
        """Remove one article and exactly its sentences; returns how many sentences went."""
        with self._lock:
            gone = self.storage.remove_article(article_id)
            self._bots.pop(article_id, None)
            if gone is None:
                raise UnknownCollectionArticle(f"no article {article_id!r} in {self.name}")
            self.storage.refresh()
            # The per-article sentence index is a cache of the removed text: drop it too.
            shutil.rmtree(self.folder / "indexes" / article_id, ignore_errors=True)
            return gone

    # -- the FAISS index (SQLite collections) --------------------------------------------------

    def _sqlite(self) -> SqliteArchiveStorage:
        if not isinstance(self.storage, SqliteArchiveStorage):
            raise ArticleQAError(
                f"collection {self.name} is searched by its database; it has no FAISS index"
            )
        return self.storage

    def refresh_index(self) -> FaissStore:
        """The sentence index, rebuilt from stored vectors if the database moved on."""
        return self._sqlite().refresh_index()

    def tier(self) -> Tier:
        """The index tier in use and the recall it measured when built."""
        return self._sqlite().tier()

    # -- reading ----------------------------------------------------------------------------

    def articles(self) -> list[StoredArticle]:
        """Every article, oldest first."""
        return self.storage.articles()

    def sentence(self, sentence_id: int) -> tuple[str, int, str]:
        """(article id, position, text) of a sentence id, as a saved citation resolves it."""
        found = self.storage.sentence(sentence_id)
        if found is None:
            raise UnknownCollectionArticle(f"no sentence {sentence_id} in {self.name}")
        return found

    def sentence_ids(self, article_id: str) -> list[int]:
        """An article's sentence ids in reading order."""
        return [sid for sid, _ in self.storage.stored_sentences(article_id)]

    def sentence_count(self, article_id: str | None = None) -> int:
        """How many sentences the collection (or one article) holds."""
        return self.storage.sentence_count(article_id)

    def article_bot(self, article_id: str) -> tuple[ArticleRow, ArticleQA] | None:
        """The article and its per-article pipeline; None if it was removed meanwhile."""
        row = self.storage.article(article_id)
        if row is None:
            return None
        with self._lock:
            cached = self._bots.get(article_id)
            if cached is not None and cached[0] == row.sha256:  # another server may edit it
                self._bots.move_to_end(article_id)
                return row, cached[1]
            text = self.storage.article_text(article_id)
            if text is None:
                return None
            bot = ArticleQA.from_text(
                text,
                row.title,
                embedder=self.embedder,
                index_dir=self.folder / "indexes" / article_id,
                reader=self.reader if self.reader is not None else False,
                date=row.date,  # metadata beats a dateline when grounding "November 23"
            )
            self._bots[article_id] = (_sha256(text), bot)
            while len(self._bots) > CACHED_BOTS:
                self._bots.popitem(last=False)
            return row, bot

    def best_articles(
        self,
        query: str,
        where: ArticleFilter | None = None,
        count: int = ARTICLES_READ,
    ) -> list[str]:
        """The articles holding the sentences closest to the query, best first."""
        vector = self.embedder.embed([query])[0]
        found = self.storage.search(vector, SEARCH_SENTENCES, where or ArticleFilter())
        ranked: list[str] = []
        for _, article in found:  # best first
            if article not in ranked:
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
        if isinstance(articles, str):
            articles = [articles]
        where = ArticleFilter(
            tuple(articles) if articles is not None else None, check_day(since), check_day(until)
        )
        answers = []
        for article in self.best_articles(reading.query, where):
            found = self.article_bot(article)
            if found is not None:
                row, bot = found
                answers.append((row, bot.ask(question, history)))
        if not answers:
            return Answer("", False, 0.0, [], "no article in the collection matches the filters")
        row, best = max(answers, key=lambda pair: (pair[1].found, pair[1].score))
        return self._cite(best, row)

    def _cite(self, answer: Answer, row: ArticleRow) -> Answer:
        """The answer with each citation naming its article (id, title, date, source)."""
        ids = self.sentence_ids(row.id)
        evidence = [
            replace(
                e,
                article=row.title,
                article_id=row.id,
                article_date=row.date,
                source=row.source,
                sentence_id=ids[e.position] if e.position < len(ids) else None,
            )
            for e in answer.evidence
        ]
        return replace(answer, evidence=evidence)

    def close(self) -> None:
        self.storage.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def collection_folder(name: str) -> Path:
    """Where a named local collection lives: <data folder>/collections/<name>."""
    from qa.storage import data_dir

    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise InvalidCollectionName(f"collection name {name!r} must be a plain name like 'news'")
    return data_dir() / "collections" / name


def open_collection(
    name: str = DEFAULT_COLLECTION,
    store: str | None = None,
    *,
    embedder: Embedder | None = None,
    reader: SpanReader | bool | None = True,
    cache: Path | None = None,
    index: Literal["exact", "hnsw"] = "exact",
) -> Archive:
    """The collection `name`: local (SQLite + FAISS under the data folder) when `store` is
    None, else in the PostgreSQL database `store` ("postgresql://user@host:port/db"), in
    tables named after the collection.

    PostgreSQL only: `cache` is where this machine keeps per-article indexes (default
    under the data folder), `index="hnsw"` searches through an HNSW index.
    """
    if not store:
        return Archive(collection_folder(name), embedder=embedder, reader=reader)
    from qa.archive_pg import PgArchiveStorage, check_name, is_postgres_dsn

    if not is_postgres_dsn(store):
        raise ArticleQAError(
            f"store {store!r} is not a PostgreSQL URL like postgresql://user@host:5432/db"
        )
    try:
        check_name(name)
    except ArticleQAError as error:
        raise InvalidCollectionName(str(error)) from None
    storage = PgArchiveStorage(store, name, index=index, cache=cache)
    try:
        return Archive(storage=storage, embedder=embedder, reader=reader)
    except BaseException:
        storage.close()
        raise
