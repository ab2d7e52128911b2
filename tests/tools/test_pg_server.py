"""The throwaway PostgreSQL + pgvector server that tests, CI and the benchmark start
(tools/pg_server.py): loopback only, never as root, gone without a trace when stopped.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys

import psycopg
import pytest

from tools.pg_server import LocalPostgres


def test_server_is_private_loopback_and_not_root(pg_server: LocalPostgres) -> None:
    with psycopg.connect(pg_server.dsn) as conn:
        row = conn.execute("SELECT host(inet_server_addr())").fetchone()
    assert row == ("127.0.0.1",)
    assert pg_server.root is not None
    owner = os.stat(pg_server.data_dir).st_uid
    if os.geteuid() == 0:
        assert owner == pwd.getpwnam("nobody").pw_uid
    else:
        assert owner == os.geteuid()


def test_a_stopped_server_leaves_nothing_behind() -> None:
    server = LocalPostgres()
    with server as dsn:
        root = server.root
        assert root is not None and (root / "data" / "PG_VERSION").exists()
        with psycopg.connect(dsn) as conn:
            assert conn.execute(
                "SELECT default_version FROM pg_available_extensions WHERE name = 'vector'"
            ).fetchone() == ("0.8.6",)
    assert not root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn, connect_timeout=2)


def test_run_a_command_with_a_server_as_ci_does() -> None:
    # `python -m tools.pg_server COMMAND`: COMMAND gets a live DSN; its exit status passes
    # through; the server is gone afterwards.
    probe = (
        "import os, sys, psycopg; dsn = os.environ['ARTICLE_QA_PG_DSN']; "
        "psycopg.connect(dsn).execute('SELECT 1'); print(dsn); sys.exit(3)"
    )
    done = subprocess.run(
        [sys.executable, "-m", "tools.pg_server", sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 3, done.stderr
    dsn = done.stdout.strip()
    assert dsn.startswith("postgresql://postgres@127.0.0.1:")
    assert "pg_server: stopped" in done.stderr
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn, connect_timeout=3)
