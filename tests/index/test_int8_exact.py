"""The int8 models compute the same on every x86 CPU.

onnxruntime's fast int8 kernels for CPUs without VNNI (AVX2, AVX-512 before VNNI) add
pairs of u8 x s8 products in 16 bits, which saturate: on such a CPU the shipped reader's
logits moved by up to 0.7 and the embedder's vectors to a cosine of 0.99 with the exact
ones, and answers changed (article_dev F1 0.888 against 0.902; the reader alone on
SQuAD's gold paragraphs 83.1 against 84.2). index.onnx_cpu asks for exact products.

data/int8_reference.json (written by `python -m tools.reader.reference`) holds the exact
outputs of the shipped models, with exact products, for one made-up question and passage
(logits to 3 decimals, vectors to 5): a new model file needs it written anew.
The tolerances allow for float kernels that differ between CPUs, far below what
saturation moves.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

REFERENCE = json.loads((Path(__file__).parent / "data" / "int8_reference.json").read_text())


def test_reader_logits_are_the_exact_ones() -> None:
    from qa.reader.onnx_reader import Reader

    _, start, end = Reader(threads=1).logits(REFERENCE["question"], [REFERENCE["passage"]])
    assert np.abs(start[0] - REFERENCE["start_logits"]).max() < 0.05
    assert np.abs(end[0] - REFERENCE["end_logits"]).max() < 0.05


def test_question_and_passage_vectors_are_the_exact_ones() -> None:
    from index.onnx_embedder import OnnxMiniLMEmbedder

    vectors = OnnxMiniLMEmbedder(fast=True).embed([REFERENCE["question"], REFERENCE["passage"]])
    cosines = (vectors * np.asarray(REFERENCE["embeddings"])).sum(axis=1)
    assert cosines.min() > 0.9995
