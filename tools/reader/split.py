"""The validation split: whole articles held out of reader training, from every source.

Checkpoints, the abstention model, its threshold and every weight are to be chosen on
these articles, asked over whole articles as the product asks; ../shared/eval is for
reporting only. An article is held out by a stable hash of its source file and title, so
the split never reshuffles when files are added, and an article that appears in two files
(the SQuAD 2.0 sample repeats SQuAD 1.1 articles) lands on the same side in both.

    python -m tools.reader.split      # counts per source: articles, questions, unanswerable
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.reader.squad import DEFAULT_DATA_DIR, Keep, _open_json

# One article in ten goes to validation: thousands of questions from SQuAD 1.1 alone.
VALIDATION_SHARE = 0.1
# The SQuAD 2.0 sample's unanswerable questions, the only ones written by people, sit in a
# few of its articles: this share of those articles is held out, so both sides have some.
HUMAN_UNANSWERABLE_SHARE = 0.3
SQUAD2_SAMPLE = "squad2_train_10articles.json.gz"
# Unanswerable questions written for this project on training-side paragraphs of SQuAD 1.1
# (data/qa-train/squad/NOTICE): by construction none of its articles is held out.
WRITTEN_FOR_TRAINING = "squad_human_unanswerable.json.gz"


def _bucket(title: str) -> float:
    """A stable number in [0, 1) for an article title (the same in every file)."""
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def held_out(title: str, share: float = VALIDATION_SHARE) -> bool:
    """Whether the article titled `title` belongs to the validation split."""
    return _bucket(title) < share


@dataclass(frozen=True)
class SplitCount:
    """What one source file gives each side of the split."""

    source: str
    side: str  # "train" or "validation"
    articles: int
    questions: int
    unanswerable: int


def split_files(data_dir: Path = DEFAULT_DATA_DIR) -> list[Path]:
    """Every SQuAD-format file the split covers: data/qa-train and its squad/ folder."""
    folders = [data_dir, data_dir / "squad"]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.json*"))


def _unanswerable(article: dict) -> int:
    return sum(bool(qa.get("is_impossible")) for p in article["paragraphs"] for qa in p["qas"])


def validation_titles(files: Iterable[Path]) -> set[str]:
    """The titles of the articles held out, whichever file they appear in.

    Every article whose hash falls under VALIDATION_SHARE, plus, from the SQuAD 2.0 sample,
    the lowest-hashed HUMAN_UNANSWERABLE_SHARE of the articles that hold unanswerable
    questions written by people (they sit in a few articles only, so a plain hash could
    leave the validation side with none).
    """
    titles: set[str] = set()
    for path in files:
        articles = _open_json(path)["data"]
        titles |= {a.get("title", "") for a in articles if held_out(a.get("title", ""))}
        if path.name == SQUAD2_SAMPLE:
            with_human = sorted(
                (a.get("title", "") for a in articles if _unanswerable(a)), key=_bucket
            )
            keep = max(1, round(HUMAN_UNANSWERABLE_SHARE * len(with_human)))
            titles |= set(with_human[:keep])
    return titles


def side_of(title: str, context: str, single_article: bool, held: set[str]) -> str:
    """\"validation\" or \"train\" for one paragraph.

    A source that is one big "article" (the Reddit and Amazon sets: independent comments
    and reviews) is split by paragraph instead, so it too gives both sides.
    """
    if single_article:
        return "validation" if held_out(context) else "train"
    return "validation" if title in held else "train"


def side_keep(files: list[Path], side: str) -> Keep:
    """A `load_paragraphs` filter keeping the paragraphs of one side ("train" or
    "validation") of the split of `files`."""
    held = validation_titles(files)

    def keep(path: Path, title: str, context: str, single_article: bool) -> bool:
        return side_of(title, context, single_article, held) == side

    return keep


def count(files: list[Path]) -> list[SplitCount]:
    """Articles (or paragraphs, for single-article sources), questions and unanswerable
    questions per source and side."""
    held = validation_titles(files)
    rows = []
    for path in files:
        articles = _open_json(path)["data"]
        single = len(articles) == 1
        tally: Counter[tuple[str, str]] = Counter()
        for article in articles:
            title = article.get("title", "")
            sides = set()
            for paragraph in article["paragraphs"]:
                side = side_of(title, paragraph["context"], single, held)
                sides.add(side)
                tally[(side, "paragraphs")] += 1
                for qa in paragraph["qas"]:
                    tally[(side, "questions")] += 1
                    tally[(side, "unanswerable")] += bool(qa.get("is_impossible"))
            for side in sides:
                tally[(side, "articles")] += 1
        for side in ("train", "validation"):
            rows.append(
                SplitCount(
                    path.name,
                    side,
                    tally[(side, "articles")],
                    tally[(side, "questions")],
                    tally[(side, "unanswerable")],
                )
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print the split's counts per source."""
    files = split_files()
    print(f"{'source':40} {'side':10} {'articles':>8} {'questions':>9} {'unanswerable':>12}")
    for row in count(files):
        print(
            f"{row.source:40} {row.side:10} {row.articles:8d} {row.questions:9d} "
            f"{row.unanswerable:12d}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
