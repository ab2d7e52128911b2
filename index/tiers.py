"""Choose the FAISS index by corpus size, with recall measured against exact search.

Small corpora (every single article) get exact search: below `EXACT_LIMIT` vectors a
flat scan is both exact and fast enough. Larger ones (an archive) get an inverted file
(IVF, flat vectors per list): it keeps the vectors exact, supports removal by id, and
can be memory-mapped from disk. How many lists to probe is not guessed: it is the
smallest `nprobe` whose recall@10 against exact search reaches the target on a
query sample, measured at build time and recorded with the index.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from index.store import FaissStore, as_ids

EXACT_LIMIT = 50_000
TARGET_RECALL = 0.95
RECALL_K = 10
QUERY_SAMPLE = 500
NPROBES = (1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256)
# k-means on more than this many points per list buys nothing measurable.
TRAIN_POINTS_PER_LIST = 64


@dataclass(frozen=True)
class Tier:
    """Which index a store uses and what it measured at build time."""

    kind: str  # "flat" (exact) or "ivf"
    vectors: int
    lists: int = 0
    nprobe: int = 0
    recall_at_10: float = 1.0  # against exact search on `query_sample` queries
    query_sample: int = 0

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", "utf-8")

    @classmethod
    def load(cls, path: Path) -> Tier:
        return cls(**json.loads(path.read_text("utf-8")))


def recall_at_k(found: np.ndarray, exact: np.ndarray) -> float:
    """Mean share of the exact top-k ids that the approximate search also returned."""
    hits = [
        len(set(f[f >= 0]) & set(e[e >= 0])) / max(1, (e >= 0).sum())
        for f, e in zip(found, exact, strict=True)
    ]
    return float(np.mean(hits))


def lists_for(count: int) -> int:
    """IVF list count: 8 sqrt(n), so a list holds ~sqrt(n)/8 vectors.

    The usual 4 sqrt(n) met recall 0.95 on real questions at 1M vectors only by probing 64
    of 4,000 lists, 2.3 ms a query on one thread; 8,000 lists needed 48 probes, 1.3 ms
    (`article-qa bench`, benchmarks/RESULTS.md). Training the extra lists costs build time.
    """
    return max(16, int(8 * math.sqrt(count)))


def query_sample(vectors: np.ndarray, size: int, seed: int) -> np.ndarray:
    """Queries near the corpus but not in it: sampled vectors, each mixed with another.

    A stored vector as a query finds itself first, which flatters recall; real questions
    sit between sentences, so each query is the normalised mean of two random vectors.
    """
    rng = np.random.default_rng(seed)
    first = rng.integers(0, len(vectors), size)
    second = rng.integers(0, len(vectors), size)
    mixed = vectors[first] + 0.5 * vectors[second]
    return (mixed / np.linalg.norm(mixed, axis=1, keepdims=True)).astype(np.float32)


def build_store(
    vectors: np.ndarray,
    ids: np.ndarray | None = None,
    *,
    exact_limit: int = EXACT_LIMIT,
    target_recall: float = TARGET_RECALL,
    seed: int = 0,
    queries: np.ndarray | None = None,
) -> tuple[FaissStore, Tier]:
    """A store holding `vectors`, exact or IVF by size, and the tier it measured.

    `queries`: a held-out sample of real questions' vectors to choose nprobe on. Questions
    sit further from the sentences than any mix of sentences does, and need more lists
    probed (measured: synthetic queries gave recall 0.995 where real ones gave 0.921), so
    pass them when there are any; else a synthetic sample (query_sample) is used.
    """
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    count, dimensions = vectors.shape
    keys = as_ids(ids, 0, count)
    if count < exact_limit:
        store = FaissStore(dimensions)
        store.add(vectors, keys)
        return store, Tier("flat", count)

    lists = lists_for(count)
    # The factory's index owns its coarse quantizer (no Python object to keep alive).
    ivf: Any = faiss.index_factory(dimensions, f"IVF{lists},Flat", faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(seed)
    train = vectors[rng.choice(count, min(count, lists * TRAIN_POINTS_PER_LIST), replace=False)]
    ivf.cp.seed = seed
    ivf.train(train)
    ivf.add_with_ids(vectors, keys)

    if queries is None:
        queries = query_sample(vectors, QUERY_SAMPLE, seed + 1)
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    exact = faiss.IndexFlatIP(dimensions)
    exact.add(vectors)
    _, exact_rows = exact.search(queries, RECALL_K)
    exact_ids = keys[exact_rows]
    chosen, recall = NPROBES[-1], 0.0
    for nprobe in NPROBES:
        ivf.nprobe = nprobe
        _, found = ivf.search(queries, RECALL_K)
        recall = recall_at_k(found, exact_ids)
        if recall >= target_recall:
            chosen = nprobe
            break
    ivf.nprobe = chosen
    tier = Tier("ivf", count, lists, chosen, round(recall, 4), len(queries))
    return FaissStore(dimensions, ivf), tier


def load_store(path: Path, mmap: bool = True) -> FaissStore:
    """Load a saved store; IVF lists are memory-mapped (read-only) unless `mmap` is False.

    A flat store is read into memory: it is small by construction (< EXACT_LIMIT).
    """
    index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
    if not mmap or not isinstance(index, faiss.IndexIVF):
        index = faiss.read_index(str(path))
    return FaissStore(index.d, index)
