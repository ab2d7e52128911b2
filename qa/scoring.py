"""SQuAD 2.0 answer scoring: normalisation, exact match and token F1."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize(text: str) -> str:
    """NFKC, lowercase, drop unicode punctuation and a/an/the, squeeze spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def exact_match(prediction: str, golds: list[str]) -> float:
    """1.0 if the prediction equals a gold answer after normalisation; abstention vs none."""
    if not golds:
        return float(not prediction)
    return float(any(normalize(prediction) == normalize(g) for g in golds))


def token_f1(prediction: str, golds: list[str]) -> float:
    """Best token-overlap F1 against the gold answers; abstention scores 1 only when none."""
    if not golds:
        return float(not prediction)
    predicted = normalize(prediction).split()
    best = 0.0
    for gold in golds:
        expected = normalize(gold).split()
        common = sum((Counter(predicted) & Counter(expected)).values())
        if not predicted or not expected:
            best = max(best, float(predicted == expected))
            continue
        if common:
            precision, recall = common / len(predicted), common / len(expected)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def contains_answer(text: str, golds: list[str]) -> bool:
    """Whether a normalised gold answer appears inside the normalised text."""
    haystack = f" {normalize(text)} "
    return any(f" {normalize(g)} " in haystack for g in golds if normalize(g))
