"""One contract for every vector store (index.store.VectorStore).

Each store is a fixture param; a new store joins by adding a factory to `STORES`. A
factory gets the test's request, so it can take fixtures (the pgvector store takes the
session's PostgreSQL server, tests/index/conftest.py) and register its own cleanup.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import numpy as np
import pytest

from index.pg_store import PgVectorStore
from index.store import FaissStore, VectorStore

DIMENSIONS = 8


def unit(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def random_vectors(count: int, seed: int = 0) -> np.ndarray:
    return unit(np.random.default_rng(seed).normal(size=(count, DIMENSIONS)))


def pgvector_store(request: pytest.FixtureRequest) -> VectorStore:
    """A fresh table on the session's server; dropped after the test."""
    dsn = request.getfixturevalue("pg_dsn")
    store = PgVectorStore(dsn, f"contract_{uuid.uuid4().hex[:12]}", DIMENSIONS)

    def drop() -> None:
        store.drop()
        store.close()

    request.addfinalizer(drop)
    return store


STORES: dict[str, Callable[[pytest.FixtureRequest], VectorStore]] = {
    "faiss": lambda request: FaissStore(DIMENSIONS),
    "pgvector": pgvector_store,
}


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest) -> Iterator[VectorStore]:
    yield STORES[request.param](request)


def test_empty_store_finds_nothing(store: VectorStore) -> None:
    scores, ids = store.search(random_vectors(2), 3)
    assert len(store) == 0
    assert ids.shape == scores.shape == (2, 3)
    assert (ids == -1).all() and np.isneginf(scores).all()


def test_nearest_first_with_cosine_scores(store: VectorStore) -> None:
    vectors = random_vectors(50)
    store.add(vectors)
    assert len(store) == 50
    scores, ids = store.search(vectors[[7, 31]], 5)
    assert ids[:, 0].tolist() == [7, 31]
    assert np.allclose(scores[:, 0], 1.0, atol=1e-5)
    exact = vectors[[7, 31]] @ vectors.T
    for row in range(2):
        assert np.all(np.diff(scores[row]) <= 1e-6)  # best first
        assert np.allclose(scores[row], exact[row, ids[row]], atol=1e-5)
        assert set(ids[row]) == set(np.argsort(-exact[row])[:5])


def test_ids_are_numbered_on_and_explicit_ids_are_kept(store: VectorStore) -> None:
    vectors = random_vectors(6)
    store.add(vectors[:2])  # ids 0, 1
    store.add(vectors[2:4])  # ids 2, 3
    store.add(vectors[4:], ids=[1000, 77])
    _, ids = store.search(vectors, 1)
    assert ids[:, 0].tolist() == [0, 1, 2, 3, 1000, 77]


def test_k_larger_than_store_pads_with_missing(store: VectorStore) -> None:
    store.add(random_vectors(3))
    scores, ids = store.search(random_vectors(1, seed=1), 5)
    assert sorted(ids[0, :3].tolist()) == [0, 1, 2]
    assert ids[0, 3:].tolist() == [-1, -1] and np.isneginf(scores[0, 3:]).all()


def test_remove_drops_exactly_those_ids(store: VectorStore) -> None:
    vectors = random_vectors(10)
    store.add(vectors)
    assert store.remove([3, 4, 999]) == 2
    assert len(store) == 8
    _, ids = store.search(vectors, 10)
    assert not {3, 4} & set(ids.reshape(-1).tolist())
    assert store.remove([]) == 0


def test_re_adding_an_id_replaces_its_vector(store: VectorStore) -> None:
    vectors = random_vectors(4)
    store.add(vectors[:3])
    store.add(vectors[3:], ids=[1])
    assert len(store) == 3
    _, ids = store.search(vectors[3:], 1)
    assert ids[0, 0] == 1
    scores, _ = store.search(vectors[1:2], 3)
    assert scores[0, 0] < 0.999  # the old vector of id 1 is gone


def test_search_among_allowed_ids_only(store: VectorStore) -> None:
    vectors = random_vectors(50)
    store.add(vectors)
    allowed = [3, 10, 20, 44]
    scores, ids = store.search(vectors[[7, 20]], 3, allowed=np.array(allowed))
    assert ids.shape == scores.shape == (2, 3)
    assert ids[1, 0] == 20 and np.isclose(scores[1, 0], 1.0, atol=1e-5)
    exact = vectors[[7, 20]] @ vectors[allowed].T
    for row in range(2):  # the filter applies inside the search: k allowed ids, best first
        assert ids[row].tolist() == [allowed[i] for i in np.argsort(-exact[row])[:3]]
    _, ids = store.search(vectors[:1], 3, allowed=[5, 999])  # 999 is not stored
    assert ids[0].tolist() == [5, -1, -1]
    scores, ids = store.search(vectors[:2], 2, allowed=[])
    assert (ids == -1).all() and np.isneginf(scores).all()


def test_mismatched_ids_are_refused(store: VectorStore) -> None:
    with pytest.raises(ValueError, match="3 vectors but 2 ids"):
        store.add(random_vectors(3), ids=[1, 2])
    assert len(store) == 0
