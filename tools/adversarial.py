"""`article-qa bench --adversarial` (or `python -m tools.adversarial`): the worst inputs the
limits let through, how long they take, and how fast those over the limits are refused.

For each input shape (one long line, one-word sentences, date-dense text, a long run
without punctuation, deeply nested HTML uploaded as .html, many tiny paragraphs,
right-to-left text, stacked combining characters, long chat histories), at 1/16, 1/4
and all of its limit (the largest input of that shape that the limits in qa.limits
accept), it does what the chat does with it: an article is indexed (ArticleQA, with the
reader), its suggested questions and timeline are made and one question is asked; a
history is the context of one question to the bundled article. It prints the seconds
(wall and CPU), the peak memory added and the growth exponent of the time (the log-log
slope over the three sizes: 1 is linear). Then each shape over its limit (2 MB, or just
past the limit that binds), with how long the refusal took. Each run is a fresh process,
so that its peak RSS is its own. The Markdown is appended to `--output`
(benchmarks/RESULTS.md) with the command, the machine and its load average.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FRACTIONS = (1 / 16, 1 / 4, 1.0)
QUESTION = "What happened on November 23?"
FOLLOW_UP = "Where was that?"  # spelled out from the turns it leans on
RUN_SECONDS = 600  # a run still going after this is reported as timed out
# The time budgets (index.budget) would stop the slowest runs: what is measured here is
# what the work costs, which the limits bound.
_NO_BUDGETS = {"index_seconds": RUN_SECONDS, "answer_seconds": RUN_SECONDS}

_WORDS = (
    "army talks strike building officials envoy ceasefire border troops minister report "
    "southern village convoy statement agency aid hospital road bridge negotiators civilians"
).split()
_NAMES = ("Beirut", "Israel", "Lebanon", "Naqoura", "Tyre", "Sidon", "Washington", "Paris")
_MONTHS = ("January", "March", "May", "July", "September", "November")


def _news_sentence(i: int) -> str:
    rng = random.Random(i)
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 16)))
    return f"{rng.choice(_NAMES)} {words} on {rng.choice(_MONTHS)} {rng.randint(1, 28)}."


def _dated_sentence(i: int) -> str:
    day, month = i % 26 + 1, _MONTHS[i % len(_MONTHS)]
    return (
        f"On {month} {day}, {day + 1} {month[:3]}. and Tuesday, two days later, between "
        f"{day} and {day + 2} {month}, on 2025-11-{day:02d} and the next day, talks {i} resumed."
    )


def _nested_block(i: int) -> str:
    # 200 deep: lxml stops building a tree past 255 levels, and trafilatura then finds
    # no text at all, so just under that is the most work per byte.
    return "<div>" * 200 + f"<p>{_news_sentence(i)}</p>" + "</div>" * 200


def _history(messages: int) -> list[dict[str, str]]:
    """Follow-ups all the way back ("... then ... there ..."), each 500 characters, so
    that the whole chain is read as the question's context: the most work a history
    within the limits can cause."""
    answer = ("A building believed to house a commander was hit in the strike. " * 8)[:500]
    history = []
    for n in range(messages):
        if n % 2:
            history.append({"role": "assistant", "content": answer})
            continue
        day = f"{_MONTHS[n % len(_MONTHS)]} {n % 28 + 1}"
        # Pronouns all through ("that", "it", "there", "then"): each turn a follow-up too.
        follow_up = f"And what was that on {day}? " + "And so it was there and then. " * 16
        history.append({"role": "user", "content": follow_up[:500]})
    return history


@dataclass(frozen=True)
class Shape:
    """An input shape: `make(units)` builds one of `units` repeats (sentences, words,
    paragraphs, nested blocks or history messages)."""

    name: str
    kind: str  # "text": an article's text; "html": an .html upload; "history"
    make: Callable[[int], Any]


SHAPES = (
    Shape("one-long-line", "text", lambda n: " ".join(_news_sentence(i) for i in range(n))),
    Shape(
        "one-word-sentences",
        "text",
        lambda n: " ".join(f"{_WORDS[i % len(_WORDS)].capitalize()}{i}." for i in range(n)),
    ),
    Shape("date-dense", "text", lambda n: " ".join(_dated_sentence(i) for i in range(n))),
    Shape(
        "no-punctuation",
        "text",
        lambda n: " ".join(f"{_WORDS[i % len(_WORDS)]}{i % 97}" for i in range(n)),
    ),
    Shape(
        "nested-html",
        "html",
        lambda n: (
            "<html><head><title>Nested</title></head><body>"
            + "".join(_nested_block(i) for i in range(n))
            + "</body></html>"
        ).encode(),
    ),
    Shape("tiny-paragraphs", "text", lambda n: "".join(f"W{i}\n\n" for i in range(n))),
    Shape(
        "right-to-left",
        "text",
        lambda n: " ".join(
            f"\u202bقَالَ الجَيْشُ اللُّبْنَانِيُّ إِنَّ المُحَادَثَاتِ {i} اِسْتُؤْنِفَتْ\u202c. "
            f"\u05d4\u05e9\u05d9\u05d7\u05d5\u05ea {i} \u05e0\u05de\u05e9\u05db\u05d5."
            for i in range(n)
        ),
    ),
    Shape(
        "combining-marks",
        "text",
        lambda n: " ".join(
            "".join(c + "\u0301\u0302\u0303\u0308\u0323\u0330" * 3 for c in "talks") + "."
            for _ in range(n)
        ),
    ),
    Shape("long-history", "history", _history),
)


# -- one run (in its own process) --------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _setup(reader: bool) -> dict[str, Any]:
    """Load what a server has loaded before a request comes: the embedder, the reader,
    the bundled article; and warm them up."""
    from index.embedder import default_embedder
    from qa.bot import ArticleQA

    embedder = default_embedder()
    embedder.embed(["warm up"])
    read: Any = False
    if reader:
        from qa.reader import load_reader

        read = load_reader()
    options = {"embedder": embedder, "reader": read, **_NO_BUDGETS}
    bundled = ArticleQA((ROOT / "qa" / "data" / "article.txt").read_text("utf-8"), **options)
    bundled.ask(QUESTION)
    return {"options": options, "bundled": bundled}


def _work(shape: Shape, units: int, loaded: dict[str, Any]) -> str:
    """Do what the chat does with one input; returns what came of it, in a few words."""
    from qa.bot import ArticleQA
    from qa.dates import timeline
    from qa.errors import ArticleQAError
    from qa.extract import extract_article
    from qa.suggest import suggest_questions

    value = shape.make(units)
    try:
        if shape.kind == "history":
            answer = loaded["bundled"].ask(FOLLOW_UP, value)
            return f"answered ({answer.score:.2f})"
        text = extract_article(value, "page.html").text if shape.kind == "html" else value
        bot = ArticleQA(text, "adversarial", **loaded["options"])
        suggest_questions(bot.sentences)
        timeline(bot.sentences)
        bot.ask(QUESTION)
        return f"{len(bot.sentences):,} sentences, answered"
    except ArticleQAError as error:
        return f"refused: {error}"


def run_case(shape: Shape, units: int, loaded: dict[str, Any]) -> dict[str, Any]:
    """Time one input in this process: wall and CPU seconds, and the peak RSS it added."""
    baseline = _peak_mb()
    cpu = _cpu_seconds()
    started = time.perf_counter()
    outcome = _work(shape, units, loaded)
    return {
        "outcome": outcome,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": _cpu_seconds() - cpu,
        "peak_mb": max(0.0, _peak_mb() - baseline),
    }


def _case_in_child(shape: Shape, units: int, reader: bool) -> dict[str, Any]:
    command = [sys.executable, "-m", "tools.adversarial", "--case", shape.name, str(units)]
    if not reader:
        command.append("--no-reader")
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=RUN_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        return {"outcome": "timed out", "seconds": RUN_SECONDS, "cpu_seconds": 0, "peak_mb": 0}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        problem = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"outcome": f"failed: {problem}", "seconds": 0, "cpu_seconds": 0, "peak_mb": 0}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# -- sizes -------------------------------------------------------------------------------


def size_of(shape: Shape, value: Any) -> int:
    """An input's size: bytes of text or page, characters of a history."""
    if shape.kind == "history":
        return sum(len(message["content"]) for message in value)
    return len(value) if isinstance(value, bytes) else len(value.encode("utf-8"))


