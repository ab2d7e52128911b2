"""Vector stores: the contract, and FAISS, the embedded default."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import faiss
import numpy as np


class VectorStore(Protocol):
    """Nearest-neighbour search over L2-normalised vectors, each under an int64 id.

    `add(vectors, ids)` stores vectors; without ids they are numbered on from the
    store's size (0, 1, 2... for a fresh store). Re-adding an id replaces its vector.
    `search(queries, k, allowed)` returns (scores, ids), both of shape (len(queries), k),
    best first; scores are inner products (cosines); missing neighbours have id -1 and
    score -inf. With `allowed` (ids), only those ids are candidates: the filter applies
    inside the search, not to its results, so an exact store returns k ids whenever k
    allowed vectors are stored.
    `remove(ids)` drops those ids and returns how many it dropped.
    Every store passes tests/index/test_store_contract.py.
    """

    dimensions: int

    def add(self, vectors: np.ndarray, ids: Sequence[int] | np.ndarray | None = None) -> None: ...

    def search(
        self, queries: np.ndarray, k: int, allowed: Sequence[int] | np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]: ...

    def remove(self, ids: Sequence[int] | np.ndarray) -> int: ...

    def __len__(self) -> int: ...


def as_ids(ids: Sequence[int] | np.ndarray | None, first: int, count: int) -> np.ndarray:
    """Explicit ids as int64, or `count` consecutive ids from `first`."""
    if ids is None:
        return np.arange(first, first + count, dtype=np.int64)
    out = as_key_array(ids)
    if len(out) != count:
        raise ValueError(f"{count} vectors but {len(out)} ids")
    return out


def as_key_array(ids: Sequence[int] | np.ndarray) -> np.ndarray:
    """Ids as a flat int64 array."""
    return np.asarray(ids, dtype=np.int64).reshape(-1)


class FaissStore:
    """Inner-product search in FAISS.

    By default vectors live in an `IndexIDMap2` over a flat (exact) index, so ids
    survive removals and a vector can be replaced under its id; articles are small
    enough that exact is also fastest. index.tiers builds IVF stores for collections.
    """

    def __init__(self, dimensions: int, index: faiss.Index | None = None) -> None:
        self.dimensions = dimensions
        # Any: FAISS's SWIG classes are untyped (id_map, add_with_ids...).
        self._index: Any = (
            index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dimensions))
        )
        self._next = int(self.ids().max(initial=-1)) + 1

    def add(self, vectors: np.ndarray, ids: Sequence[int] | np.ndarray | None = None) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimensions)
        keys = as_ids(ids, self._next, len(vectors))
        if len(keys) == 0:
            return
        self.remove(keys)  # re-adding an id replaces its vector
        self._index.add_with_ids(vectors, keys)
        self._next = max(self._next, int(keys.max()) + 1)

    def search(
        self, queries: np.ndarray, k: int, allowed: Sequence[int] | np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        queries = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dimensions)
        k = max(1, k)
        keys = None if allowed is None else as_key_array(allowed)
        if len(self) == 0 or (keys is not None and len(keys) == 0):
            return (
                np.full((len(queries), k), -np.inf, dtype=np.float32),
                np.full((len(queries), k), -1, dtype=np.int64),
            )
        params: Any = None  # Any: FAISS's SWIG classes are untyped
        if keys is not None:  # FAISS skips the other ids while it searches
            ivf = isinstance(self._index, faiss.IndexIVF)
            params = faiss.SearchParametersIVF() if ivf else faiss.SearchParameters()
            if ivf:
                params.nprobe = self._index.nprobe  # else it would probe one list
            selector = faiss.IDSelectorBatch(keys)  # referenced here until the search is done
            params.sel = selector
        scores, ids = self._index.search(queries, min(k, len(self)), params=params)
        if ids.shape[1] < k:  # pad to k columns, as the contract says
            pad = k - ids.shape[1]
            scores = np.pad(scores, ((0, 0), (0, pad)), constant_values=-np.inf)
            ids = np.pad(ids, ((0, 0), (0, pad)), constant_values=-1)
        scores[ids < 0] = -np.inf
        return scores, ids

    def remove(self, ids: Sequence[int] | np.ndarray) -> int:
        keys = as_key_array(ids)
        if len(keys) == 0 or len(self) == 0:
            return 0
        return int(self._index.remove_ids(faiss.IDSelectorBatch(keys)))

    @property
    def index(self) -> Any:
        """The FAISS index underneath (id-mapped flat, or IVF for large tiers)."""
        return self._index

    def ids(self) -> np.ndarray:
        """All stored ids, in storage order."""
        if isinstance(self._index, faiss.IndexIVF):
            lists: Any = self._index.invlists
            parts = [
                faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
                for i in range(lists.nlist)
                if lists.list_size(i)
            ]
            return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, np.int64)
        return faiss.vector_to_array(self._index.id_map).astype(np.int64)

    def vectors(self) -> np.ndarray:
        """All stored vectors, in storage order (the order of `ids()`)."""
        return np.vstack([self._index.reconstruct(int(i)) for i in self.ids()]).reshape(
            -1, self.dimensions
        )

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> FaissStore:
        index = faiss.read_index(str(path))
        if not isinstance(index, faiss.IndexIDMap2):
            raise ValueError(f"{path} is not an id-mapped FAISS index")
        return cls(index.d, index)
