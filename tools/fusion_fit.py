"""Choose retrieval's fusion weights on the validation split: `python -m tools.fusion_fit`.

    python -m tools.fusion_fit [--limit 4000] [--step 0.05]

Retrieval ranks an article's sentences by a weighted sum of signals (qa.retrieval
FusionWeights): the question's cosine with the sentence alone, with the sentence and its
neighbours, and BM25 (the date signal is left as it is: few split questions name a day).
The reader then reads the passages around the best three sentences, so what matters is
whether a sentence holding the gold answer is among them.

Each answerable question of the split (tools/validation.py, the same articles as
`tools.calibrate --split`) is ranked once, as ask() ranks it, with every sentence's
signals kept; each weighting on a grid whose three weights sum to 1 (the shipped scale,
which the answerability features were fitted at) is then replayed: the share of
questions with a gold sentence within one sentence of the best three ("read"), and
among the best three and first. The weighting reading most is printed; ties go to the
one nearest the shipped weights. Nothing here looks at ../shared/eval.

A weighting is shipped only if the answerability model refitted for it (`make
calibrate`, whose features include the fused scores) scores better on the split too:
reading a gold sentence more often is the means, answering right the end
(docs/measurements.md, "Fusion weights chosen on the split").
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from qa.retrieval import FusionWeights
from qa.scoring import normalize
from tools.validation import ANSWERABLE, load_validation, positive_int

READ = 3  # the best sentences whose passages the reader reads (qa.reading)
NEIGHBOURS = 1  # a passage holds each best sentence's neighbours


@dataclass(frozen=True)
class Ranked:
    """One question's signals for every sentence (rows in sentence order) and its gold
    sentences."""

    signals: np.ndarray  # (sentences, 4): dense, window, lexical, date
    gold: frozenset[int]


def _gold(sentences: Sequence[str], answers: Sequence[str]) -> frozenset[int]:
    wanted = [normalize(a) for a in answers if normalize(a)]
    return frozenset(i for i, s in enumerate(sentences) if any(a in normalize(s) for a in wanted))


def rank_split(limit: int | None) -> list[Ranked]:
    """Every answerable split question with a gold sentence, ranked once."""
    from index.embedder import default_embedder
    from qa.bot import ArticleQA

    validation = load_validation(limit)
    embedder = default_embedder()
    by_article: dict[str, list] = {}
    for question in validation.questions:
        if validation.kinds[question.id] == ANSWERABLE:
            by_article.setdefault(question.article, []).append(question)
    ranked = []
    for key, questions in by_article.items():
        title, text = validation.articles[key]
        bot = ArticleQA.from_text(
            text, title, embedder=embedder, reader=False, index_seconds=3600.0
        )
        texts = [s.text for s in bot.sentences]
        for question in questions:
            gold = _gold(texts, question.answers)
            if not gold:
                continue
            ranking = bot.inspect(question.question).ranking
            signals = np.zeros((len(texts), 4), dtype=np.float32)
            for c in ranking.candidates:
                signals[c.position] = (c.dense, c.window, c.lexical, c.date)
            ranked.append(Ranked(signals, gold))
        print(f"  {len(ranked):,} questions ranked", file=sys.stderr, flush=True)
    return ranked


def replay(ranked: list[Ranked], weights: np.ndarray) -> tuple[float, float, float]:
    """Shares of questions with a gold sentence read (near the best READ), among the best
    READ, and first, under `weights` (dense, window, lexical, date)."""
    read = top = first = 0
    for question in ranked:
        order = np.argsort(-(question.signals @ weights), kind="stable")
        best = order[:READ]
        near = {int(p) + d for p in best for d in range(-NEIGHBOURS, NEIGHBOURS + 1)}
        read += bool(near & question.gold)
        top += bool(set(map(int, best)) & question.gold)
        first += int(order[0]) in question.gold
    n = max(len(ranked), 1)
    return read / n, top / n, first / n


def grid(step: float, date: float) -> list[np.ndarray]:
    """Weightings (dense, window, lexical) summing to 1 in steps of `step`, date fixed."""
    count = round(1 / step)
    return [
        np.array([i * step, j * step, (count - i - j) * step, date], dtype=np.float32)
        for i in range(count + 1)
        for j in range(count + 1 - i)
    ]


def _row(weights: np.ndarray, scores: tuple[float, float, float]) -> str:
    shown = [round(float(w), 2) for w in weights[:3]]
    return f"{shown}: {' / '.join(f'{v:.4f}' for v in scores)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fusion_fit", description=__doc__)
    parser.add_argument("--limit", type=positive_int, default=4000, help="about N questions")
    parser.add_argument("--step", type=float, default=0.05, help="grid step of each weight")
    args = parser.parse_args(argv)
    shipped = FusionWeights()
    now = np.array([shipped.sentence, shipped.window, shipped.lexical, shipped.date])
    ranked = rank_split(args.limit)
    results = [(replay(ranked, w), w) for w in grid(args.step, shipped.date)]
    base = replay(ranked, now.astype(np.float32))
    best = max(results, key=lambda r: (r[0][0], r[0][1], -float(np.abs(r[1] - now).sum())))
    print(f"{len(ranked):,} answerable questions with a gold sentence")
    print("weights (dense, window, lexical): read / best three / first")
    print(f"shipped {_row(now, base)}")
    for scores, weights in sorted(results, key=lambda r: r[0], reverse=True)[:10]:
        print(f"        {_row(weights, scores)}")
    print(f"chosen  {_row(best[1], best[0])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
