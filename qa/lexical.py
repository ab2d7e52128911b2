"""Word matching: BM25 over sentences (qa.bm25) and how much of a question the article covers."""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

import numpy as np
import Stemmer

from index.sentences import Sentence
from qa.bm25 import BM25, words
from qa.demonyms import place_words

# Question words carry no topic; "did"/"does" would otherwise match every past-tense verb.
_QUESTION_WORDS = {
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "did",
    "does",
    "do",
    "say",
    "said",
    "happen",
    "happened",
}
# scikit-learn's English stop words, kept as a data file: importing scikit-learn for one
# list cost most of a second at start-up.
_STOPWORDS_FILE = Path(__file__).parent / "data" / "stopwords_en.txt"
ENGLISH_STOP_WORDS = frozenset(
    line.strip()
    for line in _STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
STOPWORDS = frozenset(ENGLISH_STOP_WORDS | _QUESTION_WORDS)
_STEMMER = Stemmer.Stemmer("english")


def terms(text: str) -> list[str]:
    """Stemmed content words of `text` (the same analysis BM25 uses)."""
    return terms_of([text])[0]


def terms_of(texts: list[str]) -> list[list[str]]:
    """`terms` of each text: its words, stop words left out, then stemmed (Snowball)."""
    rows = [words(text, STOPWORDS) for text in texts]
    unique = sorted({word for row in rows for word in row})
    stems = dict(zip(unique, _STEMMER.stemWords(unique), strict=True))
    return [[stems[word] for word in row] for row in rows]


class Lexicon:
    """BM25 over an article's sentences, plus per-sentence term sets for coverage."""

    def __init__(self, sentences: list[Sentence]) -> None:
        texts = [s.text for s in sentences]
        # A place and its people are one term ("Lebanon", "Lebanese": qa.demonyms), in the
        # article and in every question asked of it.
        places = place_words(texts)
        stemmed = dict(zip(places, _STEMMER.stemWords(list(places)), strict=True))
        targets = {stemmed[word]: _STEMMER.stemWord(to) for word, to in places.items()}
        self._folds = {stem: to for stem, to in targets.items() if stem != to}
        rows = [self.folded(row) for row in terms_of(texts)]
        self._sentence_terms = [set(row) for row in rows]
        # An empty sentence counts as one word long, as it did when bm25s scored them (it
        # refused empty rows): the average length, and so every score, stays the same.
        self._bm25 = BM25([row or ["\u2205"] for row in rows])
        n = len(sentences)
        document_frequency: dict[str, int] = {}
        for sentence_terms in self._sentence_terms:
            for term in sentence_terms:
                document_frequency[term] = document_frequency.get(term, 0) + 1
        # Unknown words get the highest weight: a question about a word the article
        # never uses is the clearest sign it is not answered there.
        self._idf = {t: float(np.log(1 + n / df)) for t, df in document_frequency.items()}
        self._unknown_idf = float(np.log(1 + n / 0.5))

    def folded(self, query_terms: list[str]) -> list[str]:
        """The terms with a place's people as the place ("lebanes" -> "lebanon")."""
        return [self._folds.get(term, term) for term in query_terms]

    def scores(self, query_terms: list[str]) -> np.ndarray:
        """BM25 of every sentence for the query, scaled so the best sentence has 1."""
        if not query_terms:
            return np.zeros(len(self._sentence_terms), dtype=np.float32)
        raw = self._bm25.scores(self.folded(query_terms))
        best = float(raw.max())
        return raw / best if best > 0 else raw

    def coverage(self, query_terms: list[str], positions: list[int]) -> float:
        """IDF-weighted share of the query's terms found in the given sentences (0..1)."""
        unique = set(self.folded(query_terms))
        if not unique:
            return 1.0  # nothing asked that the article could lack
        present: set[str] = set()
        for position in positions:
            present |= self._sentence_terms[position]
        return self._weighted_share(unique, present)

    def known_share(self, query_terms: list[str]) -> float:
        """IDF-weighted share of the query's terms that the article uses anywhere (0..1):
        a name or number it never mentions is the clearest sign it does not answer."""
        unique = set(self.folded(query_terms))
        if not unique:
            return 1.0
        return self._weighted_share(unique, self._idf)

    def _weighted_share(self, unique: set[str], present: Container[str]) -> float:
        """The IDF-weighted share of `unique` (not empty) that is in `present`."""
        weights = {t: self._idf.get(t, self._unknown_idf) for t in unique}
        return sum(w for t, w in weights.items() if t in present) / sum(weights.values())
