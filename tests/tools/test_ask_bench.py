"""`article-qa bench --ask` (tools/ask_bench.py): dispatch from the CLI, the staged ask()
that times each stage, and the Markdown it appends."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest

from tools import ask_bench
from tools.ask_bench import Latency, Workload, p95, report


def test_bench_ask_runs_the_ask_benchmark_with_the_other_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui import cli

    called: list[tuple[str, list[str]]] = []

    def tool(command: str, module: str) -> types.SimpleNamespace:
        def main(argv: list[str]) -> int:
            called.append((module, argv))
            return 0

        return types.SimpleNamespace(main=main)

    monkeypatch.setattr(cli, "developer_tool", tool)
    assert cli.main(["bench", "--rounds", "2", "--ask"]) == 0
    assert cli.main(["bench", "--sizes", "10"]) == 0
    assert called == [("tools.ask_bench", ["--rounds", "2"]), ("tools.bench", ["--sizes", "10"])]


def test_a_bad_count_is_one_line_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        ask_bench.main(["--rounds", "0"])
    assert exited.value.code == 2
    assert "--rounds must be at least 1" in capsys.readouterr().err


def test_p95_is_the_value_below_which_95_percent_fall() -> None:
    assert p95([float(i) for i in range(1, 101)]) == 95.0
    assert p95([3.0]) == 3.0


def test_the_report_gives_both_medians_their_ratio_and_the_throughput_target() -> None:
    result = Latency(
        "bundled article",
        2,
        reader=[0.020, 0.030, 0.025, 0.025],
        no_reader=[0.005] * 4,
        stages={"embed": [0.004], "retrieve": [0.001], "read": [0.019], "decide": [0.0001]},
        per_second={"ask() x1": 40.0, "ask() x4": 70.0},
    )
    lines = report([result], imported=0.012, cold=[(0.8, 1.0, 250.0), (0.9, 1.1, 260.0)])
    row = next(line for line in lines if line.startswith("| bundled article | 2 x 2 |"))
    cells = [cell.strip() for cell in row.split("|")[1:-1]]
    assert cells[2:7] == ["25.0", "30.0", "5.0", "5.0", "5.0x"]
    assert cells[7:] == ["4.0", "1.0", "19.0", "0.1"]
    assert "| bundled article | 40.0 | 70.0 | 68.0 |" in lines  # 1.7 / 25 ms
    assert "`import qa`: 12.0 ms (-X importtime, median of 5)." in lines
    assert lines[-1].startswith("Cold `article-qa ask` (fresh process, saved index present")
    assert "0.85 s to the printed answer" in lines[-1] and "peak RSS 260 MiB" in lines[-1]


def test_import_qa_time_comes_from_importtime() -> None:
    seconds = ask_bench.import_seconds(repeats=1)
    assert 0 < seconds < 5


@pytest.mark.slow
def test_the_staged_ask_is_ask_and_its_stages_add_up(bundled_bot: Any) -> None:
    # The reader's path, a question the article does not answer, and one a rule answers
    # before the reader is asked ("the Iran-backed militia": qa.compound).
    asked = (
        "What was targeted on November 23?",
        "Who won the football match?",
        "Which country backs Hezbollah?",
    )
    for question in asked:
        answer = bundled_bot.ask(question)
        staged, stages = ask_bench.staged_ask(bundled_bot, question)
        assert (staged.text, staged.found, staged.evidence) == (
            answer.text,
            answer.found,
            answer.evidence,
        )
        assert list(stages) == list(ask_bench.STAGES)
        assert all(seconds >= 0 for seconds in stages.values())
        assert stages["embed"] > 0
    # The bot's own retriever, embedder and reader are back in place afterwards.
    assert not isinstance(bundled_bot.retriever, ask_bench.Stopwatch)
    assert not isinstance(bundled_bot.retriever.embedder, ask_bench.Stopwatch)
    assert not isinstance(bundled_bot.reader, ask_bench.Stopwatch)
    _, stages = ask_bench.staged_ask(bundled_bot, asked[0])
    assert stages["read"] > stages["decide"]  # the reader ran, and took most of the time


@pytest.mark.slow
def test_measure_times_both_bots_and_every_thread_count(bundled_text: str) -> None:
    work = Workload(
        "bundled article",
        {"article": ("Article", bundled_text)},
        [("article", "What was targeted on November 23?"), ("article", "Where were the talks?")],
    )
    result = ask_bench.measure(work, rounds=1, throughput_rounds=1)
    assert len(result.reader) == len(result.no_reader) == 2
    assert all(len(times) == 2 for times in result.stages.values())
    assert list(result.per_second) == ["ask() x1", "ask() x2", "ask() x4"]
    assert all(rate > 0 for rate in result.per_second.values())


def test_the_results_are_appended_with_command_and_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = Latency("bundled article", 1, [0.02], [0.005], {s: [0.001] for s in ask_bench.STAGES})
    result.per_second = {"ask() x1": 50.0}
    monkeypatch.setattr(ask_bench, "import_seconds", lambda: 0.01)
    monkeypatch.setattr(ask_bench, "cold_starts", lambda runs: [(0.9, 1.0, 250.0)] * runs)
    monkeypatch.setattr(ask_bench, "workloads", lambda count: [Workload("bundled article", {}, [])])
    monkeypatch.setattr(ask_bench, "measure", lambda work, rounds, throughput: result)
    output = tmp_path / "RESULTS.md"
    output.write_text("# Earlier results\n")
    assert ask_bench.main(["--no-api", "--cold-runs", "2", "--output", str(output)]) == 0
    text = output.read_text()
    assert text.startswith("# Earlier results\n")  # appended, not overwritten
    assert "## ask() latency and start-up, " in text
    assert "Command: `article-qa bench --ask --no-api --cold-runs 2 --output" in text
    assert "Machine: " in text and "load average" in text
    assert "| bundled article | 1 x 1 | 20.0 |" in text
