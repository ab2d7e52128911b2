"""Neighbour agreement between two embedders (tools/parity.py); the bundled embedders'
agreement itself is measured in tests/index/test_embedders.py."""

from __future__ import annotations

import numpy as np

from tools.parity import top_k


def test_top_k_finds_the_largest_inner_products() -> None:
    corpus = np.eye(5, dtype=np.float32)
    queries = np.array([[0, 0, 3, 2, 0]], dtype=np.float32)
    assert set(top_k(queries, corpus, 2)[0]) == {2, 3}
