"""`article-qa bench --against REF` (tools/release_compare.py): both sides time ask() in
fresh processes from their own checkout, and the ratio of the medians is printed."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from tools import ask_bench, release_compare

pytestmark = pytest.mark.slow


def test_bench_against_runs_the_release_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import cli

    called: list[tuple[str, list[str]]] = []

    def tool(command: str, module: str) -> types.SimpleNamespace:
        return types.SimpleNamespace(main=lambda argv: called.append((module, argv)) or 0)

    monkeypatch.setattr(cli, "developer_tool", tool)
    assert cli.main(["bench", "--against", "abc123", "--rounds", "2"]) == 0
    assert called == [("tools.release_compare", ["abc123", "--rounds", "2"])]


def test_a_checkout_is_timed_in_a_fresh_process_with_its_own_code(tmp_path: Path) -> None:
    # A checkout whose qa leaves a mark where it answers: the timer must import the
    # checkout's own `qa`, not this one, and ask each question (after 3 warm-up asks).
    (tmp_path / "qa").mkdir()
    (tmp_path / "qa" / "__init__.py").write_text("")
    (tmp_path / "qa" / "bot.py").write_text(
        "class ArticleQA:\n"
        "    @classmethod\n"
        "    def from_text(cls, text, title):\n"
        "        return cls()\n"
        "    def ask(self, question):\n"
        "        with open('asked-here', 'a') as mark:\n"
        "            mark.write(question)\n"
    )
    bench = tmp_path / "bench.py"
    bench.write_text(
        "import types\n"
        "def workloads(n):\n"
        "    return [types.SimpleNamespace(name='tiny', articles={'a': ('A', 'x')},"
        " questions=[('a', 'q')] * 5)]\n"
    )
    medians = release_compare.time_checkout(tmp_path, bench, 1)
    assert list(medians) == ["tiny"] and medians["tiny"] >= 0
    assert (tmp_path / "asked-here").read_text() == "q" * (3 + 5)


def test_a_cold_answer_is_timed_from_the_checkouts_own_cli(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "__init__.py").write_text("")
    (tmp_path / "ui" / "cli.py").write_text(
        "import os, sys\nopen('cold-here', 'w').write(' '.join(sys.argv[1:]))\n"
        "open('data-here', 'w').write(os.environ['ARTICLE_QA_DATA_DIR'])\nprint('the answer')\n"
    )
    assert release_compare.cold_answer(tmp_path, tmp_path / "side-data") > 0
    assert (tmp_path / "cold-here").read_text() == "ask " + ask_bench.COLD_QUESTION
    # Each side keeps its own saved indexes (another embedder's would be rebuilt each time).
    assert (tmp_path / "data-here").read_text() == str(tmp_path / "side-data")


def test_a_cold_answer_that_fails_stops_the_comparison(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "__init__.py").write_text("")
    (tmp_path / "ui" / "cli.py").write_text("raise SystemExit(2)\n")
    with pytest.raises(SystemExit, match="ask failed"):
        release_compare.cold_answer(tmp_path, tmp_path / "side-data")
