"""Ask the validation questions once and record what refitting the answerability model needs.

A refit recomputes every feature (qa.answerability) and picks the span for each retrieval
weight without retrieving or reading again: each question keeps its reading, the best
sentences of its ranking and every sentence a span came from, the spans, those sentences,
the word-coverage figures the features ask the article's lexicon for, and the answer text
ask() would give for each candidate retrieval weight (and without the reader).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, overload

from index.sentences import Sentence
from qa.answerability import answer_fits, around, asked_terms
from qa.bot import ArticleQA
from qa.calibration import Calibration
from qa.followup import Reading
from qa.question_details import details
from qa.reading import (
    ReadSpan,
    choose_span,
    decisive,
    first_passage,
    reading_ranges,
    retrieval_lead,
)
from qa.retrieval import Ranking
from tools.validation import ValidationSet

RETRIEVAL_WEIGHTS = (0.0, 1.0, 2.0, 4.0, 8.0, 16.0)
# Sentences of each ranking kept: the features look at the best few.
KEPT_CANDIDATES = 10
PROGRESS_EVERY = 250


class Sentences(Sequence[Sentence]):
    """The few sentences of an article a question's features read, by position; its
    length is the article's sentence count."""

    def __init__(self, kept: dict[int, Sentence], size: int) -> None:
        self.kept = kept
        self.size = size

    @overload
    def __getitem__(self, position: int) -> Sentence: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[Sentence]: ...
    def __getitem__(self, position: int | slice) -> Sentence | Sequence[Sentence]:
        if isinstance(position, slice):
            raise TypeError("recorded sentences are read one at a time")
        return self.kept[position]

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[Sentence]:
        raise TypeError("recorded sentences are read one at a time")


# A figure the features asked the lexicon for: what, of which sentences, for which words
# (the features ask about the question's words and about single words of it).
Figure = tuple[str, tuple[int, ...], tuple[str, ...]]


def _asked(query_terms: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(query_terms)))


