"""PostgreSQL: the one place that connects, retries, and names a database in messages.

Both users of PostgreSQL, the vector store (index.pg_store.PgVectorStore) and the
collection storage (index.collection.postgres), hold a `Database`: one connection, used
by one thread at a time, where every `run` is one transaction, retried once on a fresh
connection if the old one died (say, the server restarted). A `run` inside another joins
its transaction, so a collection and the vector store built on its Database write an
article's rows and vectors in one transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg
from pgvector.psycopg import register_vector

from index.errors import ArticleQAError

T = TypeVar("T")
SETUP_LOCK = 0x61727469636C65  # pg_advisory_xact_lock key: "article"; serialises CREATEs
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class PostgresError(ArticleQAError, ConnectionError):
    """The database cannot be reached or used; the message is one line and says why."""


class InvalidDsn(PostgresError, ValueError):
    """The connection string cannot be parsed."""


def is_postgres_dsn(store: str) -> bool:
    """Whether `store` is a PostgreSQL URL (postgresql://user@host:5432/db)."""
    return store.startswith(POSTGRES_SCHEMES)


def describe(dsn: str) -> str:
    """Where a DSN points (user@host:port/db), without its password."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "?"
    host = parts.get("host") or parts.get("hostaddr") or "local socket"
    port = parts.get("port") or 5432
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"{user}{host}:{port}/{parts.get('dbname') or '(default database)'}"


def first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


class Database:
    """One connection to the database at `dsn`; thread-safe (one thread at a time).

    `label` names what uses it ("collection news"): then any database error, not only a
    lost connection, becomes a one-line PostgresError naming it. Without a label only
    connection failures are translated, and other psycopg errors pass through.
    """

    def __init__(self, dsn: str, *, connect_timeout: int = 10, label: str | None = None) -> None:
        try:
            psycopg.conninfo.conninfo_to_dict(dsn)
        except psycopg.ProgrammingError as error:
            raise InvalidDsn(f"invalid PostgreSQL DSN: {first_line(error)}") from None
        self.dsn = dsn
        self.connect_timeout = connect_timeout
        self.label = label
        self._lock = threading.RLock()
        self._conn: psycopg.Connection[Any] | None = None
        self._current: psycopg.Connection[Any] | None = None  # inside run(): its connection

    def run(self, work: Callable[[psycopg.Connection[Any]], T]) -> T:
        """`work` in one transaction; once more on a fresh connection if the old one died.

        Called from inside another `run` (the same thread), `work` joins that transaction.
        """
        with self._lock:
            if self._current is not None:
                return work(self._current)
            for attempt in (1, 2):
                try:
                    conn = self._connection()
                    with conn.transaction():
                        self._current = conn
                        try:
                            return work(conn)
                        finally:
                            self._current = None
                except psycopg.OperationalError as error:
                    if self._broken() and attempt == 1:
                        continue  # e.g. the server restarted: reconnect and retry
                    raise PostgresError(
                        f"PostgreSQL at {describe(self.dsn)} failed: {first_line(error)}"
                    ) from None
                except psycopg.Error as error:
                    if self.label is None:
                        raise
                    raise PostgresError(
                        f"{self.label} at {describe(self.dsn)}: {first_line(error)}"
                    ) from None
        raise AssertionError("unreachable")

    def fetch(self, query: Any, args: Any = ()) -> list[tuple[Any, ...]]:
        """The rows of one query, in its own transaction (or the current one)."""
        return self.run(lambda conn: conn.execute(query, args).fetchall())

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __repr__(self) -> str:
        return f"Database({describe(self.dsn)!r})"

    def _broken(self) -> bool:
        return self._conn is None or self._conn.closed or bool(self._conn.broken)

    def _connection(self) -> psycopg.Connection[Any]:
        if self._broken():
            self._conn = self._connect()
        assert self._conn is not None
        return self._conn

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            conn = psycopg.connect(
                self.dsn,
                autocommit=True,  # transactions are explicit: one per run()
                connect_timeout=self.connect_timeout,
                application_name="article-qa",
            )
        except psycopg.OperationalError as error:
            raise PostgresError(
                f"cannot connect to PostgreSQL at {describe(self.dsn)}: {first_line(error)}"
            ) from None
        try:
            register_vector(conn)
        except psycopg.ProgrammingError:
            pass  # no vector type yet: the first CREATE EXTENSION registers it
        except BaseException:
            conn.close()
            raise
        return conn
