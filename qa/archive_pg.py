"""A collection in PostgreSQL + pgvector, which several app servers share.

    storage = PgArchiveStorage("postgresql://user@host:5432/db", "news")
    archive = Archive(storage=storage, embedder=...)   # or open_collection("news", dsn)

The ArchiveStorage contract (qa.archive_storage) on three tables, named after the
collection so that many collections share one database::

    <name>_meta       key/value: model_id, dimensions, generation
    <name>_articles   id, title, date, source, url, sha256, added, text
    <name>_sentences  id (identity: never reused), article, position, text, start, end,
                      embedding vector(d)

The tables are created (with the `vector` extension) when missing; `embedding` gets its
dimension from the first vectors written. The collection keeps one embedding model: its
id is stored in <name>_meta and every write checks it.

Every article is written in one transaction, holding an advisory lock on the article
and checking that the article is still as the writer read it (else StaleArticle, and
the Archive diffs again), so app servers adding at the same time neither lose nor
duplicate sentences. Whatever one server commits the others see on their next query:
there is no derived index to rebuild.

Search is `ORDER BY embedding <#> query LIMIT k` with the article and date filters in
the WHERE clause, so a filter never starves the result. Exact (a scan) by default;
`index="hnsw"` adds an HNSW index (vector_ip_ops) for large collections, searched with
pgvector's iterative scan so filtered searches still return k rows. The index belongs
to the table: every server then searches through it.

What stays on each machine: the per-article indexes used for answering (ArticleQA),
cached under the data folder (see `local_folder`); they are checked against the
article's text, so a changed article is re-indexed, never answered from a stale cache.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np
import psycopg
from pgvector.psycopg import register_vector
from psycopg import sql

from index.pg_store import SETUP_LOCK, describe, first_line
from qa.archive_storage import (
    ArticleFilter,
    ArticleRow,
    ArticleWrite,
    ModelMismatch,
    StaleArticle,
    StoredArticle,
)
from qa.errors import ArticleQAError

T = TypeVar("T")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")  # leaves room for "_sentences_hnsw"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class PgArchiveError(ArticleQAError):
    """The database cannot be reached or used; the message is one line and says why."""


def is_postgres_dsn(store: str) -> bool:
    return store.startswith(POSTGRES_SCHEMES)


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise ArticleQAError(
            f"collection name {name!r} cannot name PostgreSQL tables: use up to 40 letters, "
            "digits, '_' or '-', starting with a letter or digit"
        )
    return name


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class PgArchiveStorage:
    """The collection `name` in the database at `dsn` (tables <name>_meta, _articles,
    _sentences)."""

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
        try:
            psycopg.conninfo.conninfo_to_dict(dsn)
        except psycopg.ProgrammingError as error:
            raise PgArchiveError(f"invalid PostgreSQL DSN: {first_line(error)}") from None
        self.dsn = dsn
        self.name = check_name(name)
        self.index = index
        self.ef_search = ef_search
        self.connect_timeout = connect_timeout
        self._cache = cache
        self._meta_t = sql.Identifier(f"{name}_meta")
        self._articles_t = sql.Identifier(f"{name}_articles")
        self._sentences_t = sql.Identifier(f"{name}_sentences")
        self._lock = threading.RLock()  # one connection, used by one thread at a time
        self._conn: psycopg.Connection[Any] | None = None
        self._run(self._create)

    @property
    def local_folder(self) -> Path:
        if self._cache is not None:
            return self._cache
        from qa.storage import data_dir

        where = hashlib.sha256(describe(self.dsn).encode()).hexdigest()[:12]
        return data_dir() / "cache" / "collections" / f"{where}-{self.name}"

    def __enter__(self) -> PgArchiveStorage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PgArchiveStorage({describe(self.dsn)!r}, {self.name!r})"

    # -- reading ----------------------------------------------------------------------------

    def _fetch(
        self, query: sql.Composed | sql.SQL, args: tuple[Any, ...] = ()
    ) -> list[tuple[Any, ...]]:
        return self._run(lambda conn: conn.execute(query, args).fetchall())

    def meta(self, key: str) -> str | None:
        query = sql.SQL("SELECT value FROM {} WHERE key = %s").format(self._meta_t)
        rows = self._fetch(query, (key,))
        return str(rows[0][0]) if rows else None

    def generation(self) -> int:
        return int(self.meta("generation") or 0)

    def article(self, article_id: str) -> ArticleRow | None:
        query = sql.SQL("SELECT id, title, date, source, url, sha256 FROM {} WHERE id = %s")
        rows = self._fetch(query.format(self._articles_t), (article_id,))
        if not rows:
            return None
        row = rows[0]
        return ArticleRow(row[0], row[1], _day(row[2]), row[3], row[4], row[5])

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

    def search(self, vector: np.ndarray, k: int, where: ArticleFilter) -> list[tuple[int, str]]:
        conditions: list[sql.Composable] = [sql.SQL("true")]
        args: list[Any] = []
        join: sql.Composable = sql.SQL("")
        if where.articles is not None:
            conditions.append(sql.SQL("s.article = ANY(%s)"))
            args.append(list(where.articles))
        if where.since is not None or where.until is not None:
            join = sql.SQL(" JOIN {} AS a ON a.id = s.article").format(self._articles_t)
            for bound, op in ((where.since, ">="), (where.until, "<=")):
                if bound is not None:
                    conditions.append(sql.SQL("a.date {} %s").format(sql.SQL(op)))
                    args.append(date.fromisoformat(bound))
        query = sql.SQL(
            "SELECT s.id, s.article FROM {} AS s{} WHERE {}"
            " ORDER BY s.embedding <#> %s::vector LIMIT %s"
        ).format(self._sentences_t, join, sql.SQL(" AND ").join(conditions))
        args += [np.asarray(vector, dtype=np.float32).reshape(-1), max(1, k)]

        def read(conn: psycopg.Connection[Any]) -> list[tuple[int, str]]:
            # Only matters where an HNSW index exists: keep scanning until k rows pass
            # the filters, in exact distance order.
            conn.execute(
                "SELECT set_config('hnsw.iterative_scan', 'strict_order', true),"
                " set_config('hnsw.ef_search', %s, true)",
                (str(max(self.ef_search, k)),),
            )
            return [(int(i), str(a)) for i, a in conn.execute(query, args).fetchall()]

        return self._run(read)

    # -- writing ----------------------------------------------------------------------------

    def write_article(self, write: ArticleWrite) -> None:
        vectors = np.ascontiguousarray(write.vectors, dtype=np.float32)

        def work(conn: psycopg.Connection[Any]) -> None:
            self._lock_article(conn, write.id)
            row = conn.execute(
                sql.SQL("SELECT sha256 FROM {} WHERE id = %s").format(self._articles_t),
                (write.id,),
            ).fetchone()
            if (row[0] if row else None) != write.expected_sha256:
                raise StaleArticle(f"article {write.id} changed while it was being added")
            self._check_model(conn, write.model_id)
            if write.fresh:
                self._check_dimensions(conn, int(vectors.shape[1]))
            conn.execute(
                sql.SQL(
                    "INSERT INTO {} (id, title, date, source, url, sha256, added, text)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET"
                    " title = EXCLUDED.title, date = EXCLUDED.date, source = EXCLUDED.source,"
                    " url = EXCLUDED.url, sha256 = EXCLUDED.sha256, added = EXCLUDED.added,"
                    " text = EXCLUDED.text"
                ).format(self._articles_t),
                (
                    write.id,
                    write.title,
                    date.fromisoformat(write.date) if write.date else None,
                    write.source,
                    write.url,
                    write.sha256,
                    write.added,
                    write.text,
                ),
            )
            if write.removed:
                conn.execute(
                    sql.SQL("DELETE FROM {} WHERE id = ANY(%s)").format(self._sentences_t),
                    (list(write.removed),),
                )
            with conn.cursor() as cursor:
                if write.kept:
                    cursor.executemany(
                        sql.SQL(
                            'UPDATE {} SET position = %s, start = %s, "end" = %s WHERE id = %s'
                        ).format(self._sentences_t),
                        [(k.position, k.start, k.end, k.id) for k in write.kept],
                    )
                if write.fresh:
                    cursor.executemany(
                        sql.SQL(
                            'INSERT INTO {} (article, position, text, start, "end", embedding)'
                            " VALUES (%s, %s, %s, %s, %s, %s)"
                        ).format(self._sentences_t),
                        [
                            (write.id, s.position, s.text, s.start, s.end, vector)
                            for s, vector in zip(write.fresh, vectors, strict=True)
                        ],
                    )
            self._bump(conn)

        self._run(work)

    def remove_article(self, article_id: str) -> int | None:
        def work(conn: psycopg.Connection[Any]) -> int | None:
            self._lock_article(conn, article_id)
            gone = conn.execute(
                sql.SQL("DELETE FROM {} WHERE article = %s").format(self._sentences_t),
                (article_id,),
            )
            removed = conn.execute(
                sql.SQL("DELETE FROM {} WHERE id = %s").format(self._articles_t), (article_id,)
            )
            if removed.rowcount == 0:
                return None  # nothing was deleted: the transaction commits no change
            self._bump(conn)
            return int(gone.rowcount)

        return self._run(work)

    def refresh(self) -> None:
        """Nothing to do: PostgreSQL searches the stored vectors themselves."""

    def drop(self) -> None:
        """Delete the collection's tables and everything in them."""
        self._run(
            lambda conn: conn.execute(
                sql.SQL("DROP TABLE IF EXISTS {}, {}, {}").format(
                    self._sentences_t, self._articles_t, self._meta_t
                )
            )
        )

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- internals --------------------------------------------------------------------------

    def _create(self, conn: psycopg.Connection[Any]) -> None:
        # App servers starting at once must not both create the extension or a table.
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SETUP_LOCK,))
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        register_vector(conn)
        statements = [
            "CREATE TABLE IF NOT EXISTS {meta} (key text PRIMARY KEY, value text NOT NULL)",
            "INSERT INTO {meta} VALUES ('generation', '0') ON CONFLICT (key) DO NOTHING",
            "CREATE TABLE IF NOT EXISTS {articles} ("
            " id text PRIMARY KEY, title text NOT NULL, date date, source text, url text,"
            " sha256 text NOT NULL, added text NOT NULL, text text NOT NULL)",
            "CREATE INDEX IF NOT EXISTS {articles_by_date} ON {articles} (date)",
            # The dimension is fixed by the first vectors written (_check_dimensions).
            "CREATE TABLE IF NOT EXISTS {sentences} ("
            " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            " article text NOT NULL REFERENCES {articles} (id) ON DELETE CASCADE,"
            ' position integer NOT NULL, text text NOT NULL, start integer NOT NULL, "end"'
            " integer NOT NULL, embedding vector NOT NULL)",
            "CREATE INDEX IF NOT EXISTS {sentences_by_article} ON {sentences} (article, position)",
        ]
        names = {
            "meta": self._meta_t,
            "articles": self._articles_t,
            "sentences": self._sentences_t,
            "articles_by_date": sql.Identifier(f"{self.name}_articles_by_date"),
            "sentences_by_article": sql.Identifier(f"{self.name}_sentences_by_article"),
        }
        for statement in statements:
            conn.execute(sql.SQL(statement).format(**names))
        if self.index == "hnsw":
            dimensions = conn.execute(
                sql.SQL("SELECT value FROM {} WHERE key = 'dimensions'").format(self._meta_t)
            ).fetchone()
            if dimensions is not None:
                self._create_hnsw(conn)

    def _create_hnsw(self, conn: psycopg.Connection[Any]) -> None:
        conn.execute(
            sql.SQL(
                "CREATE INDEX IF NOT EXISTS {} ON {} USING hnsw (embedding vector_ip_ops)"
            ).format(sql.Identifier(f"{self.name}_sentences_hnsw"), self._sentences_t)
        )

    def _lock_article(self, conn: psycopg.Connection[Any], article_id: str) -> None:
        """Writers of one article take turns (until their transaction ends)."""
        conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            (f"article-qa/{self.name}/{article_id}",),
        )

    def _check_model(self, conn: psycopg.Connection[Any], model_id: str) -> None:
        # The first writer's model wins; a concurrent first writer waits on the insert.
        conn.execute(
            sql.SQL("INSERT INTO {} VALUES ('model_id', %s) ON CONFLICT (key) DO NOTHING").format(
                self._meta_t
            ),
            (model_id,),
        )
        (stored,) = conn.execute(
            sql.SQL("SELECT value FROM {} WHERE key = 'model_id'").format(self._meta_t)
        ).fetchone() or (model_id,)
        if stored != model_id:
            raise ModelMismatch(self.name, stored, model_id)

    def _check_dimensions(self, conn: psycopg.Connection[Any], dimensions: int) -> None:
        first = conn.execute(
            sql.SQL(
                "INSERT INTO {} VALUES ('dimensions', %s) ON CONFLICT (key) DO NOTHING"
                " RETURNING value"
            ).format(self._meta_t),
            (str(dimensions),),
        ).fetchone()
        if first is not None:  # the first vectors ever: fix the column's type
            conn.execute(
                sql.SQL("ALTER TABLE {} ALTER COLUMN embedding TYPE vector({})").format(
                    self._sentences_t, sql.Literal(dimensions)
                )
            )
            if self.index == "hnsw":
                self._create_hnsw(conn)
            return
        (stored,) = conn.execute(
            sql.SQL("SELECT value FROM {} WHERE key = 'dimensions'").format(self._meta_t)
        ).fetchone() or (str(dimensions),)
        if int(stored) != dimensions:
            raise ArticleQAError(
                f"collection {self.name} holds {stored}-dimensional vectors, not {dimensions}"
            )

    def _bump(self, conn: psycopg.Connection[Any]) -> None:
        conn.execute(
            sql.SQL(
                "UPDATE {} SET value = (value::bigint + 1)::text WHERE key = 'generation'"
            ).format(self._meta_t)
        )

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        with self._lock:
            if self._conn is None or self._conn.closed or self._conn.broken:
                self._conn = self._connect()
            yield self._conn

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            conn = psycopg.connect(
                self.dsn,
                autocommit=True,  # transactions are explicit: one per call (_run)
                connect_timeout=self.connect_timeout,
                application_name="article-qa",
            )
        except psycopg.OperationalError as error:
            raise PgArchiveError(
                f"cannot connect to PostgreSQL at {describe(self.dsn)}: {first_line(error)}"
            ) from None
        try:
            register_vector(conn)
        except psycopg.ProgrammingError:
            pass  # no vector type yet: _create makes the extension, then registers it
        except BaseException:
            conn.close()
            raise
        return conn

    def _run(self, work: Callable[[psycopg.Connection[Any]], T]) -> T:
        """`work` in one transaction; once more on a fresh connection if the old one died.

        Retrying a write is safe: if the first attempt did commit, the article's checksum
        moved on and the retry raises StaleArticle, after which the Archive sees it as
        unchanged.
        """
        with self._lock:
            for attempt in (1, 2):
                try:
                    with self._connection() as conn, conn.transaction():
                        return work(conn)
                except psycopg.OperationalError as error:
                    broken = self._conn is None or self._conn.closed or self._conn.broken
                    if broken and attempt == 1:
                        continue  # e.g. the server restarted: reconnect and retry
                    raise PgArchiveError(
                        f"PostgreSQL at {describe(self.dsn)} failed: {first_line(error)}"
                    ) from None
                except psycopg.Error as error:
                    raise PgArchiveError(
                        f"collection {self.name} at {describe(self.dsn)}: {first_line(error)}"
                    ) from None
        raise AssertionError("unreachable")
