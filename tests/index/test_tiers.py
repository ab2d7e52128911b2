"""Index tiers: exact below the limit, IVF above it with measured recall, memory-mapped."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

from index.tiers import Tier, build_store, load_store, recall_at_k


def clustered(count: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(40, 32))
    rows = centres[rng.integers(0, 40, count)] + 0.8 * rng.normal(size=(count, 32))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_small_corpora_get_exact_search() -> None:
    store, tier = build_store(clustered(500), exact_limit=1000)
    assert tier == Tier("flat", 500)
    _, ids = store.search(clustered(500)[:3], 1)
    assert ids[:, 0].tolist() == [0, 1, 2]


def test_large_corpora_get_ivf_with_the_recall_it_measured(tmp_path: Path) -> None:
    drawn = clustered(6200)  # one distribution: 6000 to index, 200 fresh queries
    vectors, queries = drawn[:6000], drawn[6000:]
    ids = np.arange(6000, dtype=np.int64) * 10  # ids need not be positions
    store, tier = build_store(vectors, ids, exact_limit=1000, target_recall=0.95)
    assert tier.kind == "ivf" and tier.vectors == 6000 and tier.lists > 16
    assert tier.recall_at_10 >= 0.95 and tier.query_sample == 500
    # The recorded recall holds on fresh queries too.
    exact = faiss.IndexFlatIP(32)
    exact.add(vectors)
    _, truth = exact.search(queries, 10)
    _, found = store.search(queries, 10)
    assert recall_at_k(found, ids[truth]) >= 0.9
    assert store.remove([0, 10, 5]) == 2 and len(store) == 5998
    _, found = store.search(queries, 10)

    store.save(tmp_path / "ivf.faiss")
    tier.save(tmp_path / "tier.json")
    loaded = load_store(tmp_path / "ivf.faiss")
    assert Tier.load(tmp_path / "tier.json") == tier
    assert len(loaded) == 5998
    _, again = loaded.search(queries, 10)
    assert loaded.index.nprobe == tier.nprobe  # the measured setting is saved with it
    assert (again == found).all()
    assert sorted(loaded.ids().tolist()) == sorted(store.ids().tolist())


def test_recall_counts_shared_ids() -> None:
    found = np.array([[1, 2, 3], [4, 5, -1]])
    exact = np.array([[3, 2, 9], [4, 5, 6]])
    assert recall_at_k(found, exact) == (2 / 3 + 2 / 3) / 2


def test_nprobe_is_tuned_on_held_out_questions_when_given() -> None:
    vectors = clustered(6000)
    # Question-like queries: far from every stored vector (uniform noise), which needs
    # more lists probed than the synthetic mix of stored vectors suggests.
    rng = np.random.default_rng(7)
    far = rng.normal(size=(400, 32))
    far = (far / np.linalg.norm(far, axis=1, keepdims=True)).astype(np.float32)
    tuning, measured = far[:200], far[200:]
    default_store, default_tier = build_store(vectors, exact_limit=1000)
    store, tier = build_store(vectors, exact_limit=1000, queries=tuning)
    assert tier.kind == "ivf" and tier.query_sample == 200 and tier.recall_at_10 >= 0.95
    assert tier.nprobe >= default_tier.nprobe
    exact = faiss.IndexFlatIP(32)
    exact.add(vectors)
    _, truth = exact.search(measured, 10)
    _, found = store.search(measured, 10)
    assert recall_at_k(found, truth) >= 0.9  # held out: close to the tuned recall
