"""The bundled embedders: int8-fast (the default) and int8 ONNX, and the fp32 torch model."""

from __future__ import annotations

import numpy as np
import pytest

from index.embedder import EMBEDDERS, MiniLMEmbedder, default_embedder
from index.onnx_embedder import FAST_MINILM_ID, OnnxMiniLMEmbedder
from qa.article import BUNDLED_ARTICLE
from tools.parity import top_k_agreement

QUESTIONS = [
    "What was targeted on November 23?",
    "Who called for restraint?",
    "How many people were killed?",
    "Where did the strike happen?",
    "What did the army say about the operation?",
]


@pytest.fixture(scope="module")
def article_sentences() -> list[str]:
    return [s for s in BUNDLED_ARTICLE.read_text("utf-8").splitlines() if s.strip()]


def test_int8_vectors_are_unit_length_and_keep_order() -> None:
    embedder = OnnxMiniLMEmbedder()
    texts = ["a short one", "a considerably longer sentence " * 5, "", "mid length text"]
    vectors = embedder.embed(texts)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    # Batches are sorted by length inside; each row must still be its own text's vector.
    one_by_one = np.vstack([embedder.embed([t]) for t in texts])
    assert np.allclose(vectors, one_by_one, atol=1e-4)
    assert embedder.embed([]).shape == (0, 384)


class CountingSession:
    """An onnxruntime session that counts its runs."""

    def __init__(self, session: object) -> None:
        self.session, self.runs = session, 0

    def run(self, outputs: list[str], feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        self.runs += 1
        return self.session.run(outputs, feeds)  # type: ignore[attr-defined, no-any-return]


def test_int8_fast_embeds_a_question_on_one_thread_and_batches_on_two(
    monkeypatch: pytest.MonkeyPatch, article_sentences: list[str]
) -> None:
    from index import onnx_embedder

    fast = OnnxMiniLMEmbedder(fast=True)
    assert fast._many is None  # a saved index needs no batch session: none opened yet
    question = fast.embed(QUESTIONS[:1])
    batch = fast.embed(article_sentences[:8])
    few, many = CountingSession(fast._few), CountingSession(fast._many)
    fast._few, fast._many = few, many
    assert np.array_equal(fast.embed(QUESTIONS[:1]), question)
    assert (few.runs, many.runs) == (1, 0)
    assert np.array_equal(fast.embed(article_sentences[:8]), batch)
    assert (few.runs, many.runs) == (1, 1)
    # The same question on the two-thread session: the very same vector.
    monkeypatch.setattr(onnx_embedder, "ONE_THREAD_TOKENS", 0)
    assert np.array_equal(fast.embed(QUESTIONS[:1]), question)
    assert (few.runs, many.runs) == (1, 2)


def test_int8_agrees_with_fp32(article_sentences: list[str]) -> None:
    """The int8 model is the default only because it finds the fp32 model's neighbours."""
    fp32, int8 = MiniLMEmbedder(), OnnxMiniLMEmbedder()
    cosines = (fp32.embed(article_sentences) * int8.embed(article_sentences)).sum(axis=1)
    assert cosines.min() > 0.99
    assert top_k_agreement(fp32, int8, QUESTIONS, article_sentences, k=10) >= 0.85
    assert fp32.model_id != int8.model_id  # an index built by one is stale for the other


def test_int8_fast_agrees_with_fp32_and_embeds_in_bulk(article_sentences: list[str]) -> None:
    fp32, fast = MiniLMEmbedder(), OnnxMiniLMEmbedder(fast=True)
    assert fast.model_id == "sentence-transformers/all-MiniLM-L6-v2+onnx-int8-dynamic"
    vectors = fast.embed(article_sentences)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert (fp32.embed(article_sentences) * vectors).sum(axis=1).min() > 0.95
    assert top_k_agreement(fp32, fast, QUESTIONS, article_sentences, k=10) >= 0.85
    # Activations are quantised per batch: a vector moves a little with its batch-mates.
    alone = np.vstack([fast.embed([s]) for s in article_sentences])
    assert (alone * vectors).sum(axis=1).min() > 0.95


def test_default_embedder_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    assert EMBEDDERS == ("int8-fast", "int8", "fp32")
    assert isinstance(default_embedder(), OnnxMiniLMEmbedder)
    assert default_embedder() is default_embedder("int8-fast")
    assert default_embedder().model_id == FAST_MINILM_ID
    assert default_embedder("int8") is not default_embedder()
    monkeypatch.setenv("ARTICLE_QA_EMBEDDER", "fp32")
    assert isinstance(default_embedder(), MiniLMEmbedder)
    with pytest.raises(ValueError, match="unknown embedder 'fp16'"):
        default_embedder("fp16")


@pytest.mark.parametrize("kind", EMBEDDERS)
def test_curly_quotation_marks_embed_as_straight_ones(kind: str) -> None:
    # News sites write "Lebanon’s" and “quoted”; the same sentence written straight must be
    # the same vector, on the sentences' side and on the question's.
    embedder = default_embedder(kind)
    curly = "Lebanon’s ministry called the talks a “significant breakthrough” on ‘Tuesday’."
    straight = "Lebanon's ministry called the talks a \"significant breakthrough\" on 'Tuesday'."
    vectors = embedder.embed([curly, straight])
    assert np.allclose(vectors[0], vectors[1], atol=1e-6)
    # A question is embedded alone.
    alone = [embedder.embed([text]) for text in ("Lebanon’s ministry", "Lebanon's ministry")]
    assert np.allclose(*alone)
