"""The `article-qa` command as a user runs it: a real subprocess, real models."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLE_DEV

pytestmark = pytest.mark.integration


def _cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "ARTICLE_QA_DATA_DIR": str(env_dir)}
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_ask_json(private_data_dir: Path) -> None:
    result = _cli("ask", "What was targeted on November 23?", "--json", env_dir=private_data_dir)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["found"] is True
    assert answer["evidence"][0]["position"] == 13


def _saved_model(data: Path) -> str:
    folder = data / "indexes" / "bundled"
    version = (folder / "CURRENT").read_text("utf-8").strip()
    return str(json.loads((folder / version / "manifest.json").read_text("utf-8"))["model_id"])


def test_embedder_option_picks_the_model_and_rebuilds_the_index(tmp_path: Path) -> None:
    question = "What was targeted on November 23?"
    fp32 = _cli("ask", question, "--json", "--embedder", "fp32", env_dir=tmp_path)
    assert fp32.returncode == 0, fp32.stderr
    assert _saved_model(tmp_path) == "sentence-transformers/all-MiniLM-L6-v2"
    fast = _cli("ask", question, "--json", env_dir=tmp_path)  # the default: rebuilt for it
    assert fast.returncode == 0, fast.stderr
    assert _saved_model(tmp_path) == "sentence-transformers/all-MiniLM-L6-v2+onnx-int8-dynamic"
    int8 = _cli("ask", question, "--json", "--embedder", "int8", env_dir=tmp_path)
    assert int8.returncode == 0, int8.stderr
    assert _saved_model(tmp_path) == "sentence-transformers/all-MiniLM-L6-v2+onnx-int8"
    for result in (fp32, fast, int8):
        assert json.loads(result.stdout)["evidence"][0]["position"] == 13
    wrong = _cli("ask", question, "--embedder", "fp16", env_dir=tmp_path)
    assert wrong.returncode == 2 and "invalid choice: 'fp16'" in wrong.stderr


def test_ask_own_article(private_data_dir: Path, tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text("The ferry left Oban at noon. It reached Mull an hour later.\n", "utf-8")
    result = _cli(
        "ask",
        "Where did the ferry leave from?",
        "--article",
        str(article),
        env_dir=private_data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert "Oban" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ask", "   "), "the question is empty"),
        (("ask", "Why?", "--article", "/nonexistent/article.txt"), "article file not found"),
        (("eval", "/nonexistent/dev.jsonl"), "dataset file not found"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(private_data_dir: Path, args, message: str) -> None:
    result = _cli(*args, env_dir=private_data_dir)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("article-qa: error:") and message in lines[-1]
    assert "Traceback" not in result.stderr


def test_binary_article_is_rejected(private_data_dir: Path, tmp_path: Path) -> None:
    article = tmp_path / "photo.txt"
    article.write_bytes(bytes(range(256)))
    result = _cli("ask", "What?", "--article", str(article), env_dir=private_data_dir)
    assert result.returncode == 2 and "binary" in result.stderr


def test_eval_reports_the_metrics(private_data_dir: Path) -> None:
    result = _cli("eval", str(ARTICLE_DEV), "--json", env_dir=private_data_dir)
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)
    for key in (
        "exact_match",
        "f1",
        "has_answer_f1",
        "no_answer_accuracy",
        "evidence_hit@1",
        "evidence_hit@3",
        "median_latency_ms",
    ):
        assert key in metrics
    assert metrics["evidence_hit@1"] >= 0.9
    # How well Answer.score tells right answers from the rest, and the three outcomes.
    assert 0.0 <= metrics["score_auc"] <= 1.0
    assert metrics["confident"] + metrics["unsure"] + metrics["not_found"] == 26
    assert sum(count for _, count, _, _ in metrics["reliability"]) == 26


def test_eval_of_typed_variants_compares_them_with_their_originals(
    private_data_dir: Path, tmp_path: Path
) -> None:
    originals = [
        {"id": "o1", "question": "What was targeted on November 23?", "answers": ["a building"]},
        {"id": "o2", "question": "Who is Lebanon's president?", "answers": []},
    ]
    variants = [
        {
            "id": "v1",
            "variant_of": "o1",
            "question": "what was targeted on nov. 23",
            "answers": ["a building"],
        },
        {"id": "v2", "variant_of": "o2", "question": "who's lebanon's president", "answers": []},
    ]
    for name, rows in (("typed_dev.jsonl", originals), ("typed_variants_dev.jsonl", variants)):
        (tmp_path / name).write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    result = _cli(
        "eval", str(tmp_path / "typed_variants_dev.jsonl"), "--json", env_dir=private_data_dir
    )
    assert result.returncode == 0, result.stderr
    # Both read exactly as their originals once tidied, so both answers are the same.
    assert json.loads(result.stdout)["same_answer_as_original"] == "2/2"


def test_developer_tools_run_from_the_source_checkout_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui import cli

    tool = cli.developer_tool("bench", "tools.bench")  # this is the source checkout
    assert tool is not None and tool.__name__ == "tools.bench"
    # Where tools/ is missing (installed from the wheel), one line and exit 2.
    monkeypatch.setitem(cli.TOOLS, "bench", ("tools.not_installed", "a tool"))
    assert cli.main(["bench", "--sizes", "10"]) == 2
    assert capsys.readouterr().err == (
        "article-qa: error: bench is a developer tool in the source checkout: "
        "run it there as python -m tools.not_installed\n"
    )
