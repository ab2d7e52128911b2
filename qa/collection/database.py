"""A collection of many articles kept in a database: SQLite + FAISS in a local folder, or
PostgreSQL shared by app servers (see qa.collection.opening.open_collection).

    collection = DatabaseCollection(folder)                 # SQLite + FAISS in `folder`
    collection = DatabaseCollection(storage=PgCollectionStorage(dsn, "news"))

Where the articles, sentences and vectors live is a CollectionStorage (index.collection):
SQLite with a derived FAISS index in a local folder (the default), or PostgreSQL +
pgvector tables that several app servers share, each seeing the others' adds and removes
as soon as they commit. The DatabaseCollection holds the logic both share:

Sentence ids are stable: re-adding a changed article diffs its sentences against the
stored ones (qa.collection.changes), keeps the ids (and vectors) of unchanged sentences,
and embeds only new ones, so a saved citation still points at the same sentence. Each
article is written in one transaction, and only if nobody changed it since it was read
(else it is diffed again), so an interrupted `add` never leaves half an article and
concurrent writers never duplicate sentences; adding again skips what is already there.

Asking searches every sentence of the allowed articles, then answers from the best
articles with the per-article pipeline (qa.collection.answering), whose calibrated
abstention carries over. Those per-article indexes are a cache on each machine, never
shared: under the collection folder (indexes/<article id>/) for SQLite, under the data
folder (cache/collections/...) for PostgreSQL.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

import numpy as np

from index.collection import (
    ArticleFilter,
    ArticleRow,
    CollectionStorage,
    ModelMismatch,
    SqliteCollectionStorage,
    StaleArticle,
    StoredArticle,
)
from index.embedder import Embedder, default_embedder
from index.store import FaissStore
from index.tiers import Tier
from qa.answer import Answer
from qa.bot import ArticleQA, check_question
from qa.collection.answering import (
    ARTICLES_READ,
    ArticleBots,
    article_filter,
    cite,
    rank_articles,
)
from qa.collection.changes import Added, plan_write, text_sha256
from qa.collection.entries import Answerer, ArticleEntry, UnknownArticle
from qa.collection.timeline import collection_timeline
from qa.errors import ArticleQAError
from qa.followup import about_last_answer, last_cited, read_question
from qa.ingest import ArticleRecord, Skipped, check_date
from qa.question_form import tidy
from qa.reading import SpanReader
from qa.timeline_request import asks_timeline

WRITE_ATTEMPTS = 5  # diffs of one article before giving up on a writer that keeps changing it


class DatabaseCollection:
    """A named collection of articles in a database. Thread-safe; processes and servers
    share it.

    `folder`: with the default storage, the collection's folder (SQLite and FAISS
    there). With `storage=` (e.g. index.collection.postgres.PgCollectionStorage), only
    where this machine caches per-article indexes; default `storage.local_folder`.
    """

    def __init__(
        self,
        folder: Path | str | None = None,
        *,
        storage: CollectionStorage | None = None,
        embedder: Embedder | None = None,
        reader: SpanReader | bool | None = True,
    ) -> None:
        self._embedder = embedder
        self.reader = reader
        if storage is None:
            if folder is None:
                raise TypeError("DatabaseCollection needs a folder or a storage")
            storage = SqliteCollectionStorage(
                Path(folder), dimensions=lambda: self.embedder.dimensions
            )
        self.storage: CollectionStorage = storage
        self.folder = Path(folder) if folder is not None else storage.local_folder
        self._lock = threading.RLock()
        self._bots = ArticleBots(storage, self.folder, lambda: self.embedder, reader)
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
            sha = text_sha256(record.text)
            embedded: dict[str, np.ndarray] = {}  # kept across attempts
            for _ in range(WRITE_ATTEMPTS):
                row = self.storage.article(record.id)
                if row is not None and row.sha256 == sha:
                    kept = self.storage.sentence_count(record.id)
                    return Added(record.id, "unchanged", 0, kept, 0)
                write = plan_write(self.storage, record, day, row, self.embedder, embedded)
                try:
                    self.storage.write_article(write)
                except StaleArticle:
                    continue  # someone else changed it meanwhile: diff against theirs
                self._bots.forget(record.id)
                outcome = "updated" if row is not None else "added"
                return Added(
                    record.id, outcome, len(write.fresh), len(write.kept), len(write.removed)
                )
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
            self._bots.forget(article_id)
            if gone is None:
                raise UnknownArticle(f"no article {article_id!r} in {self.name}")
            self.storage.refresh()
            # The per-article sentence index is a cache of the removed text: drop it too.
            shutil.rmtree(self.folder / "indexes" / article_id, ignore_errors=True)
            return gone

    # -- the FAISS index (SQLite collections) --------------------------------------------------

    def _sqlite(self) -> SqliteCollectionStorage:
        if not isinstance(self.storage, SqliteCollectionStorage):
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
            raise UnknownArticle(f"no sentence {sentence_id} in {self.name}")
        return found

    def sentence_ids(self, article_id: str) -> list[int]:
        """An article's sentence ids in reading order."""
        return [sid for sid, _ in self.storage.stored_sentences(article_id)]

    def sentence_count(self, article_id: str | None = None) -> int:
        """How many sentences the collection (or one article) holds."""
        return self.storage.sentence_count(article_id)

    def article_bot(self, article_id: str) -> tuple[ArticleRow, ArticleQA] | None:
        """The article and its per-article pipeline; None if it was removed meanwhile."""
        return self._bots.get(article_id)

    def best_articles(
        self, query: str, where: ArticleFilter | None = None, count: int = ARTICLES_READ
    ) -> list[str]:
        """The articles holding the sentences closest to the query, best first."""
        return rank_articles(self.storage, self.embedder, query, where or ArticleFilter(), count)

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
        # Typos are mended by each article's own words (ArticleQA.read); the form here.
        tidied = tidy(check_question(question))
        reading = read_question(tidied, history)
        where = article_filter(articles, since, until)
        # "Tell me more" goes on in the article the last answer came from (qa.continuation),
        # "Where does it say that?" quotes it (qa.source_request) and "When was that?"
        # dates it (qa.date_request): their words would rank the articles at random.
        if asks_timeline(tidied):
            return collection_timeline(self.articles(), where, self.article_bot, self.sentence_ids)
        last = last_cited(history).article_id if about_last_answer(tidied) else None
        chosen = [last] if last is not None else self.best_articles(reading.query, where)
        answers = []
        for article in chosen:
            found = self.article_bot(article)
            if found is not None:
                row, bot = found
                answers.append((row, bot.ask(question, history)))
        if not answers:
            return Answer("", False, 0.0, [], "no article in the collection matches the filters")
        row, best = max(answers, key=lambda pair: (pair[1].found, pair[1].score))
        return cite(best, row, self.sentence_ids(row.id))

    # -- as a Collection (qa.collection.entries) ------------------------------------------------

    def entries(self) -> list[ArticleEntry]:
        """Every article, oldest first."""
        return [ArticleEntry(a.id, a.title, a.source, a.added) for a in self.articles()]

    def entry(self, article: str) -> ArticleEntry:
        row = self.storage.article(article)
        if row is None:
            raise UnknownArticle(f"no article {article!r} in {self.name}")
        return ArticleEntry(row.id, row.title, row.source, row.added)

    def answerer(self, article: str) -> Answerer:
        found = self.article_bot(article)
        if found is None:
            raise UnknownArticle(f"no article {article!r} in {self.name}")
        return found[1]

    def close(self) -> None:
        self.storage.close()

    def __enter__(self) -> DatabaseCollection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
