"""An article's sentences, embedded and searchable."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from index.embedder import Embedder
from index.sentences import Sentence, split_sentences
from index.store import FaissStore

# Each sentence is also embedded with its neighbours: a sentence that says "the
# target was a building" is only findable from "November 23" with its context.
WINDOW_RADIUS = 1


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
    def build(cls, text: str, embedder: Embedder) -> SentenceIndex:
        """Split, embed and store an article (the text must hold at least one sentence)."""
        sentences = split_sentences(text)
        if not sentences:
            raise ValueError("the article has no sentences")
        vectors = embedder.embed([s.text for s in sentences] + windows(sentences))
        n = len(sentences)
        sentence_store = FaissStore(embedder.dimensions)
        sentence_store.add(vectors[:n])
        window_store = FaissStore(embedder.dimensions)
        window_store.add(vectors[n:])
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
