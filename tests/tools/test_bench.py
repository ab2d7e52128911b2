"""The vector-store benchmark (tools/bench.py): corpora topped up with near copies, and
the Markdown table it appends."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tools.bench import main as bench_main
from tools.bench import normalise, topped_up


def test_top_up_keeps_real_vectors_and_adds_near_copies() -> None:
    real = normalise(np.random.default_rng(0).normal(size=(100, 32)))
    grown = topped_up(real, 1000)
    assert grown.shape == (1000, 32) and (grown[:100] == real).all()
    assert np.allclose(np.linalg.norm(grown, axis=1), 1.0, atol=1e-5)
    nearest = (grown[100:] @ real.T).max(axis=1)
    assert nearest.mean() > 0.5  # near a real vector, not uniform noise


def test_bench_writes_a_results_table(tmp_path: Path, capsys, pg_dsn: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ARTICLE_QA_PG_DSN", pg_dsn)  # the session's server, not a new one
    output = tmp_path / "RESULTS.md"
    assert (
        bench_main(
            [
                "--sizes",
                "3000",
                "--corpus",
                "synthetic",
                "--exact-limit",
                "2000",
                "--output",
                str(output),
            ]
        )
        == 0
    )
    table = output.read_text()
    assert "| synthetic | 3,000 (0) | faiss (tier) |" in table
    assert "| synthetic | 3,000 (0) | faiss exact |" in table
    rows = {line.split("|")[3].strip(): line.split("|") for line in table.splitlines()[-4:]}
    assert float(rows["pgvector exact"][7]) == 1.0  # a sequential scan is exact
    assert float(rows["pgvector hnsw"][7]) >= 0.8
    assert "Command: `article-qa bench" in table
    assert "recall@10" in capsys.readouterr().out
