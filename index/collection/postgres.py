"""A collection in PostgreSQL + pgvector, which several app servers share.

    storage = PgCollectionStorage("postgresql://user@host:5432/db", "news")
    collection = DatabaseCollection(storage=storage, embedder=...)  # qa.collection

The CollectionStorage contract (index.collection.rows) on four tables, named after the
collection so that many collections share one database::

    <name>_meta       key/value: model_id, dimensions, generation
    <name>_articles   id, title, date, source, url, sha256, added, text
    <name>_sentences  id (identity: never reused), article, position, text, start, end
    <name>_vectors    id (the sentence's), embedding vector(d): a PgVectorStore

The tables are created (with the `vector` extension) when missing; <name>_vectors when
the first vectors fix the dimension. A collection written before its vectors had a table
of their own (an `embedding` column of <name>_sentences) is moved over when opened. The
collection keeps one embedding model: its id is stored in <name>_meta and every write
checks it.

Every article is written in one transaction, vectors included (the vector store shares
the collection's connection, index.postgres.Database), holding an advisory lock on the
article and checking that the article is still as the writer read it (else StaleArticle,
and the collection diffs again), so app servers adding at the same time neither lose nor
duplicate sentences. Whatever one server commits the others see on their next query:
there is no derived index to rebuild.

Search goes through the vector store, among the sentence ids of the articles the filter
allows, so a filter never starves the result. Exact (a scan) by default; `index="hnsw"`
adds an HNSW index (vector_ip_ops) for large collections. The index belongs to the
table: every server then searches through it.

What stays on each machine: the per-article indexes used for answering (ArticleQA),
cached under the data folder (see `local_folder`); they are checked against the
article's text, so a changed article is re-indexed, never answered from a stale cache.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Literal

import numpy as np
import psycopg
from psycopg import sql

from index.collection.pg_tables import CollectionTables
from index.collection.rows import (
    ArticleFilter,
    ArticleRow,
    ArticleWrite,
    ModelMismatch,
    StaleArticle,
    StoredArticle,
    nearest,
)
from index.errors import ArticleQAError
from index.paths import data_dir
from index.pg_store import PgVectorStore
from index.postgres import Database, describe

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")  # leaves room for "_sentences_by_article"


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise ArticleQAError(
            f"collection name {name!r} cannot name PostgreSQL tables: use up to 40 letters, "
            "digits, '_' or '-', starting with a letter or digit"
        )
    return name


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class PgCollectionStorage:
    """The collection `name` in the database at `dsn` (tables <name>_meta, _articles,
    _sentences, _vectors)."""

    def __init__(
        self,
        dsn: str,
        name: str,
        *,
        index: Literal["exact", "hnsw"] = "exact",
        ef_search: int = 100,
        cache: Path | None = None,
        connect_timeout: int = 10,
    ) -> None:
        """`cache`: where this machine keeps per-article indexes (default: under the data
        folder, cache/collections/<server and database digest>-<name>)."""
        if index not in ("exact", "hnsw"):
            raise ValueError(f"index must be 'exact' or 'hnsw', not {index!r}")
        self.database = Database(dsn, connect_timeout=connect_timeout, label=f"collection {name}")
        self.dsn = dsn
        self.name = check_name(name)
        self.index = index
        self.ef_search = ef_search
        self._cache = cache
        self._tables = CollectionTables(name)
        self._articles_t = self._tables.articles
        self._sentences_t = self._tables.sentences
        self._vectors: PgVectorStore | None = None
        self.database.run(self._create)

    @property
    def local_folder(self) -> Path:
        if self._cache is not None:
            return self._cache
        where = hashlib.sha256(describe(self.dsn).encode()).hexdigest()[:12]
        return data_dir() / "cache" / "collections" / f"{where}-{self.name}"

    def __enter__(self) -> PgCollectionStorage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PgCollectionStorage({describe(self.dsn)!r}, {self.name!r})"

    # -- reading ----------------------------------------------------------------------------

    def _fetch(self, query: sql.Composable, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self.database.fetch(query, args)

    def meta(self, key: str) -> str | None:
        return self.database.run(lambda conn: self._tables.meta_value(conn, key))

    def generation(self) -> int:
        return int(self.meta("generation") or 0)

    def article(self, article_id: str) -> ArticleRow | None:
        query = sql.SQL("SELECT id, title, date, source, url, sha256, added FROM {} WHERE id = %s")
        rows = self._fetch(query.format(self._articles_t), (article_id,))
        if not rows:
            return None
        row = rows[0]
        return ArticleRow(row[0], row[1], _day(row[2]), row[3], row[4], row[5], row[6])

    def article_text(self, article_id: str) -> str | None:
        query = sql.SQL("SELECT text FROM {} WHERE id = %s").format(self._articles_t)
        rows = self._fetch(query, (article_id,))
        return str(rows[0][0]) if rows else None

    def articles(self) -> list[StoredArticle]:
        query = sql.SQL(
            "SELECT a.id, a.title, a.date, a.source, a.url, count(s.id), a.added"
            " FROM {} AS a LEFT JOIN {} AS s ON s.article = a.id"
            " GROUP BY a.id ORDER BY a.added, a.id"
        ).format(self._articles_t, self._sentences_t)
        return [
            StoredArticle(r[0], r[1], _day(r[2]), r[3], r[4], int(r[5]), r[6])
            for r in self._fetch(query)
        ]

    def stored_sentences(self, article_id: str) -> list[tuple[int, str]]:
        query = sql.SQL("SELECT id, text FROM {} WHERE article = %s ORDER BY position")
        rows = self._fetch(query.format(self._sentences_t), (article_id,))
        return [(int(i), str(t)) for i, t in rows]

    def sentence(self, sentence_id: int) -> tuple[str, int, str] | None:
        query = sql.SQL("SELECT article, position, text FROM {} WHERE id = %s")
        rows = self._fetch(query.format(self._sentences_t), (sentence_id,))
        return (str(rows[0][0]), int(rows[0][1]), str(rows[0][2])) if rows else None

    def sentence_count(self, article_id: str | None = None) -> int:
        if article_id is None:
            query = sql.SQL("SELECT count(*) FROM {}").format(self._sentences_t)
            return int(self._fetch(query)[0][0])
        query = sql.SQL("SELECT count(*) FROM {} WHERE article = %s").format(self._sentences_t)
        return int(self._fetch(query, (article_id,))[0][0])

    def vectors(self) -> PgVectorStore | None:
        """The store of the sentence vectors; None until the first vectors fix its width."""
        if self._vectors is None:
            dimensions = self.meta("dimensions")
            if dimensions is not None:
                self._vectors = self._open_vectors(int(dimensions))
        return self._vectors

    def search(self, vector: np.ndarray, k: int, where: ArticleFilter) -> list[tuple[int, str]]:
        def work(conn: psycopg.Connection[Any]) -> list[tuple[int, str]]:
            allowed = self._tables.allowed(conn, where)
            owners = partial(self._tables.owners, conn)
            return nearest(self.vectors(), vector, k, allowed, owners)

        return self.database.run(work)  # one transaction: filter, search and owners agree

    # -- writing ----------------------------------------------------------------------------

    def write_article(self, write: ArticleWrite) -> None:
        vectors = np.ascontiguousarray(write.vectors, dtype=np.float32)

        def work(conn: psycopg.Connection[Any]) -> None:
            self._tables.lock_article(conn, write.id)
            row = conn.execute(
                sql.SQL("SELECT sha256 FROM {} WHERE id = %s").format(self._articles_t),
                (write.id,),
            ).fetchone()
            if (row[0] if row else None) != write.expected_sha256:
                raise StaleArticle(f"article {write.id} changed while it was being added")
            self._check_model(conn, write.model_id)
            if write.fresh and self._check_dimensions(conn, int(vectors.shape[1])):
                self._vectors = self._open_vectors(int(vectors.shape[1]))  # the first vectors
            self._remove_vectors(self._tables.delete_sentences(conn, ids=list(write.removed)))
            fresh = self._tables.write_rows(conn, write)
            if fresh:
                store = self.vectors()
                assert store is not None  # the width is stored by now
                store.add(vectors, fresh)
            self._tables.bump(conn)

        before = self._vectors
        try:
            self.database.run(work)
        except BaseException:
            self._vectors = before  # a vector table made by the failed write is gone
            raise

    def remove_article(self, article_id: str) -> int | None:
        def work(conn: psycopg.Connection[Any]) -> int | None:
            self._tables.lock_article(conn, article_id)
            gone = self._tables.delete_sentences(conn, article=article_id)
            self._remove_vectors(gone)
            removed = conn.execute(
                sql.SQL("DELETE FROM {} WHERE id = %s").format(self._articles_t), (article_id,)
            )
            if removed.rowcount == 0:
                return None  # nothing was deleted: the transaction commits no change
            self._tables.bump(conn)
            return len(gone)

        return self.database.run(work)

    def refresh(self) -> None:
        """Nothing to do: PostgreSQL searches the stored vectors themselves."""

    def drop(self) -> None:
        """Delete the collection's tables and everything in them."""
        self.database.run(self._tables.drop)
        self._vectors = None

    def close(self) -> None:
        self.database.close()

    # -- internals --------------------------------------------------------------------------

    def _create(self, conn: psycopg.Connection[Any]) -> None:
        self._tables.create(conn)  # holds the setup lock until this transaction ends
        dimensions = self._tables.meta_value(conn, "dimensions")
        if dimensions is not None:  # makes <name>_vectors (and its HNSW index) if missing
            self._vectors = self._open_vectors(int(dimensions))
        if self._tables.has_old_vectors(conn):
            self._tables.move_old_vectors(conn, copy=dimensions is not None)

    def _open_vectors(self, dimensions: int) -> PgVectorStore:
        """The vector store on <name>_vectors; joins the current transaction, if any."""
        return PgVectorStore(
            self.database,
            self._tables.vectors_table,
            dimensions,
            index=self.index,
            ef_search=self.ef_search,
        )

    def _remove_vectors(self, ids: list[int]) -> None:
        store = self.vectors()
        if ids and store is not None:
            store.remove(ids)

    def _check_model(self, conn: psycopg.Connection[Any], model_id: str) -> None:
        stored, _ = self._tables.claim_meta(conn, "model_id", model_id)
        if stored != model_id:
            raise ModelMismatch(self.name, stored, model_id)

    def _check_dimensions(self, conn: psycopg.Connection[Any], dimensions: int) -> bool:
        """Whether these are the collection's first vectors (their width is now stored)."""
        stored, first = self._tables.claim_meta(conn, "dimensions", str(dimensions))
        if int(stored) != dimensions:
            raise ArticleQAError(
                f"collection {self.name} holds {stored}-dimensional vectors, not {dimensions}"
            )
        return first
