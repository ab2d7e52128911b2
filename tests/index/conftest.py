"""A PostgreSQL + pgvector server for the session, started on first use and stopped at the end.

Tests that need it take `pg_dsn` (or `pg_server`). Nothing skips: if the server cannot
start, every test that asked for it fails with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from index.pg_server import LocalPostgres, PostgresStartError


@pytest.fixture(scope="session")
def pg_server() -> Iterator[LocalPostgres]:
    server = LocalPostgres()
    try:
        server.start()
    except PostgresStartError as error:
        pytest.fail(f"could not start the embedded PostgreSQL server: {error}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_dsn(pg_server: LocalPostgres) -> str:
    return pg_server.dsn
