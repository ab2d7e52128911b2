"""Warm `ask()` latency and cold `article-qa ask` of this checkout against an earlier
release, in one run.

    article-qa bench --against [53dab72] [--rounds 6]    (python -m tools.release_compare)

The earlier release is checked out with `git worktree` into a temporary folder and both
run from the same virtual environment (their dependencies are the same but for new
ones). Each round starts one fresh process per side, alternating which goes first, and
each process times every question of the bundled article's dev set and of the SQuAD dev
articles (warm: each article is asked once before timing); then each side answers one
question from a fresh `python -m ui.cli ask` (to the printed answer, the saved index
present). The shared machine's load hits both sides alike; the figure to read is the
ratio of the medians of one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.ask_bench import cold_ask

ROOT = Path(__file__).resolve().parents[1]
PREVIOUS_RELEASE = "53dab72"  # the last commit before issue 14's changes

# Run in each checkout: `qa` is imported from the checkout's own folder (cwd first on the
# path), the workloads are tools.ask_bench's (this checkout's copy, passed by path, so both
# sides ask the same questions; its imports run against the side's own `qa`).
TIMER = r"""
import json, statistics, sys, time
sys.path.insert(0, ".")
import importlib.util
spec = importlib.util.spec_from_file_location("ask_bench", sys.argv[1])
bench = importlib.util.module_from_spec(spec)
sys.modules["ask_bench"] = bench  # its dataclasses look their module up
spec.loader.exec_module(bench)
from qa.bot import ArticleQA
out = {}
for workload in bench.workloads(int(sys.argv[2])):
    bots = {k: ArticleQA.from_text(text, title) for k, (title, text) in workload.articles.items()}
    for key, question in workload.questions[:3]:
        bots[key].ask(question)
    times = []
    for key, question in workload.questions:
        start = time.perf_counter()
        bots[key].ask(question)
        times.append(time.perf_counter() - start)
    out[workload.name] = statistics.median(times)
print(json.dumps(out))
"""


def time_checkout(folder: Path, bench_file: Path, squad_questions: int) -> dict[str, float]:
    """One fresh process in `folder`: the median warm ask() per workload, in seconds."""
    done = subprocess.run(
        [sys.executable, "-c", TIMER, str(bench_file), str(squad_questions)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env=_environment(folder),
    )
    if done.returncode != 0:
        raise SystemExit(f"timing {folder} failed: {done.stderr.strip().splitlines()[-1:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def cold_answer(folder: Path, data: Path) -> float:
    """Seconds from starting `python -m ui.cli ask` in `folder` to its first printed line
    (tools.ask_bench.cold_ask, run on the checkout's own code), its saved indexes in
    `data`: a side must not find the other's (built with another embedder, it would be
    rebuilt, and timed, in every round)."""
    environment = {
        **_environment(folder),
        "HOME": str(Path.home()),  # the models' optimised copies are cached per file
        "ARTICLE_QA_DATA_DIR": str(data),
    }
    return cold_ask(environment, [sys.executable, "-m", "ui.cli"], folder)[0]


def _environment(folder: Path) -> dict[str, str]:
    """A side's environment: its own checkout first on the path, offline, nothing else."""
    return {"PYTHONPATH": str(folder), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}


def main(argv: list[str] | None = None) -> int:
    """Print the medians of both sides per workload and their ratio."""
    parser = argparse.ArgumentParser(prog="python -m tools.release_compare", description=__doc__)
    parser.add_argument(
        "ref", nargs="?", default=PREVIOUS_RELEASE, help="the earlier release (a commit)"
    )
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--squad-questions", type=int, default=100)
    args = parser.parse_args(argv)
    bench_file = ROOT / "tools" / "ask_bench.py"
    with tempfile.TemporaryDirectory() as tmp:
        previous = Path(tmp) / "previous"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(previous), args.ref],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            sides: dict[str, dict[str, list[float]]] = {"previous": {}, "current": {}}
            order = [("previous", previous), ("current", ROOT)]
            data = {name: Path(tmp) / f"data-{name}" for name, _ in order}
            for name, folder in order:
                cold_answer(folder, data[name])  # the first saves the bundled index
            for round_ in range(args.rounds):
                for name, folder in order if round_ % 2 == 0 else order[::-1]:
                    for workload, median in time_checkout(
                        folder, bench_file, args.squad_questions
                    ).items():
                        sides[name].setdefault(workload, []).append(median)
                    sides[name].setdefault("cold ask", []).append(cold_answer(folder, data[name]))
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(previous)], cwd=ROOT, check=False
            )
    print(
        f"warm ask() median and cold `ask` to the answer, {args.rounds} alternating rounds, "
        f"{args.ref} vs this checkout"
    )
    for workload in sides["current"]:
        before = statistics.median(sides["previous"][workload]) * 1000
        after = statistics.median(sides["current"][workload]) * 1000
        print(
            f"{workload:10} previous {before:6.1f} ms  current {after:6.1f} ms  "
            f"ratio {after / before:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
