"""`article-qa bench --ask` (or `python -m tools.ask_bench`): how fast ask() answers, and
what it costs to start.

For the bundled article and the SQuAD dev articles (each article's paragraphs joined by
blank lines, asked its own questions), in one run: p50/p95 of a warm ask() with the
reader and without it (interleaved, question by question, so that load from elsewhere
hits both alike), the time per stage (embed the question, retrieve, read, decide),
questions per second with ask() called from 1, 2 and 4 threads at once and through
`POST /api/ask` of a served app on loopback; then `import qa` time, and a fresh
`article-qa ask` process's time to its printed answer and its peak RSS. The Markdown
is appended to `--output` (benchmarks/RESULTS.md) with the command, the machine and the
load average before and after (the machine may be shared: compare within one run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
ARTICLE_QUESTIONS = EVAL_DIR / "article_dev.jsonl"
SQUAD = EVAL_DIR / "squad2_dev_normans_rhine.json"
COLD_QUESTION = "What was targeted on November 23?"
THREADS = (1, 2, 4)
STAGES = ("embed", "retrieve", "read", "decide")


@dataclass
class Workload:
    """Articles by key (title, text) and the questions to ask, each with its article's key."""

    name: str
    articles: dict[str, tuple[str, str]]
    questions: list[tuple[str, str]]  # (article key, question)


@dataclass
class Latency:
    """One workload's warm figures: per-ask seconds and stage seconds, and throughput."""

    name: str
    questions: int
    reader: list[float] = field(default_factory=list)
    no_reader: list[float] = field(default_factory=list)
    stages: dict[str, list[float]] = field(default_factory=dict)
    per_second: dict[str, float] = field(default_factory=dict)  # "1 thread", "api x4"...


def workloads(squad_questions: int, seed: int = 0) -> list[Workload]:
    """The bundled article with its dev questions, and the SQuAD articles with a sample."""
    from qa.article import BUNDLED_ARTICLE, BUNDLED_TITLE
    from qa.datasets import load_eval_set

    if ARTICLE_QUESTIONS.is_file():
        asked = [q.question for q in load_eval_set(ARTICLE_QUESTIONS).questions]
    else:  # outside the project's checkout: the chat's example questions
        asked = ["What was targeted on November 23?", "What did the Russian envoy call for?"]
    found = [
        Workload(
            "bundled article",
            {BUNDLED_TITLE: (BUNDLED_TITLE, BUNDLED_ARTICLE.read_text("utf-8"))},
            [(BUNDLED_TITLE, q) for q in asked],
        )
    ]
    if SQUAD.is_file():
        squad = load_eval_set(SQUAD)  # paragraphs joined by blank lines, one text each
        chosen = random.Random(seed).sample(squad.questions, squad_questions)
        found.append(
            Workload(
                f"SQuAD dev ({', '.join(squad.articles)})",
                squad.articles,
                [(q.article, q.question) for q in chosen],
            )
        )
    return found


class Stopwatch:
    """An object whose method calls are timed: their seconds add up in `seconds` (the
    bench's stage clock). Everything else is the object's own."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds = 0.0

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.inner, name)
        if not callable(value):
            return value

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return timed


def staged_ask(bot: Any, question: str) -> tuple[Any, dict[str, float]]:
    """ask() itself, with the seconds of each stage: the query's embedding, the rest of
    ranking the sentences, the reader, and everything else (reading the question, the
    rules that answer without the reader, deciding). Timed around the real call, so the
    answer is ask()'s whatever path it takes (a rule's, a follow-up's); it was once a copy
    of ask()'s steps, which went out of date when a rule answered before the reader."""
    retriever, reader = bot.retriever, bot.reader
    embedding, ranking = Stopwatch(retriever.embedder), Stopwatch(retriever)
    reading = Stopwatch(reader) if reader is not None else None
    retriever.embedder, bot.retriever, bot.reader = embedding, ranking, reading or reader
    try:
        started = time.perf_counter()
        answer = bot.ask(question)
        total = time.perf_counter() - started
    finally:
        retriever.embedder, bot.retriever, bot.reader = embedding.inner, retriever, reader
    read = reading.seconds if reading is not None else 0.0
    retrieve = max(0.0, ranking.seconds - embedding.seconds)
    return answer, {
        "embed": embedding.seconds,
        "retrieve": retrieve,
        "read": read,
        "decide": max(0.0, total - embedding.seconds - retrieve - read),
    }


def per_second(ask: Callable[[T], object], questions: Sequence[T], threads: int) -> float:
    """Questions answered per second with `threads` callers asking at once."""
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(ask, questions))
    return len(questions) / (time.perf_counter() - started)