class RecordingLexicon:
    """The article's lexicon, remembering every figure the features asked it for."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon
        self.figures: dict[Figure, float] = {}

    def coverage(self, query_terms: list[str], positions: list[int]) -> float:
        key = ("coverage", tuple(positions), _asked(query_terms))
        if key not in self.figures:
            self.figures[key] = self.lexicon.coverage(query_terms, positions)
        return self.figures[key]

    def known_share(self, query_terms: list[str]) -> float:
        key = ("known_share", (), _asked(query_terms))
        if key not in self.figures:
            self.figures[key] = self.lexicon.known_share(query_terms)
        return self.figures[key]


class RecordedLexicon:
    """The figures a RecordingLexicon kept, replayed for the same question."""

    def __init__(self, figures: dict[Figure, float]) -> None:
        self.figures = figures

    def _figure(self, key: Figure) -> float:
        try:
            return self.figures[key]
        except KeyError:
            raise LookupError(
                f"the features ask for {key}, which was not recorded: "
                "ask again with python -m tools.calibrate --split --refresh"
            ) from None

    def coverage(self, query_terms: list[str], positions: list[int]) -> float:
        return self._figure(("coverage", tuple(positions), _asked(query_terms)))

    def known_share(self, query_terms: list[str]) -> float:
        return self._figure(("known_share", (), _asked(query_terms)))


@dataclass(frozen=True)
class Recorded:
    """One validation question, asked once."""

    id: str
    kind: str
    article: str
    golds: list[str]  # [] = unanswerable
    reading: Reading
    ranking: Ranking  # the kept candidates only
    spans: list[ReadSpan]
    sentences: Sentences
    figures: dict[Figure, float]
    answers: dict[float, str]  # retrieval weight -> the reader's answer text
    sentence_answer: str  # the answer without the reader (the best sentence)
    # retrieval weight -> the answer text had reading stopped after the first passage
    first_answers: dict[float, str]
    # how far the first passage leads the others in retrieval (qa.reading.retrieval_lead)
    lead: float = math.inf

    @property
    def lexicon(self) -> RecordedLexicon:
        return RecordedLexicon(self.figures)

    @property
    def first(self) -> list[ReadSpan]:
        """The spans of the first passage, read alone (what an early stop keeps)."""
        return first_passage(self.spans)

    def stops(self, decisive_margin: float | None, decisive_lead: float | None = None) -> bool:
        """Whether ask() stops after the first passage with this margin and lead."""
        fits = answer_fits(self.reading.reader_question)
        return decisive(self.first, decisive_margin, self.lead, decisive_lead, fits)

    def read(
        self, decisive_margin: float | None, decisive_lead: float | None = None
    ) -> tuple[list[ReadSpan], dict[float, str]]:
        """The spans and answers (by retrieval weight) that ask() gets with this margin
        and lead."""
        if self.stops(decisive_margin, decisive_lead):
            return self.first, self.first_answers
        return self.spans, self.answers


def record(bot: ArticleQA, question: str) -> tuple[Reading, Ranking, list[ReadSpan], dict]:
    """Ask `question` once, reading every passage (the bot never stops early); keep what
    the features and answers need, with and without the passages after the first."""
    analysis = bot.inspect(question, retrieval_weight=0.0)
    ranking, spans = analysis.ranking, analysis.spans
    positions = {c.position for c in ranking.candidates[:KEPT_CANDIDATES]}
    positions |= {s.position for s in spans}
    kept = [c for c in ranking.candidates if c.position in positions]
    lexicon = RecordingLexicon(bot.retriever.lexicon)
    count = len(bot.sentences)
    # Every figure a feature could ask for about these sentences, asked now (the
    # question's words the article should use: asked_terms asks about some single words).
    asked = asked_terms(analysis.reading.question, ranking, lexicon)
    lexicon.known_share(asked)
    pinned = details(analysis.reading.question)
    for position in positions:
        lexicon.coverage(asked, [position])
        lexicon.coverage(asked, around(position, count))
        lexicon.coverage(pinned, around(position, count))
    by_span: dict[ReadSpan | None, str] = {}

    def answers(read: list[ReadSpan]) -> dict[float, str]:
        texts = {}
        for weight in RETRIEVAL_WEIGHTS:
            span = choose_span(read, ranking, weight)
            if span not in by_span:
                chosen = bot.analyse(analysis.reading, ranking, read, weight)
                by_span[span] = bot.answer_from(chosen).text
            texts[weight] = by_span[span]
        return texts

    alone = bot.analyse(analysis.reading, ranking, spans, 0.0, with_reader=False)
    lead = -math.inf
    if bot.reader is not None:
        question_read = analysis.reading.reader_question
        ranges = reading_ranges(bot.reader, question_read, bot.sentences, ranking)
        lead = retrieval_lead(ranking, ranges)
    material = {
        "sentences": Sentences({p: bot.sentences[p] for p in positions}, count),
        "figures": lexicon.figures,
        "answers": answers(spans),
        "sentence_answer": bot.answer_from(alone).text,
        "first_answers": answers(first_passage(spans)),
        "lead": lead,
    }
    return analysis.reading, replace(ranking, candidates=kept), spans, material


def record_set(validation: ValidationSet, embedder: Any) -> list[Recorded]:
    """Every question of the set, each article indexed once, with progress on stderr."""
    records: list[Recorded] = []
    # Every passage read, so that a refit can try any decisive margin (Recorded.read).
    every_passage = replace(Calibration.load(True), decisive_margin=None)
    by_article: dict[str, list] = {}
    for question in validation.questions:
        by_article.setdefault(question.article, []).append(question)
    started = time.perf_counter()
    total = len(validation.questions)
    for key, questions in by_article.items():
        title, text = validation.articles[key]
        # Generous budgets: the machine may be busy, and no answer here is timed.
        bot = ArticleQA.from_text(
            text,
            title,
            embedder=embedder,
            index_seconds=3600.0,
            answer_seconds=600.0,
            calibration=every_passage,
        )
        for question in questions:
            reading, ranking, spans, material = record(bot, question.question)
            records.append(
                Recorded(
                    question.id,
                    validation.kinds[question.id],
                    key,
                    question.answers,
                    reading,
                    ranking,
                    spans,
                    **material,
                )
            )
            if len(records) % PROGRESS_EVERY == 0:
                elapsed = time.perf_counter() - started
                left = elapsed / len(records) * (total - len(records))
                print(
                    f"  {len(records):,}/{total:,} questions, {elapsed:.0f} s, "
                    f"about {left:.0f} s left",
                    file=sys.stderr,
                    flush=True,
                )
    return records