def _accepted(shape: Shape, value: Any) -> bool:
    """Whether the limits let this input through (the checks only; nothing is indexed)."""
    from qa.article import check_article_text
    from qa.errors import ArticleQAError
    from qa.extract import extract_article
    from qa.limits import check_history, indexable_sentences

    try:
        if shape.kind == "history":
            check_history(value)
        else:
            text = extract_article(value, "page.html").text if shape.kind == "html" else value
            indexable_sentences(check_article_text(text))
    except ArticleQAError:
        return False
    return True


def limit_units(shape: Shape) -> tuple[int, str]:
    """The most units of `shape` that the limits accept, and which limit binds.

    Each limit grows linearly with the units (bytes, tokens, sentences, elements,
    messages, characters), so they are estimated from a sample and then checked.
    """
    from index.sentences import split_sentences
    from index.tokens import count_tokens
    from qa import limits

    sample = 64
    value = shape.make(sample)
    per_unit = size_of(shape, value) / sample
    if shape.kind == "history":
        bounds = {
            "messages": limits.MAX_HISTORY_MESSAGES,
            "characters": limits.MAX_HISTORY_CHARS / per_unit,
        }
    else:
        bounds = {"bytes": limits.MAX_ARTICLE_BYTES / per_unit}
        if shape.kind == "html":
            bounds["elements"] = limits.MAX_HTML_ELEMENTS / value.count(b"<div>") * sample
        else:
            bounds["tokens"] = limits.MAX_ARTICLE_TOKENS / count_tokens(value) * sample
            bounds["sentences"] = limits.MAX_SENTENCES / len(split_sentences(value)) * sample
    units = int(min(bounds.values()))
    while units > 1 and not _accepted(shape, shape.make(units)):
        units = int(units * 0.97)  # estimates are close, not exact
    if shape.kind == "text":  # the limit it comes closest to, measured at that size
        value = shape.make(units)
        bounds = {
            "bytes": limits.MAX_ARTICLE_BYTES / size_of(shape, value),
            "tokens": limits.MAX_ARTICLE_TOKENS / count_tokens(value),
            "sentences": limits.MAX_SENTENCES / len(split_sentences(value)),
        }
    return units, min(bounds, key=lambda name: bounds[name])


