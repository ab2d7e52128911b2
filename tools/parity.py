"""How closely one embedder's nearest neighbours match another's (int8 against fp32)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.embedder import Embedder


def top_k(queries: np.ndarray, corpus: np.ndarray, k: int) -> np.ndarray:
    """Row i: the indices of the k corpus vectors with the largest inner product."""
    k = min(k, len(corpus))
    scores = queries @ corpus.T
    best = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    return best


def top_k_agreement(
    reference: Embedder,
    candidate: Embedder,
    queries: Sequence[str],
    corpus: Sequence[str],
    k: int = 10,
) -> float:
    """Mean share of each query's top-k corpus texts that both embedders retrieve."""
    ref = top_k(reference.embed(queries), reference.embed(corpus), k)
    cand = top_k(candidate.embed(queries), candidate.embed(corpus), k)
    shared = [len(set(a) & set(b)) / len(a) for a, b in zip(ref, cand, strict=True)]
    return float(np.mean(shared))
