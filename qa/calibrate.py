"""Fit the abstention model on the dev sets: `article-qa calibrate DATASET...`.

For every dev question we know what answering would be worth (`gain`: the SQuAD F1 of
the answer we would give, 0 for an unanswerable question) and what abstaining would be
worth (1 for an unanswerable question, else 0). The logistic model learns P(answering
is right) from the features; the threshold is the cut that maximises the mean score,
with each dev set counting equally (the article set has 26 questions, SQuAD 706).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from qa.bot import ArticleQA
from qa.calibration import Calibration
from qa.datasets import EvalSet
from qa.evaluation import history_messages
from qa.scoring import contains_answer, token_f1

# Answering is "right" (the label the model learns) when it is worth at least this.
RIGHT_GAIN = 0.5


@dataclass
class DevRows:
    """One dev set's features, the worth of answering, and which questions are answerable."""

    name: str
    feature_names: list[str]
    features: np.ndarray
    gain: np.ndarray
    answerable: np.ndarray


def answer_gain(bot: ArticleQA, question: str, history: list, golds: list[str]) -> float:
    """What answering would score: F1 of the short answer, or 1/0 for the cited sentence."""
    if not golds:
        return 0.0
    answer = bot.answer_from(bot.inspect(question, history))
    if bot.reader is not None:
        return token_f1(answer.text, golds)
    return float(contains_answer(answer.evidence[0].text, golds))


def collect(eval_set: EvalSet, make_bot: Callable[[str, str], ArticleQA]) -> DevRows:
    """Feature rows and gains for every question of a set."""
    bots = {key: make_bot(title, text) for key, (title, text) in eval_set.articles.items()}
    rows, gains, answerable = [], [], []
    names: list[str] = []
    for question in eval_set.questions:
        bot = bots[question.article]
        history = history_messages(bot, question.history)
        features = bot.inspect(question.question, history).features
        names = sorted(features)
        rows.append([features[name] for name in names])
        gains.append(answer_gain(bot, question.question, history, question.answers))
        answerable.append(bool(question.answers))
    return DevRows(eval_set.name, names, np.array(rows), np.array(gains), np.array(answerable))


def mean_score(answered: np.ndarray, sets: list[DevRows], weights: np.ndarray) -> float:
    """Weighted mean SQuAD 2.0 score when answering exactly the `answered` questions."""
    gain = np.concatenate([s.gain for s in sets])
    answerable = np.concatenate([s.answerable for s in sets])
    score = np.where(answered, gain, (~answerable).astype(float))
    return float(np.sum(weights * score) / np.sum(weights))


def fit(sets: list[DevRows]) -> Calibration:
    """A logistic model over the pooled sets, each set weighted to count equally."""
    features = np.vstack([s.features for s in sets])
    labels = np.concatenate([s.gain for s in sets]) >= RIGHT_GAIN
    weights = np.concatenate([np.full(len(s.gain), 1.0 / len(s.gain)) for s in sets])
    weights *= len(labels) / weights.sum()
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(features, labels, sample_weight=weights)
    probabilities = model.predict_proba(features)[:, 1]
    cuts = np.unique(np.round(probabilities, 4))
    threshold = max(cuts, key=lambda cut: mean_score(probabilities >= cut, sets, weights))
    return Calibration(
        coefficients={
            n: round(float(c), 6)
            for n, c in zip(sets[0].feature_names, model.coef_[0], strict=True)
        },
        intercept=round(float(model.intercept_[0]), 6),
        threshold=round(float(threshold), 4),
        fitted_on=", ".join(f"{s.name} ({len(s.gain)} questions)" for s in sets),
    )