def over_units(shape: Shape, limit: int, binding: str) -> int:
    """Units of an input over the limits: an article or page of 2 MB, refused by the
    limit that binds first; one just past the byte limit, or a history 5% past its own."""
    if binding == "bytes" or shape.kind == "history":
        return max(limit + 1, math.ceil(limit * 1.05))
    from qa.limits import MAX_ARTICLE_BYTES

    units = limit
    size = size_of(shape, shape.make(units))
    while not MAX_ARTICLE_BYTES * 0.98 < size <= MAX_ARTICLE_BYTES:  # 2 MB, not over it
        units = int(units * MAX_ARTICLE_BYTES * 0.99 / size)
        size = size_of(shape, shape.make(units))
    return units


def growth_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float | None:
    """The least-squares slope of log(seconds) against log(size): 1 is linear."""
    points = [(math.log(s), math.log(t)) for s, t in zip(sizes, seconds, strict=True) if t > 0]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


# -- the report --------------------------------------------------------------------------


def machine() -> str:
    """The machine in one line: CPU model, cores, Python, and the load average now."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; load average {load}"
    )


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown(rows: list[dict[str, Any]], refusals: list[dict[str, Any]], header: str) -> str:
    """The results as a Markdown section (a header paragraph, then two tables)."""
    lines = [
        "## Adversarial inputs (`article-qa bench --adversarial`)",
        "",
        header,
        "",
        "Within the limits (each shape at 1/16, 1/4 and all of the most its limits accept):",
        "",
        _row(
            (
                "shape",
                "size (bytes; history: characters)",
                "limit that binds",
                "outcome",
                "wall s",
                "CPU s",
                "peak +MB",
                "growth wall / CPU",
            )
        ),
        _row(("---",) * 3 + ("---",) + ("---:",) * 4),
    ]
    for row in rows:
        growth = _exponents(row) if "growth" in row else ""
        lines.append(
            _row(
                (
                    row["shape"],
                    f"{row['fraction']} ({row['size']:,})",
                    row["binding"],
                    row["outcome"],
                    f"{row['seconds']:.2f}",
                    f"{row['cpu_seconds']:.2f}",
                    f"{row['peak_mb']:.0f}",
                    growth,
                )
            )
        )
    lines += [
        "",
        "Over the limits:",
        "",
        _row(("shape", "size", "outcome", "wall s")),
        _row(("---", "---:", "---", "---:")),
    ]
    for row in refusals:
        lines.append(
            _row((row["shape"], f"{row['size']:,}", row["outcome"], f"{row['seconds']:.3f}"))
        )
    return "\n".join(lines) + "\n"


def _exponents(row: dict[str, Any]) -> str:
    return " / ".join(
        "-" if row.get(key) is None else f"{row[key]:.2f}" for key in ("growth", "cpu_growth")
    )


def _label(fraction: float) -> str:
    return "all" if fraction == 1 else f"1/{round(1 / fraction)}"


def _describe(shape: Shape) -> str:
    return {"history": "characters", "html": "bytes"}.get(shape.kind, "bytes")


def bench(
    shapes: Sequence[Shape], scale: float, reader: bool, in_process: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run every shape at each fraction of its limit, and over it; print as it goes."""
    loaded = _setup(reader) if in_process else {}

    def run(shape: Shape, units: int) -> dict[str, Any]:
        if in_process:
            return run_case(shape, units, loaded)
        return _case_in_child(shape, units, reader)

    rows: list[dict[str, Any]] = []
    refusals: list[dict[str, Any]] = []
    for shape in shapes:
        limit, binding = limit_units(shape)
        measured = []
        for fraction in FRACTIONS:
            units = max(1, round(limit * fraction * scale))
            size = size_of(shape, shape.make(units))
            result = run(shape, units)
            row = {
                "shape": shape.name,
                "fraction": _label(fraction),
                "size": size,
                "binding": binding,
                **result,
            }
            measured.append(row)
            print(
                f"{shape.name:>20} {row['fraction']:>4} {size:>10,} {_describe(shape)}: "
                f"{result['seconds']:7.2f} s wall {result['cpu_seconds']:7.2f} s CPU "
                f"+{result['peak_mb']:5.0f} MB  {result['outcome']}",
                flush=True,
            )
        sizes = [r["size"] for r in measured]
        for key, times in (("growth", "seconds"), ("cpu_growth", "cpu_seconds")):
            measured[-1][key] = growth_exponent(sizes, [r[times] for r in measured])
        print(
            f"{shape.name:>20} growth exponent {_exponents(measured[-1])} (wall / CPU)",
            flush=True,
        )
        rows += measured
        over = over_units(shape, limit, binding)
        size = size_of(shape, shape.make(over))
        result = run(shape, over)
        refusals.append({"shape": shape.name, "size": size, **result})
        print(
            f"{shape.name:>20} over {size:>10,} {_describe(shape)}: "
            f"{result['seconds']:7.3f} s  {result['outcome']}",
            flush=True,
        )
    return rows, refusals


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (see the module docstring); 0 when it ran."""
    parser = argparse.ArgumentParser(
        prog="article-qa bench --adversarial", description=__doc__.splitlines()[0]
    )
    names = [shape.name for shape in SHAPES]
    parser.add_argument("--shapes", nargs="+", choices=names, default=names)
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="run at this share of each size (a quick check: 0.01); over-limit runs unchanged",
    )
    parser.add_argument("--no-reader", dest="reader", action="store_false")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="run every input in this process (faster; peak memory then only counts "
        "what goes past earlier runs' peak)",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument("--case", nargs=2, metavar=("SHAPE", "UNITS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    by_name = {shape.name: shape for shape in SHAPES}
    if args.case:  # a child process: one run, one JSON line
        loaded = _setup(args.reader)
        print(json.dumps(run_case(by_name[args.case[0]], int(args.case[1]), loaded)))
        return 0
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    before = machine()
    rows, refusals = bench(
        [by_name[n] for n in args.shapes], args.scale, args.reader, args.in_process
    )
    load_after = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    command = "article-qa bench --adversarial " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    header = (
        f"`{command.strip()}` on {started}: {before}; load average after {load_after}. "
        f"Reader {'on' if args.reader else 'off'}; "
        f"{'one process' if args.in_process else 'a fresh process per run'}. Wall seconds "
        "count the CPU others took from the run (compare CPU seconds, both cores); growth "
        "is the log-log slope of the seconds over the three sizes (1: linear)."
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("a", encoding="utf-8") as out:
        out.write("\n" + markdown(rows, refusals, header))
    print(f"appended to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