def measure(work: Workload, rounds: int, throughput_rounds: int) -> Latency:
    """Warm latency with and without the reader, stages, and ask() from 1, 2, 4 threads."""
    from index.embedder import default_embedder
    from qa.bot import ArticleQA

    embedder = default_embedder()
    with tempfile.TemporaryDirectory() as indexes:  # built once, loaded by the second bot
        bots = {
            (key, reader): ArticleQA.from_text(
                text, title, embedder=embedder, reader=reader, index_dir=Path(indexes) / key
            )
            for key, (title, text) in work.articles.items()
            for reader in (True, False)
        }
    result = Latency(work.name, len(work.questions), stages={s: [] for s in STAGES})
    for key, question in work.questions:  # warm up; the timing proxies change no answer
        answer = bots[key, True].ask(question)
        staged, _ = staged_ask(bots[key, True], question)
        if (staged.text, staged.found) != (answer.text, answer.found):
            raise SystemExit(f"ask() answered {question!r} otherwise when its stages were timed")
        bots[key, False].ask(question)
    for _ in range(rounds):
        for key, question in work.questions:
            for reader, times in ((True, result.reader), (False, result.no_reader)):
                started = time.perf_counter()
                bots[key, reader].ask(question)
                times.append(time.perf_counter() - started)
            for stage, seconds in staged_ask(bots[key, True], question)[1].items():
                result.stages[stage].append(seconds)
    by_question = {question: bots[key, True] for key, question in work.questions}
    asked = [q for _, q in work.questions] * throughput_rounds
    for threads in THREADS:
        result.per_second[f"ask() x{threads}"] = per_second(
            lambda q: by_question[q].ask(q), asked, threads
        )
    return result


def import_seconds(repeats: int = 5) -> float:
    """Median of `import qa` in a fresh interpreter, as -X importtime reports it."""
    runs = []
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import qa"],
            capture_output=True,
            text=True,
            check=True,
        )
        total = re.search(r"\|\s*(\d+)\s*\|\s*qa\s*$", done.stderr, re.MULTILINE)
        if total is None:
            raise SystemExit(f"no `import qa` line in -X importtime's output:\n{done.stderr}")
        runs.append(int(total.group(1)) / 1e6)
    return statistics.median(runs)


def article_qa_command() -> list[str]:
    """The `article-qa` console script beside this interpreter, else `python -m ui.cli`."""
    script = Path(sys.executable).with_name("article-qa")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ui.cli"]


