"""Picking the answer span from the reader's output, with a scripted fake reader."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from qa import ArticleQA
from qa.calibration import Calibration
from qa.reading import ReadSpan, choose_span, read_spans

TEXT = (
    "Talks were held in Ras EnNakoura.\n"
    "On November 23 an air strike hit Beirut.\n"
    "The target was a building believed to house a commander.\n"
    "Witnesses heard explosions.\n"
)


@dataclass(frozen=True)
class FakeSpan:
    passage: int
    start: int
    end: int
    text: str
    score: float
    null_score: float
    log_norm: float = 10.0


class PhraseReader:
    """Answers with `phrase` wherever it occurs; other passages get no answer."""

    def __init__(self, phrase: str) -> None:
        self.phrase = phrase
        self.passages: list[str] = []
        self.segments: Sequence[Sequence[int]] | None = None

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[FakeSpan]:
        self.passages = passages
        self.segments = segments
        spans = []
        for number, passage in enumerate(passages):
            at = passage.find(self.phrase)
            if at >= 0:
                spans.append(FakeSpan(number, at, at + len(self.phrase), self.phrase, 9.0, 1.0))
            else:
                spans.append(FakeSpan(number, 0, 4, passage[:4], 0.0, 5.0))
        return sorted(spans, key=lambda s: s.null_score - s.score)


def test_span_offsets_point_into_the_article(fake_embedder) -> None:
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    ranking = bot.retriever.rank("What was targeted on November 23?")
    reader = PhraseReader("a building believed to house a commander")
    spans = read_spans(reader, "What was targeted?", TEXT, bot.sentences, ranking)
    span = choose_span(spans, ranking, retrieval_weight=0.0)
    assert span is not None
    assert TEXT[span.start : span.end] == span.text == reader.phrase
    assert span.position == 2
    assert span.margin == 8.0
    # The reader's probability of the span in its window: exp(score - log_norm).
    assert span.probability == pytest.approx(math.exp(9.0 - 10.0))
    assert reader.passages[span.window].find(reader.phrase) >= 0
    # Each passage is an exact slice of the article: a sentence and its neighbours.
    assert all(passage in TEXT for passage in reader.passages)
    # The reader is told where each sentence of a window starts, to propose one span each.
    sentence_texts = {s.text for s in bot.sentences}
    assert reader.segments is not None
    for passage, starts in zip(reader.passages, reader.segments, strict=True):
        pieces = [passage[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        assert starts[0] == 0 and all(piece in sentence_texts for piece in pieces)


def test_the_sentence_holding_the_span_is_cited_first(fake_embedder) -> None:
    reader = PhraseReader("Ras EnNakoura")
    # Retrieval weight 0: the reader alone picks the span, whatever retrieval ranks first.
    calibration = Calibration({}, intercept=0.0, threshold=0.5, retrieval_weight=0.0)
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=reader, calibration=calibration)
    answer = bot.ask("Where was the air strike on November 23?")
    best = answer.evidence[0]
    assert best.position == 0
    assert (best.answer_start, best.answer_end) == (19, 32)
    assert TEXT[best.answer_start : best.answer_end] == "Ras EnNakoura"
    assert all(e.answer_start is None for e in answer.evidence[1:])


def test_retrieval_weight_breaks_close_calls_towards_the_better_sentence(fake_embedder) -> None:
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    ranking = bot.retriever.rank("Where did the air strike on November 23 hit?")
    top = ranking.candidates[0].position
    other = ranking.candidates[-1].position
    spans = [
        ReadSpan("x", 0, 1, other, margin=2.0),
        ReadSpan("y", 0, 1, top, margin=1.9),
    ]
    assert choose_span(spans, ranking, retrieval_weight=0.0).position == other
    assert choose_span(spans, ranking, retrieval_weight=16.0).position == top
