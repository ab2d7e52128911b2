"""PostgreSQL + pgvector: the vector store that several app servers can share.

    store = PgVectorStore("postgresql://user@host:5432/db", "vectors", 384)

Same contract as FaissStore (index.store.VectorStore, tests/index/test_store_contract.py).
One table per store: `id bigint primary key, embedding vector(d)`, created with the
`vector` extension when missing. Every call is one transaction, so any number of
stores (in one process or on many machines) may point at the same table and see each
other's writes as soon as they commit. Given a `Database` (index.postgres) instead of a
DSN, the store shares that connection, and a call made inside one of its transactions
joins it (as the PostgreSQL collection storage does).

Search is exact by default (a sequential scan ordered by `<#>`, pgvector's negative
inner product); `index="hnsw"` builds an HNSW index (vector_ip_ops) for large tables,
trading exactness for speed as FAISS's tiers do, and searches it with pgvector's
iterative scan so that a search among allowed ids still fills its k rows. The index
belongs to the table: once one store made it, every store on that table searches
through it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

import numpy as np
import psycopg
from pgvector import Vector
from pgvector.psycopg import register_vector
from psycopg import sql

from index.postgres import SETUP_LOCK, Database, describe
from index.store import as_ids, as_key_array

T = TypeVar("T")


class PgVectorStore:
    """A VectorStore in a PostgreSQL table (pgvector)."""

    def __init__(
        self,
        dsn: str | Database,
        table: str = "vectors",
        dimensions: int = 384,
        *,
        index: Literal["exact", "hnsw"] = "exact",
        ef_search: int = 100,
        connect_timeout: int = 10,
    ) -> None:
        if index not in ("exact", "hnsw"):
            raise ValueError(f"index must be 'exact' or 'hnsw', not {index!r}")
        if dimensions < 1:
            raise ValueError(f"dimensions must be positive, not {dimensions}")
        self.database = (
            dsn if isinstance(dsn, Database) else Database(dsn, connect_timeout=connect_timeout)
        )
        self.dsn = self.database.dsn
        self.table = table
        self.dimensions = dimensions
        self.index = index
        self.ef_search = ef_search
        self._name = sql.Identifier(table)
        self._run(self._create)

    # -- the contract

    def add(self, vectors: np.ndarray, ids: Sequence[int] | np.ndarray | None = None) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimensions)
        keys = None if ids is None else as_ids(ids, 0, len(vectors))
        if len(vectors) == 0:
            return

        def write(conn: psycopg.Connection[Any]) -> None:
            rows = keys
            if rows is None:
                # Number on from the largest id; the lock (which conflicts with itself, not
                # with readers) stops two writers numbering from the same point.
                conn.execute(
                    sql.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE").format(self._name)
                )
                (top,) = conn.execute(
                    sql.SQL("SELECT coalesce(max(id), -1) FROM {}").format(self._name)
                ).fetchone() or (-1,)
                rows = as_ids(None, int(top) + 1, len(vectors))
            self._upsert(conn, rows, vectors)

        self._run(write)

    def search(
        self, queries: np.ndarray, k: int, allowed: Sequence[int] | np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        queries = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dimensions)
        k = max(1, k)
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        keys = None if allowed is None else as_key_array(allowed)
        if len(queries) == 0 or (keys is not None and len(keys) == 0):
            return scores, ids
        within = sql.SQL(" WHERE t.id = ANY(%s::bigint[])") if keys is not None else sql.SQL("")
        query = sql.SQL(
            "SELECT q.row, n.id, n.distance"
            " FROM unnest(%s::vector[]) WITH ORDINALITY AS q(embedding, row)"
            " CROSS JOIN LATERAL ("
            "   SELECT t.id, t.embedding <#> q.embedding AS distance FROM {} AS t{}"
            "   ORDER BY t.embedding <#> q.embedding LIMIT %s"
            " ) AS n ORDER BY q.row, n.distance, n.id"
        ).format(self._name, within)
        args = [[Vector(q) for q in queries], *([keys.tolist()] if keys is not None else []), k]

        def read(conn: psycopg.Connection[Any]) -> list[tuple[int, int, float]]:
            # Only matters where the table has an HNSW index: search at least k candidates,
            # and keep scanning, in exact distance order, until k rows pass `allowed`.
            conn.execute(
                "SELECT set_config('hnsw.iterative_scan', 'strict_order', true),"
                " set_config('hnsw.ef_search', %s, true)",
                (str(max(self.ef_search, k)),),
            )
            cursor = conn.execute(query, args)
            return [(int(r), int(i), float(d)) for r, i, d in cursor.fetchall()]

        filled = np.zeros(len(queries), dtype=np.int64)
        for row, key, distance in self._run(read):
            column = filled[row - 1]
            if column < k:
                ids[row - 1, column] = key
                scores[row - 1, column] = -distance  # <#> is the negative inner product
                filled[row - 1] += 1
        return scores, ids

    def remove(self, ids: Sequence[int] | np.ndarray) -> int:
        keys = as_key_array(ids)
        if len(keys) == 0:
            return 0

        def delete(conn: psycopg.Connection[Any]) -> int:
            cursor = conn.execute(
                sql.SQL("DELETE FROM {} WHERE id = ANY(%s)").format(self._name), (keys.tolist(),)
            )
            return int(cursor.rowcount)

        return self._run(delete)

    def __len__(self) -> int:
        def count(conn: psycopg.Connection[Any]) -> int:
            row = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(self._name)).fetchone()
            return int(row[0]) if row else 0

        return self._run(count)

    # -- beyond the contract

    def ids(self) -> np.ndarray:
        """All stored ids, ascending."""

        def read(conn: psycopg.Connection[Any]) -> list[int]:
            query = sql.SQL("SELECT id FROM {} ORDER BY id").format(self._name)
            return [int(row[0]) for row in conn.execute(query)]

        return np.asarray(self._run(read), dtype=np.int64)

    def drop(self) -> None:
        """Delete the table and everything in it."""
        self._run(lambda conn: conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(self._name)))

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> PgVectorStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PgVectorStore({describe(self.dsn)!r}, {self.table!r}, {self.dimensions})"

    # -- internals

    def _create(self, conn: psycopg.Connection[Any]) -> None:
        # Two app servers starting at once must not both create the extension or table.
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SETUP_LOCK,))
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        register_vector(conn)
        exists, column = conn.execute(
            "SELECT to_regclass(%s) IS NOT NULL, (SELECT format_type(atttypid, atttypmod)"
            " FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attname = 'embedding'"
            " AND NOT attisdropped)",
            (self._name.as_string(conn),) * 2,
        ).fetchone() or (False, None)
        wanted = f"vector({self.dimensions})"
        if not exists:
            conn.execute(
                sql.SQL(
                    "CREATE TABLE IF NOT EXISTS {} (id bigint PRIMARY KEY, embedding {} NOT NULL)"
                ).format(self._name, sql.SQL(wanted))
            )
        elif column != wanted:
            raise ValueError(
                f"table {self.table!r} holds {column or 'no embedding column'}, not {wanted}:"
                " use another table"
            )
        if self.index == "hnsw":
            conn.execute(
                sql.SQL(
                    "CREATE INDEX IF NOT EXISTS {} ON {} USING hnsw (embedding vector_ip_ops)"
                ).format(sql.Identifier(f"{self.table}_hnsw"), self._name)
            )

    def _upsert(self, conn: psycopg.Connection[Any], keys: np.ndarray, vectors: np.ndarray) -> None:
        # The last vector given for an id wins, as if added one after another.
        _, last = np.unique(keys[::-1], return_index=True)
        keep = np.sort(len(keys) - 1 - last)
        keys, vectors = keys[keep], vectors[keep]
        # One staging table per store table: stores sharing a connection may differ in width.
        incoming = sql.Identifier(f"{self.table}_incoming")
        conn.execute(
            sql.SQL(
                "CREATE TEMP TABLE IF NOT EXISTS {} (LIKE {} INCLUDING DEFAULTS)"
                " ON COMMIT DELETE ROWS"
            ).format(incoming, self._name)
        )
        with conn.cursor() as cursor:
            copy_sql = sql.SQL("COPY {} (id, embedding) FROM STDIN WITH (FORMAT BINARY)")
            with cursor.copy(copy_sql.format(incoming)) as copy:
                copy.set_types(["int8", "vector"])
                for key, vector in zip(keys.tolist(), vectors, strict=True):
                    copy.write_row((key, vector))
        conn.execute(
            sql.SQL(
                "INSERT INTO {} (id, embedding) SELECT id, embedding FROM {}"
                " ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding"
            ).format(self._name, incoming)
        )

    def _run(self, work: Callable[[psycopg.Connection[Any]], T]) -> T:
        return self.database.run(work)
