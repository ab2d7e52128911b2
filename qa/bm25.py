"""Okapi BM25 over an article's sentences (Lucene's variant, as bm25s scores it).

An article has tens to a few thousand sentences, so the index is a dictionary of
postings and a query a handful of array additions. bm25s computed the same scores
(tests/qa/test_bm25.py holds the two equal), but importing it brought in SciPy's sparse
matrices, tqdm and numpy's test helpers: about a fifth of a cold `article-qa ask`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

# Words of two or more letters or digits: scikit-learn's CountVectorizer pattern, which
# bm25s.tokenize uses too.
_WORD = re.compile(r"(?u)\b\w\w+\b")


def words(text: str, stopwords: frozenset[str] | set[str]) -> list[str]:
    """The lowercased words of `text`, stop words left out (before stemming, as bm25s)."""
    return [word for word in _WORD.findall(text.lower()) if word not in stopwords]


class BM25:
    """Scores of every document (a list of terms) for a query (a list of terms).

    k1 and b are Lucene's and bm25s's defaults. A query term that repeats counts each
    time; one that no document has adds nothing.
    """

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75):
        self.size = len(documents)
        lengths = np.array([len(document) for document in documents], dtype=np.float32)
        average = float(lengths.mean()) if self.size else 1.0
        # Lucene's length normalisation, per document: k1 * (1 - b + b * |d| / avgdl).
        norms = k1 * ((1 - b) + b * lengths / np.float32(average))
        counts: dict[str, list[tuple[int, int]]] = {}
        for number, document in enumerate(documents):
            for term, frequency in Counter(document).items():
                counts.setdefault(term, []).append((number, frequency))
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, hits in counts.items():
            documents_with = np.array([number for number, _ in hits], dtype=np.int64)
            frequencies = np.array([frequency for _, frequency in hits], dtype=np.float32)
            idf = math.log(1 + (self.size - len(hits) + 0.5) / (len(hits) + 0.5))
            weights = np.float32(idf) * frequencies / (norms[documents_with] + frequencies)
            self._postings[term] = (documents_with, weights.astype(np.float32))

    def scores(self, query: Iterable[str]) -> np.ndarray:
        """BM25 of every document for `query`, float32, in document order."""
        total = np.zeros(self.size, dtype=np.float32)
        for term in query:
            posting = self._postings.get(term)
            if posting is not None:
                total[posting[0]] += posting[1]
        return total
