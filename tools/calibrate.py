"""Fit the abstention model on the dev sets: `python -m tools.calibrate DATASET...`.

(`article-qa calibrate DATASET...` runs this too, from the source checkout.)

For every dev question we know what answering would be worth (`gain`: the SQuAD F1 of
the answer we would give, 0 for an unanswerable question) and what abstaining would be
worth (1 for an unanswerable question, else 0). First the retrieval weight used to pick
among the reader's spans is chosen to maximise the answerable questions' F1; then a
logistic model learns P(answering is right) from the features, and the threshold is
the cut that maximises the mean score. Each dev set counts equally (the article set
has 26 questions, SQuAD 706).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from qa.bot import Analysis, ArticleQA
from qa.calibration import Calibration
from qa.datasets import EvalSet, load_eval_set
from qa.evaluation import history_messages
from qa.scoring import contains_answer, token_f1

# Answering is "right" (the label the model learns) when it is worth at least this.
RIGHT_GAIN = 0.5
RETRIEVAL_WEIGHTS = (0.0, 1.0, 2.0, 4.0, 8.0, 16.0)


@dataclass
class Asked:
    """One dev question, retrieved and read once; span choice and features are redone."""

    bot: ArticleQA
    analysis: Analysis
    golds: list[str]


@dataclass
class DevRows:
    """One dev set's features, the worth of answering, and which questions are answerable."""

    name: str
    feature_names: list[str]
    features: np.ndarray
    gain: np.ndarray
    answerable: np.ndarray


def ask_all(eval_set: EvalSet, make_bot: Callable[[str, str], ArticleQA]) -> list[Asked]:
    """Retrieve and read every question of a set once."""
    bots = {key: make_bot(title, text) for key, (title, text) in eval_set.articles.items()}
    asked = []
    for question in eval_set.questions:
        bot = bots[question.article]
        history = history_messages(bot, question.history)
        asked.append(Asked(bot, bot.inspect(question.question, history), question.answers))
    return asked


def rows(name: str, asked: list[Asked], retrieval_weight: float) -> DevRows:
    """Features and gains of a set when spans are picked with `retrieval_weight`."""
    features, gains = [], []
    names: list[str] = []
    for item in asked:
        a = item.analysis
        analysis = item.bot.analyse(a.reading, a.ranking, a.spans, retrieval_weight)
        names = sorted(analysis.features)
        features.append([analysis.features[n] for n in names])
        gains.append(answer_gain(item.bot, analysis, item.golds))
    answerable = np.array([bool(item.golds) for item in asked])
    return DevRows(name, names, np.array(features), np.array(gains), answerable)


def answer_gain(bot: ArticleQA, analysis: Analysis, golds: list[str]) -> float:
    """What answering would score: F1 of the short answer, or 1/0 for the cited sentence."""
    if not golds:
        return 0.0
    answer = bot.answer_from(analysis)
    if bot.reader is not None:
        return token_f1(answer.text, golds)
    return float(contains_answer(answer.evidence[0].text, golds))


def best_retrieval_weight(sets: dict[str, list[Asked]]) -> float:
    """The weight that maximises answerable F1, each set counting equally."""

    def answerable_f1(weight: float) -> float:
        per_set = []
        for name, asked in sets.items():
            dev = rows(name, asked, weight)
            per_set.append(float(dev.gain[dev.answerable].mean()) if dev.answerable.any() else 0)
        return float(np.mean(per_set))

    return max(RETRIEVAL_WEIGHTS, key=answerable_f1)


def mean_score(answered: np.ndarray, sets: list[DevRows], weights: np.ndarray) -> float:
    """Weighted mean SQuAD 2.0 score when answering exactly the `answered` questions."""
    gain = np.concatenate([s.gain for s in sets])
    answerable = np.concatenate([s.answerable for s in sets])
    score = np.where(answered, gain, (~answerable).astype(float))
    return float(np.sum(weights * score) / np.sum(weights))


def reliability(
    calibration: Calibration, sets: list[DevRows], bins: int = 5
) -> list[tuple[str, int, float, float]]:
    """Reliability diagram rows: (probability bin, questions, mean predicted, observed right).

    "Right" is the label the model learns: answering would score at least RIGHT_GAIN.
    """
    predicted = np.array(
        [
            calibration.probability(dict(zip(s.feature_names, row, strict=True)))
            for s in sets
            for row in s.features
        ]
    )
    right = np.concatenate([s.gain for s in sets]) >= RIGHT_GAIN
    table = []
    edges = np.linspace(0.0, 1.0, bins + 1)
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (predicted >= low) & ((predicted < high) | (high == 1.0))
        if inside.any():
            table.append(
                (
                    f"{low:.1f}-{high:.1f}",
                    int(inside.sum()),
                    round(float(predicted[inside].mean()), 3),
                    round(float(right[inside].mean()), 3),
                )
            )
    return table


def fit(sets: dict[str, list[Asked]]) -> tuple[Calibration, list[DevRows]]:
    """Choose the retrieval weight, then fit the logistic model and the threshold."""
    with_reader = any(item.bot.reader is not None for asked in sets.values() for item in asked)
    weight = best_retrieval_weight(sets) if with_reader else 0.0
    dev = [rows(name, asked, weight) for name, asked in sets.items()]
    features = np.vstack([s.features for s in dev])
    labels = np.concatenate([s.gain for s in dev]) >= RIGHT_GAIN
    weights = np.concatenate([np.full(len(s.gain), 1.0 / len(s.gain)) for s in dev])
    weights *= len(labels) / weights.sum()
    # Each dev set counts equally for the model as for the threshold. (Fitting the model on
    # all questions alike calibrates it better, but with the shipped reader it moved the
    # threshold so the article set lost answers: see the model card.)
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(features, labels, sample_weight=weights)
    probabilities = model.predict_proba(features)[:, 1]
    cuts = np.unique(np.round(probabilities, 4))
    threshold = max(cuts, key=lambda cut: mean_score(probabilities >= cut, dev, weights))
    calibration = Calibration(
        coefficients={
            name: round(float(c), 6)
            for name, c in zip(dev[0].feature_names, model.coef_[0], strict=True)
        },
        intercept=round(float(model.intercept_[0]), 6),
        threshold=round(float(threshold), 4),
        fitted_on=", ".join(f"{s.name} ({len(s.gain)} questions)" for s in dev),
        retrieval_weight=weight,
    )
    return calibration, dev


def calibrate(
    datasets: Sequence[str], output: Path, make_bot: Callable[[str, str], ArticleQA]
) -> int:
    """Fit on the dev sets, write the model to `output`, print its reliability table."""
    sets = {}
    for dataset in datasets:
        eval_set = load_eval_set(dataset)
        sets[eval_set.name] = ask_all(eval_set, make_bot)
    calibration, dev = fit(sets)
    calibration.save(output)
    print(
        f"wrote {output}: threshold {calibration.threshold}, "
        f"retrieval weight {calibration.retrieval_weight}, {calibration.fitted_on}"
    )
    print("\n| predicted P(right) | questions | mean predicted | observed right |")
    print("|---|---|---|---|")
    for band, count, predicted, observed in reliability(calibration, dev):
        print(f"| {band} | {count} | {predicted} | {observed} |")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m tools.calibrate DATASET... [--output FILE] [--no-reader] [--embedder E]`:
    the arguments, and the one-line errors, of `article-qa calibrate`."""
    from ui.cli import main as cli

    return cli(["calibrate", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
