"""PgVectorStore against a real PostgreSQL + pgvector (the session server, conftest.py).

The shared contract is in test_store_contract.py; here: what only a database store
promises. Several stores (as several app servers) share a table, data outlives
connections, a lost connection is remade, and a bad DSN says so in one line.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import numpy as np
import psycopg
import pytest

from index.pg_store import PgVectorStore
from index.postgres import PostgresError
from tools.pg_server import free_port

DIMENSIONS = 8


def random_vectors(count: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(count, DIMENSIONS)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture
def table(pg_dsn: str) -> Iterator[str]:
    name = f"it_{uuid.uuid4().hex[:12]}"
    yield name
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute(f'DROP TABLE IF EXISTS "{name}"')


def test_two_stores_on_one_table_see_each_others_writes(pg_dsn: str, table: str) -> None:
    vectors = random_vectors(6)
    with (
        PgVectorStore(pg_dsn, table, DIMENSIONS) as one,
        PgVectorStore(pg_dsn, table, DIMENSIONS) as two,
    ):
        one.add(vectors[:3])  # ids 0, 1, 2
        assert len(two) == 3
        two.add(vectors[3:5])  # numbered on from what `one` wrote: 3, 4
        _, ids = one.search(vectors[:5], 1)
        assert ids[:, 0].tolist() == [0, 1, 2, 3, 4]
        two.add(vectors[5:], ids=[0])  # replaces one's id 0
        scores, ids = one.search(vectors[5:], 1)
        assert ids[0, 0] == 0 and scores[0, 0] == pytest.approx(1.0, abs=1e-5)
        assert one.remove([4, 1]) == 2
        assert two.ids().tolist() == [0, 2, 3]
        assert two.remove([1]) == 0  # already gone


def test_vectors_survive_reconnecting(pg_dsn: str, table: str) -> None:
    vectors = random_vectors(20, seed=1)
    with PgVectorStore(pg_dsn, table, DIMENSIONS) as store:
        store.add(vectors, ids=np.arange(100, 120))
        before = store.search(vectors[:4], 5)
    with PgVectorStore(pg_dsn, table, DIMENSIONS) as again:  # a new process, say
        assert len(again) == 20
        after = again.search(vectors[:4], 5)
        assert np.array_equal(before[1], after[1]) and np.allclose(before[0], after[0])


def test_a_lost_connection_is_remade(pg_dsn: str, table: str) -> None:
    vectors = random_vectors(5, seed=2)
    with PgVectorStore(pg_dsn, table, DIMENSIONS) as store:
        store.add(vectors)
        with psycopg.connect(pg_dsn, autocommit=True) as admin:  # e.g. a server restart
            killed = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = 'article-qa' AND pid <> pg_backend_pid()"
            ).fetchall()
        assert (True,) in killed
        _, ids = store.search(vectors, 1)
        assert ids[:, 0].tolist() == [0, 1, 2, 3, 4]


def test_concurrent_writers_never_share_an_id(pg_dsn: str, table: str) -> None:
    shared = PgVectorStore(pg_dsn, table, DIMENSIONS)  # used by two threads
    other = PgVectorStore(pg_dsn, table, DIMENSIONS)  # another app server
    errors: list[BaseException] = []

    def write(store: PgVectorStore, seed: int) -> None:
        try:
            for batch in range(5):
                store.add(random_vectors(4, seed=seed * 10 + batch))
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [
        threading.Thread(target=write, args=(store, seed))
        for seed, store in enumerate([shared, shared, other])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert shared.ids().tolist() == list(range(60))
    shared.close()
    other.close()


def test_hnsw_index_finds_the_nearest(pg_dsn: str, table: str) -> None:
    vectors = random_vectors(200, seed=3)
    with PgVectorStore(pg_dsn, table, DIMENSIONS, index="hnsw") as store:
        store.add(vectors)
        scores, ids = store.search(vectors[:10], 3)
        assert ids[:, 0].tolist() == list(range(10))
        assert np.allclose(scores[:, 0], 1.0, atol=1e-5)


def test_table_of_another_width_is_refused(pg_dsn: str, table: str) -> None:
    PgVectorStore(pg_dsn, table, DIMENSIONS).close()
    with pytest.raises(ValueError, match=r"holds vector\(8\), not vector\(16\)"):
        PgVectorStore(pg_dsn, table, 16)


def test_unreachable_server_is_one_clear_line() -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(PostgresError) as caught:
        PgVectorStore(f"postgresql://postgres:secret@127.0.0.1:{port}/postgres", "t", 8)
    message = str(caught.value)
    assert isinstance(caught.value, ConnectionError)
    assert "\n" not in message and "secret" not in message
    assert message.startswith(f"cannot connect to PostgreSQL at postgres@127.0.0.1:{port}/postgres")
    assert caught.value.__suppress_context__  # no chained psycopg traceback


def test_malformed_dsn_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="invalid PostgreSQL DSN"):
        PgVectorStore("host=127.0.0.1 nonsense", "t", 8)