def cold_ask(
    environment: dict[str, str], command: list[str] | None = None, folder: Path | None = None
) -> tuple[float, float, float]:
    """(seconds to the printed answer, seconds to exit, peak RSS MiB) of a fresh process
    running `command` (default: this checkout's `article-qa`) `ask` in `folder`."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*(command or article_qa_command()), "ask", COLD_QUESTION],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # the answer is the first line printed
    answered = time.perf_counter() - started
    process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    exited = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or not first.strip():
        raise SystemExit(f"article-qa ask failed (exit {process.returncode})")
    return answered, exited, usage.ru_maxrss / 1024  # Linux reports KiB


def cold_starts(repeats: int) -> list[tuple[float, float, float]]:
    """Fresh `article-qa ask` processes, the saved index present (built by a first run)."""
    environment = dict(os.environ)
    cold_ask(environment)  # the first saves the bundled index when it is missing
    return [cold_ask(environment) for _ in range(repeats)]


class ServedApp:
    """`article-qa serve` in a subprocess on a free loopback port, with its own data folder."""

    def __init__(self, data_dir: Path) -> None:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [*article_qa_command(), "serve", "--port", str(self.port), "--data-dir", str(data_dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise SystemExit("article-qa serve did not start")
            time.sleep(0.25)

    def _answers(self) -> bool:
        try:
            self.request("GET", "/api/articles")
            return True
        except OSError:
            return False

    def request(self, method: str, path: str, body: bytes | None = None) -> Any:
        """One HTTP request on a new connection; the JSON reply."""
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body, {"content-type": "application/json"})
            reply = connection.getresponse()
            data = reply.read()
            if reply.status != 200:
                raise SystemExit(f"{method} {path}: HTTP {reply.status} {data[:200]!r}")
            return json.loads(data)
        finally:
            connection.close()

    def add(self, title: str, text: str) -> str:
        """Add an article over the API; its id."""
        from urllib.parse import quote

        path = f"/api/articles?filename={quote(title)}.txt"
        return str(self.request("POST", path, text.encode("utf-8"))["id"])

    def close(self) -> None:
        """Stop the server."""
        self.process.terminate()
        self.process.wait(timeout=30)


def api_per_second(results: list[Latency], loads: list[Workload], rounds: int) -> None:
    """Questions per second through POST /api/ask from 1 and 4 clients, per workload."""
    with tempfile.TemporaryDirectory() as data_dir:
        server = ServedApp(Path(data_dir))
        try:
            from qa.collection import BUNDLED_ID

            for result, work in zip(results, loads, strict=True):
                ids = {
                    key: BUNDLED_ID if work.name == "bundled article" else server.add(title, text)
                    for key, (title, text) in work.articles.items()
                }

                def ask(item: tuple[str, str], ids: dict[str, str] = ids) -> object:
                    body = {"question": item[1], "article": ids[item[0]]}
                    return server.request("POST", "/api/ask", json.dumps(body).encode())

                for item in work.questions:  # warm up every article the server loaded
                    ask(item)
                asked = work.questions * rounds
                for clients in (1, 4):
                    result.per_second[f"/api/ask x{clients}"] = per_second(ask, asked, clients)
        finally:
            server.close()


def ms(seconds: float) -> str:
    return f"{1000 * seconds:.1f}"


def p95(values: Sequence[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def report(
    results: list[Latency], imported: float, cold: list[tuple[float, float, float]]
) -> list[str]:
    """The Markdown lines: one table of latency, one of throughput, then start-up."""
    lines = [
        "| articles | questions x rounds | ask() p50 ms | p95 ms | --no-reader p50 ms | p95 ms "
        "| ratio | embed ms | retrieve ms | read ms | decide ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        reader, plain = statistics.median(r.reader), statistics.median(r.no_reader)
        stages = " | ".join(ms(statistics.median(r.stages[s])) for s in STAGES)
        lines.append(
            f"| {r.name} | {r.questions} x {len(r.reader) // max(1, r.questions)} "
            f"| {ms(reader)} | {ms(p95(r.reader))} | {ms(plain)} | {ms(p95(r.no_reader))} "
            f"| {reader / plain:.1f}x | {stages} |"
        )
    kinds = list(results[0].per_second)
    lines += [
        "",
        "Questions per second, reader on (target: 4 threads >= 1.7 / one-thread median):",
        "",
        f"| articles | {' | '.join(kinds)} | 1.7 / p50 |",
        f"|---|{'---|' * len(kinds)}---|",
    ]
    for r in results:
        rates = " | ".join(f"{r.per_second[k]:.1f}" for k in kinds)
        lines.append(f"| {r.name} | {rates} | {1.7 / statistics.median(r.reader):.1f} |")
    lines += ["", f"`import qa`: {ms(imported)} ms (-X importtime, median of 5)."]
    if cold:
        answered = statistics.median(c[0] for c in cold)
        exited = statistics.median(c[1] for c in cold)
        rss = max(c[2] for c in cold)
        lines.append(
            f"Cold `article-qa ask` (fresh process, saved index present, median of "
            f"{len(cold)}): {answered:.2f} s to the printed answer, {exited:.2f} s to exit; "
            f"peak RSS {rss:.0f} MiB."
        )
    return lines


def machine() -> str:
    """Architecture, cores, CPU model (from /proc/cpuinfo where there is one), OS, Python."""
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in info if "model name" in line), cpu
            )
    except OSError:
        pass
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {cpu or 'CPU model unknown'}, "
        f"{platform.platform()}, Python {platform.python_version()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print it, and append it to --output."""
    parser = argparse.ArgumentParser(
        prog="article-qa bench --ask", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the questions")
    parser.add_argument(
        "--squad-questions", type=int, default=60, help="SQuAD questions sampled (seed 0)"
    )
    parser.add_argument("--cold-runs", type=int, default=5, help="fresh `article-qa ask` runs")
    parser.add_argument("--no-api", action="store_true", help="skip /api/ask (no served app)")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    for name in ("rounds", "squad_questions", "cold_runs"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    load_before = os.getloadavg()
    # Start-up first, while this process is small: a child's peak RSS counts the memory
    # it shared with this process until it started article-qa (Linux keeps the maximum
    # across fork and exec).
    imported = import_seconds()
    print(f"import qa: {ms(imported)} ms", flush=True)
    cold = cold_starts(args.cold_runs)
    loads = workloads(args.squad_questions)
    results = []
    for work in loads:
        print(f"{work.name}: {len(work.questions)} questions x {args.rounds} rounds", flush=True)
        results.append(measure(work, args.rounds, max(1, args.rounds // 2)))
    if not args.no_api:
        api_per_second(results, loads, max(1, args.rounds // 2))
    load_after = os.getloadavg()
    lines = report(results, imported, cold)
    print("\n".join(lines))
    command = "article-qa bench --ask " + " ".join(argv if argv is not None else sys.argv[1:])
    header = [
        f"## ask() latency and start-up, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Command: `{command.strip()}`  ",
        f"Machine: {machine()}; load average {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} after (1 minute)",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("a", encoding="utf-8") as out:
        out.write("\n" + "\n".join(header + lines) + "\n")
    print(f"appended to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
