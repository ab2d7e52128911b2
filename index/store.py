"""Vector stores: the contract, and FAISS, the embedded default."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import faiss
import numpy as np


class VectorStore(Protocol):
    """Nearest-neighbour search over L2-normalised vectors.

    `search(queries, k)` returns (scores, ids), both of shape (len(queries), k), best
    first; scores are inner products (cosines); missing neighbours have id -1.
    """

    dimensions: int

    def add(self, vectors: np.ndarray) -> None: ...

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...

    def __len__(self) -> int: ...


class FaissStore:
    """Exact inner-product search; articles are small enough that exact is also fastest."""

    def __init__(self, dimensions: int, index: faiss.Index | None = None) -> None:
        self.dimensions = dimensions
        self._index = index if index is not None else faiss.IndexFlatIP(dimensions)

    def add(self, vectors: np.ndarray) -> None:
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = max(1, min(k, len(self)))
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def vectors(self) -> np.ndarray:
        """All stored vectors, in insertion order."""
        return self._index.reconstruct_n(0, len(self))

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> FaissStore:
        index = faiss.read_index(str(path))
        return cls(index.d, index)
