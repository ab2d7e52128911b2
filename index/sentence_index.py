"""An article's sentences, embedded and searchable."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from index.budget import step
from index.embedder import Embedder
from index.sentences import Sentence, split_sentences
from index.store import FaissStore

Splitter = Callable[[str], list[Sentence]]  # article text -> its sentences, in order

# Each sentence is also embedded with its neighbours: a sentence that says "the
# target was a building" is only findable from "November 23" with its context.
WINDOW_RADIUS = 1
# Sentences embedded per step (each twice: alone and in its window). Between steps the
# work's budget is checked and its progress reported (index.budget): half a second of
# embedding on two cores, and enough texts per call for the embedder's length-sorted
# batches (no slower than one call for the whole article, measured).
EMBED_STEP = 64


def article_checksum(text: str) -> str:
    """SHA-256 of the article text; an index is only valid for the text it was built from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def windows(sentences: list[Sentence], radius: int = WINDOW_RADIUS) -> list[str]:
    """For each sentence, the text of it and `radius` neighbours on each side."""
    return [
        " ".join(s.text for s in sentences[max(0, i - radius) : i + radius + 1])
        for i in range(len(sentences))
    ]


@dataclass
class SentenceIndex:
    """Sentences of one article with a store of sentence vectors and one of window vectors."""

    text: str
    sentences: list[Sentence]
    sentence_store: FaissStore
    window_store: FaissStore
    model_id: str

    @classmethod
    def build(
        cls, text: str, embedder: Embedder, split: Splitter = split_sentences
    ) -> SentenceIndex:
        """Split, embed and store an article (the text must hold at least one sentence).

        `split` may refuse the sentences before anything is embedded (qa.limits does).
        Raises index.budget.Stopped between embedding steps when the budget in force
        runs out or is cancelled.
        """
        sentences = split(text)
        if not sentences:
            raise ValueError("the article has no sentences")
        around = windows(sentences)
        sentence_store = FaissStore(embedder.dimensions)
        window_store = FaissStore(embedder.dimensions)
        total = len(sentences)
        step(0, total)
        for first in range(0, total, EMBED_STEP):
            last = min(total, first + EMBED_STEP)
            texts = [s.text for s in sentences[first:last]] + around[first:last]
            vectors = embedder.embed(texts)
            sentence_store.add(vectors[: last - first])
            window_store.add(vectors[last - first :])
            step(last, total)
        return cls(text, sentences, sentence_store, window_store, embedder.model_id)

    @property
    def checksum(self) -> str:
        return article_checksum(self.text)

    def similarities(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cosine of one query vector to every sentence and every window, in position order."""
        n = len(self.sentences)
        per_store = []
        for store in (self.sentence_store, self.window_store):
            scores, ids = store.search(query.reshape(1, -1), n)
            ordered = np.full(n, -1.0, dtype=np.float32)
            valid = ids[0] >= 0
            ordered[ids[0][valid]] = scores[0][valid]
            per_store.append(ordered)
        return per_store[0], per_store[1]
