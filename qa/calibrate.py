"""Fit the abstention model on the dev sets: `article-qa calibrate DATASET...`.

Each dev set counts equally (the article set has 26 questions, SQuAD 706), so the
model does not learn only SQuAD's habits. The threshold maximises the balanced
accuracy of "answer when answerable, abstain when not" on the pooled sets.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from sklearn.linear_model import LogisticRegression

from qa.bot import ArticleQA
from qa.calibration import FEATURES, Calibration
from qa.datasets import EvalSet
from qa.evaluation import history_messages


def collect(
    eval_set: EvalSet, make_bot: Callable[[str, str], ArticleQA]
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and answerable labels for every question of a set."""
    bots = {key: make_bot(title, text) for key, (title, text) in eval_set.articles.items()}
    rows, labels = [], []
    for question in eval_set.questions:
        bot = bots[question.article]
        history = history_messages(bot, question.history)
        _, _, features = bot.inspect(question.question, history)
        rows.append([features[name] for name in FEATURES])
        labels.append(1.0 if question.answers else 0.0)
    return np.array(rows), np.array(labels)


def best_threshold(probabilities: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> float:
    """The cut that maximises weighted balanced accuracy."""
    best, best_value = 0.5, -1.0
    for cut in np.unique(np.round(probabilities, 4)):
        answered = probabilities >= cut
        positive, negative = labels == 1, labels == 0
        recall = np.sum(weights * (answered & positive)) / max(np.sum(weights * positive), 1e-9)
        specificity = np.sum(weights * (~answered & negative)) / max(
            np.sum(weights * negative), 1e-9
        )
        value = (recall + specificity) / 2
        if value > best_value:
            best, best_value = float(cut), float(value)
    return best


def fit(sets: list[tuple[str, np.ndarray, np.ndarray]]) -> Calibration:
    """A logistic model over the pooled sets, each set weighted to count equally."""
    features = np.vstack([x for _, x, _ in sets])
    labels = np.concatenate([y for _, _, y in sets])
    weights = np.concatenate([np.full(len(y), 1.0 / len(y)) for _, _, y in sets])
    weights *= len(labels) / weights.sum()
    model = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced")
    model.fit(features, labels, sample_weight=weights)
    probabilities = model.predict_proba(features)[:, 1]
    return Calibration(
        coefficients={n: round(float(c), 6) for n, c in zip(FEATURES, model.coef_[0], strict=True)},
        intercept=round(float(model.intercept_[0]), 6),
        threshold=round(best_threshold(probabilities, labels, weights), 4),
        fitted_on=", ".join(f"{name} ({len(y)} questions)" for name, _, y in sets),
    )
