"""Choosing retrieval's fusion weights on the split (tools.fusion_fit), on made-up signals."""

from __future__ import annotations

import numpy as np

from tools.fusion_fit import Ranked, _gold, grid, replay


def test_the_grid_sums_to_one_and_keeps_the_date_weight() -> None:
    weights = grid(0.25, date=0.3)
    assert len(weights) == 15  # (dense, window, lexical) in quarters
    for w in weights:
        assert abs(float(w[:3].sum()) - 1.0) < 1e-6 and abs(float(w[3]) - 0.3) < 1e-6


def test_replay_counts_gold_read_among_the_best_and_first() -> None:
    # Six sentences; dense favours sentence 5, BM25 sentence 0 (the gold one).
    signals = np.zeros((6, 4), dtype=np.float32)
    signals[:, 0] = [0.1, 0.0, 0.0, 0.2, 0.3, 0.9]
    signals[:, 2] = [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    question = Ranked(signals, frozenset({0}))
    dense_only = np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32)
    lexical_only = np.array([0.0, 0.0, 1.0, 0.0], dtype=np.float32)
    # By dense: 5, 4, 3 best; sentence 0 is neither among them nor beside them.
    assert replay([question], dense_only) == (0.0, 0.0, 0.0)
    assert replay([question], lexical_only) == (1.0, 1.0, 1.0)


def test_gold_sentences_hold_an_answer_as_normalised() -> None:
    sentences = ["The dam opened at 2:45 a.m.", "The Kessel Ridge Dam held."]
    assert _gold(sentences, ["the Kessel Ridge dam"]) == frozenset({1})
    assert _gold(sentences, ["nowhere"]) == frozenset()
