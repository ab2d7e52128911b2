"""Shared fixtures: a deterministic fake embedder, the real bundled bot, a private data dir,
and a PostgreSQL + pgvector server for the session.

The server is started on first use (a test that takes `pg_dsn` or `pg_server`) and
stopped at the end. Nothing skips: if it cannot start, every test that asked for it
fails with the reason.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from qa.reading import ReadSpan
from tools.pg_server import DSN_ENV, LocalPostgres, PostgresStartError

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = REPO.parent / "shared" / "eval"
ARTICLE_DEV = EVAL_DIR / "article_dev.jsonl"


def span_in(
    text: str, answer: str, margin: float = 2.0, runner_up: ReadSpan | None = None
) -> ReadSpan:
    """The reader's span `answer` where `text` first writes it, with `runner_up` as the
    reader's next best in its sentence (ReadSpan.beside)."""
    start = text.index(answer)
    beside = None if runner_up is None else (lambda: runner_up)
    return ReadSpan(answer, start, start + len(answer), 0, margin, runner_up=beside)


class FakeEmbedder:
    """Hashed bag of words: same words, same vector; fast and deterministic."""

    model_id = "fake/hashed-bag-of-words"
    dimensions = 64

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.sha256(word.encode()).digest()
                vectors[row, digest[0] % self.dimensions] += 1.0
            vectors[row] /= max(float(np.linalg.norm(vectors[row])), 1e-9)
        return vectors


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(autouse=True, scope="session")
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keep saved indexes out of the user's real data folder."""
    folder = tmp_path_factory.mktemp("article-qa-data")
    mp = pytest.MonkeyPatch()
    mp.setenv("ARTICLE_QA_DATA_DIR", str(folder))
    yield folder
    mp.undo()


@pytest.fixture(scope="session")
def bundled_bot(private_data_dir: Path):
    """The real bundled article with the real model, loaded once per session."""
    from qa.bot import bundled

    return bundled()


@pytest.fixture(scope="session")
def bundled_text() -> str:
    from qa.article import BUNDLED_ARTICLE

    return BUNDLED_ARTICLE.read_text("utf-8")


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
def pg_dsn(request: pytest.FixtureRequest) -> str:
    """The server `python -m tools.pg_server` started for this run (as .ci/run does), else
    one started here for the session."""
    given = os.environ.get(DSN_ENV)
    if given:
        return given
    server: LocalPostgres = request.getfixturevalue("pg_server")
    return server.dsn
