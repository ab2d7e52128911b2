"""Hybrid retrieval: dense (FAISS) and BM25 fused, with dates and neighbouring sentences."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date

import numpy as np

from index.embedder import Embedder
from index.sentence_index import SentenceIndex
from qa.casualties import asked_fate, fate_counts, of_another_year
from qa.dates import (
    dated_sentences,
    event_range,
    find_dates,
    own_days,
    range_scores,
    remove_dates,
    scores_within,
    sentence_dates,
)
from qa.lexical import Lexicon, terms
from qa.recalled_events import recalls_earlier_event


@dataclass(frozen=True)
class FusionWeights:
    """How much each signal counts in a sentence's score (all signals are in 0..1)."""

    sentence: float = 0.45  # cosine of the question and the sentence alone
    window: float = 0.25  # cosine of the question and the sentence with its neighbours
    lexical: float = 0.30  # BM25, scaled to the best sentence
    date: float = 0.30  # the sentence is about a date the question names
    # The sentence counts people whom the fate the question asks about befell ("killing
    # at least 142 people" for "How many people died?"): as much as a date named, for
    # the same reason: a news lead says it in other words than the question's.
    fate: float = 0.30
    # A follow-up's sentences, those the last answer cited or next to them (qa.followup):
    # they come first in the order, but `Candidate.score` leaves this out, so that a
    # follow-up is scored (and calibrated) as the plain question it stands for.
    focus: float = 0.30


@dataclass(frozen=True)
class Candidate:
    """A sentence scored for a question; `score` is the fused score of the question's own
    signals, and candidates are ranked by it plus the follow-up's `focus` (0 otherwise)."""

    position: int
    score: float
    dense: float
    window: float
    lexical: float
    date: float
    focus: float = 0.0
    fate: float = 0.0


@dataclass(frozen=True)
class Ranking:
    """Every sentence of the article scored for one query, best first."""

    candidates: list[Candidate]
    query_terms: list[str]
    asks_unknown_date: bool  # the question names a date the article never mentions


def focus_scores(focus: Sequence[int], count: int) -> np.ndarray:
    """1 for the sentence the last answer came from, 0.5 for the others it cited, and half
    that next to each: "Where was that?" is often answered beside the cited sentence."""
    near = np.zeros(count, dtype=np.float32)
    for rank, position in enumerate(focus):
        weight = 1.0 if rank == 0 else 0.5
        for offset, share in ((0, 1.0), (-1, 0.5), (1, 0.5)):
            if 0 <= position + offset < count:
                near[position + offset] = max(near[position + offset], weight * share)
    return near


@contextmanager
def one_openmp_thread() -> Iterator[None]:
    """FAISS searches on the calling thread only, until the block ends.

    An article's index holds hundreds of vectors: starting FAISS's OpenMP team costs more
    than the search (measured 0.23 ms against 0.04 ms on 2 cores), and its threads wait
    spinning, taking the cores from the reader when questions overlap. The setting is the
    calling thread's own (OpenMP keeps one per thread), so it is put back afterwards.
    """
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


class Retriever:
    """Scores an article's sentences for a query."""

    def __init__(
        self,
        index: SentenceIndex,
        embedder: Embedder,
        weights: FusionWeights | None = None,
        article_day: Date | None = None,
    ) -> None:
        self.index = index
        self.article_day = article_day
        # Calendar dates resolved against the article's own date, for ranges in questions
        # ("after November 20", "last week") and for citations.
        named_days = own_days(index.sentences)
        self.dated = dated_sentences(index.sentences, article_day, named_days)
        self.embedder = embedder
        self.weights = weights or FusionWeights()
        self.lexicon = Lexicon(index.sentences)
        self.dates = sentence_dates(index.sentences, named_days)
        # The days the article states (not only inherits): a question naming none of them
        # asks about a day the article does not tell of; spelling names "the 23rd" by them.
        self.stated_days = {day for dated in self.dates for day, s in dated.items() if s == 1.0}
        self._fated: dict[str, list[tuple[int, list[tuple[int, int]]]]] = {}

    def rank(self, query: str, focus: Sequence[int] = ()) -> Ranking:
        """All sentences, best first, for `query`; a follow-up's `focus` (the sentences the
        last answer cited, best first) and their neighbours are ranked higher."""
        vector = self.embedder.embed([query])[0]
        with one_openmp_thread():
            dense, window = self.index.similarities(vector)
        # Dates are matched by the date signal, which knows "Nov. 23" is "23 November";
        # left in the BM25 query they would also outweigh the words that say what happened.
        query_terms = terms(remove_dates(query))
        lexical = self.lexicon.scores(query_terms)
        asked_dates = find_dates(query)
        # Each sentence's own few dates looked up among the asked ones, not every asked
        # date in every sentence: a question can name hundreds (its follow-up context).
        date = np.array(
            [
                max((s for day, s in d.items() if day in asked_dates), default=0.0)
                for d in self.dates
            ],
            dtype=np.float32,
        )
        asked_range, in_range = range_scores(query, self.dated, self.article_day)
        if asked_range is None:  # "in the week of the talks": dated by the talks' sentence
            anchored = event_range(query, self.dated, self.find)
            if anchored is not None:
                in_range = scores_within(anchored[1], self.dated)
        date = np.maximum(date, np.asarray(in_range, dtype=np.float32))
        fate = self.fate_scores(query)
        w = self.weights
        fused = w.sentence * dense + w.window * window + w.lexical * lexical + w.date * date
        fused = fused + w.fate * fate
        near = focus_scores(focus, len(fused))
        order = np.argsort(-(fused + w.focus * near), kind="stable")
        candidates = [
            Candidate(
                position=int(i),
                score=float(fused[i]),
                dense=float(dense[i]),
                window=float(window[i]),
                lexical=float(lexical[i]),
                date=float(date[i]),
                focus=float(near[i]),
                fate=float(fate[i]),
            )
            for i in order
        ]
        unknown = bool(asked_dates) and not (asked_dates & self.stated_days)
        return Ranking(candidates, query_terms, unknown)

    def fate_scores(self, query: str) -> np.ndarray:
        """1 for each sentence that counts people whom the fate `query` asks about befell
        (qa.casualties), outside a clause or a sentence of background recalling an
        earlier event; 0 for the others, and for every sentence where no such count is
        asked."""
        scores = np.zeros(len(self.index.sentences), dtype=np.float32)
        fate = asked_fate(query)
        if fate is None:
            return scores
        if fate not in self._fated:  # the article's counts of each fate, found once
            found = ((s.position, fate_counts(fate, s)) for s in self.index.sentences)
            self._fated[fate] = [(position, counts) for position, counts in found if counts]
        sentences = self.index.sentences
        for position, counts in self._fated[fate]:
            sentence = sentences[position]
            if of_another_year(query, sentence):
                continue
            if any(not recalls_earlier_event(query, sentence, c) for c, _ in counts):
                scores[position] = 1.0
        return scores

    def find(self, phrase: str) -> list[int]:
        """Sentence positions for a short phrase ("the talks"), best first: meaning and words."""
        vector = self.embedder.embed([phrase])[0]
        with one_openmp_thread():
            dense, _ = self.index.similarities(vector)
        lexical = self.lexicon.scores(terms(phrase))
        fused = self.weights.sentence * dense + self.weights.lexical * lexical
        return [int(i) for i in np.argsort(-fused, kind="stable")]
