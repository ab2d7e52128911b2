"""Score the news stories written for checking that answers generalise:
`python -m tools.story_check`.

    python -m tools.story_check [--stories data/stories] [--record FILE] [--against FILE]

Each story (data/stories/README.md: invented news articles with questions, the same
questions as people type them, and short chats) is indexed once and every line of its
three files asked as `article-qa eval` asks a dev set (a chat's earlier turns replayed
through ask() as its history). Printed: SQuAD 2.0 F1 (an unanswerable question scores 1
only when withheld) per file kind, over every story and by set (the folder above the
story: h01 ... h16). `--record` writes every row's answer; `--against` an earlier record
prints the rows whose F1 changed, so two trees can be compared row by row.

Nothing is chosen on these stories: they are written after the fact to see whether what
was built on the validation split and the dev sets holds on articles never seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qa.datasets import load_jsonl
from qa.evaluation import run
from qa.scoring import token_f1

REPO = Path(__file__).resolve().parents[1]
DEFAULT_STORIES = REPO / "data" / "stories"
KINDS = ("questions", "typed", "conversation")


def story_folders(root: Path) -> list[Path]:
    """Every folder under `root` holding an article.txt, in name order."""
    return sorted(p.parent for p in root.rglob("article.txt"))


def row_f1(answers: list[str], given: str) -> float:
    """SQuAD 2.0 F1 of one answer: withheld ("") scores 1 on an unanswerable question."""
    if not answers:
        return 0.0 if given else 1.0
    return token_f1(given, answers) if given else 0.0


def score_story(folder: Path, bot: Any) -> dict[str, dict[str, Any]]:
    """Every row of the story's files, keyed "<kind>/<id>": question, gold, answer, F1."""
    rows: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        path = folder / f"{kind}.jsonl"
        if not path.exists():
            continue
        for outcome in run(load_jsonl(path, folder / "article.txt"), lambda *_: bot):
            given = outcome.answer.text if outcome.answer.found else ""
            rows[f"{kind}/{outcome.question.id}"] = {
                "question": outcome.question.question,
                "history": outcome.question.history,
                "gold": outcome.question.answers,
                "answer": given,
                "score": round(outcome.answer.score, 4),
                "f1": row_f1(outcome.question.answers, given),
            }
    return rows


def summary(record: dict[str, dict[str, Any]]) -> dict[str, dict[str, tuple[float, int]]]:
    """Mean F1 and row count per file kind, for all stories ("all") and each set."""
    groups: dict[str, dict[str, list[float]]] = {}
    for key, row in record.items():
        story_set, kind = key.split("/")[0], key.split("/")[-2]
        for group in ("all", story_set):
            groups.setdefault(group, {}).setdefault(kind, []).append(row["f1"])
    return {
        group: {k: (round(sum(v) / len(v), 3), len(v)) for k, v in sorted(kinds.items())}
        for group, kinds in groups.items()
    }


def changed(
    before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> list[tuple[float, str, str, str, str]]:
    """(F1 change, row, question, answer before, answer after) of each row that moved."""
    return [
        (after[key]["f1"] - row["f1"], key, row["question"], row["answer"], after[key]["answer"])
        for key, row in before.items()
        if key in after and abs(after[key]["f1"] - row["f1"]) > 1e-9
    ]


def check(root: Path, make_bot: Callable[[str, str], Any]) -> dict[str, dict[str, Any]]:
    """Every story under `root` scored; keys "<set>/<story>/<kind>/<id>"."""
    record: dict[str, dict[str, Any]] = {}
    for folder in story_folders(root):
        bot = make_bot((folder / "article.txt").read_text("utf-8"), folder.name)
        name = folder.relative_to(root).as_posix()
        for key, row in score_story(folder, bot).items():
            record[f"{name}/{key}"] = row
    return record


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.story_check", description=__doc__)
    parser.add_argument("--stories", type=Path, default=DEFAULT_STORIES, help="story folders")
    parser.add_argument("--record", type=Path, help="write every row's answer here (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier record: print rows that moved")
    args = parser.parse_args(argv)
    if not story_folders(args.stories):
        parser.error(f"--stories: no story (a folder with article.txt) under {args.stories}")
    from qa.bot import ArticleQA

    record = check(args.stories, lambda text, title: ArticleQA.from_text(text, title=title))
    for group, kinds in summary(record).items():
        print(group, " ".join(f"{k} {f1:.3f} ({n})" for k, (f1, n) in kinds.items()))
    if args.record:
        args.record.write_text(json.dumps(record, indent=1, ensure_ascii=False), "utf-8")
    if args.against:
        moved = changed(json.loads(args.against.read_text("utf-8")), record)
        for delta, key, question, was, now in sorted(moved):
            print(f"{delta:+.2f} {key} | {question} | {was!r} -> {now!r}")
        print(f"{sum(d > 0 for d, *_ in moved)} rows better, {sum(d < 0 for d, *_ in moved)} worse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
