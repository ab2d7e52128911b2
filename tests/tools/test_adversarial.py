"""`article-qa bench --adversarial`: a small, fast run of the worst-case benchmark."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.adversarial import SHAPES, growth_exponent, limit_units, main, size_of
from ui import cli


def test_growth_exponent_is_the_log_log_slope() -> None:
    sizes = [1, 4, 16]
    assert growth_exponent(sizes, [2.0, 8.0, 32.0]) == pytest.approx(1.0)
    assert growth_exponent(sizes, [1.0, 16.0, 256.0]) == pytest.approx(2.0)
    assert growth_exponent(sizes, [0.0, 0.0, 0.0]) is None  # nothing measurable


def test_each_shape_at_its_limit_is_accepted_and_bound_by_a_named_limit() -> None:
    by_name = {shape.name: shape for shape in SHAPES}
    units, binding = limit_units(by_name["long-history"])
    assert (units, binding) in {(100, "messages"), (100, "characters")}
    units, binding = limit_units(by_name["tiny-paragraphs"])
    assert binding in {"tokens", "sentences"} and units > 1000
    assert size_of(by_name["tiny-paragraphs"], by_name["tiny-paragraphs"].make(units)) > 0


def test_a_small_run_prints_and_appends_its_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "RESULTS.md"
    arguments = ["--shapes", "tiny-paragraphs", "long-history", "--scale", "0.02"]
    arguments += ["--in-process", "--no-reader", "--output", str(output)]
    assert main(arguments) == 0
    printed = capsys.readouterr().out
    assert "growth exponent" in printed
    written = output.read_text("utf-8")
    assert written.startswith("\n## Adversarial inputs (`article-qa bench --adversarial`)")
    assert "`article-qa bench --adversarial --shapes tiny-paragraphs long-history" in written
    rows = [line for line in written.splitlines() if line.startswith("| tiny-paragraphs")]
    assert len(rows) == 4  # 1/16, 1/4, all; then over the limit
    assert "answered" in rows[2] and "refused: " in rows[3]
    history = [line for line in written.splitlines() if line.startswith("| long-history")]
    assert "the history holds 105 messages; the limit is 100" in history[-1]


def test_the_cli_hands_bench_adversarial_to_the_tool(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["bench", "--adversarial", "--help"])
    assert exited.value.code == 0
    assert "usage: article-qa bench --adversarial" in capsys.readouterr().out
