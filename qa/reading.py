"""Read the best retrieved windows with the extractive reader and pick the answer span."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from index.sentences import Sentence
from qa.retrieval import Ranking

# How many top sentences to read, each with `WINDOW_RADIUS` neighbours on each side: the
# answer often sits next to the sentence that matches the question.
WINDOWS_READ = 3
WINDOW_RADIUS = 1


class SpanLike(Protocol):
    """A reader's span in one passage (read-only, like the reader's frozen Span)."""

    @property
    def passage(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def null_score(self) -> float: ...
    @property
    def log_norm(self) -> float: ...


class SpanReader(Protocol):
    """An extractive reader: the best span of each passage, or of each sentence of each
    passage when `segments` gives where the sentences start; best first (qa.reader.Reader)."""

    def read(
        self,
        question: str,
        passages: list[str],
        segments: Sequence[Sequence[int]] | None = None,
    ) -> Sequence[SpanLike]: ...


@dataclass(frozen=True)
class ReadSpan:
    """An answer span located in the article."""

    text: str
    start: int  # character offsets in the article
    end: int
    position: int  # the sentence that holds the span
    margin: float  # reader: span score minus its no-answer score
    window: int = 0  # which of the windows read it came from
    probability: float = 0.0  # the reader's probability of exactly this span in its window


def windows(ranking: Ranking, count: int, sentence_count: int) -> list[tuple[int, int]]:
    """Sentence ranges [first, last] around the best `count` sentences, without repeats."""
    ranges: list[tuple[int, int]] = []
    for candidate in ranking.candidates[:count]:
        first = max(0, candidate.position - WINDOW_RADIUS)
        last = min(sentence_count - 1, candidate.position + WINDOW_RADIUS)
        if (first, last) not in ranges:
            ranges.append((first, last))
    return ranges


def read_spans(
    reader: SpanReader,
    question: str,
    text: str,
    sentences: list[Sentence],
    ranking: Ranking,
    count: int = WINDOWS_READ,
) -> list[ReadSpan]:
    """The reader's best span in each sentence of the top windows, located in the article.

    Passages are exact slices of the article, so a span's offsets map straight back;
    a span never crosses a window because each window is read on its own. The reader
    sees the whole window (the answer's context) but proposes a span per sentence, so
    that retrieval can still prefer the sentence the question points at when the
    reader's favourite lies next to it (a date's sentence beside the answer's).
    """
    ranges = windows(ranking, count, len(sentences))
    starts = [sentences[first].start for first, _ in ranges]
    passages = [text[sentences[first].start : sentences[last].end] for first, last in ranges]
    segments = [
        [sentences[i].start - sentences[first].start for i in range(first, last + 1)]
        for first, last in ranges
    ]
    sentence_starts = [s.start for s in sentences]
    located = []
    for span in reader.read(question, passages, segments):
        start = starts[span.passage] + span.start
        end = starts[span.passage] + span.end
        position = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        margin = span.score - span.null_score
        probability = math.exp(min(0.0, span.score - span.log_norm))
        located.append(
            ReadSpan(text[start:end], start, end, position, margin, span.passage, probability)
        )
    return located


def choose_span(
    spans: list[ReadSpan], ranking: Ranking, retrieval_weight: float
) -> ReadSpan | None:
    """The span with the best reader margin plus weighted retrieval score of its sentence.

    The reader sees one window at a time and does not know that the question's date or
    topic points at another window; retrieval does, so its score breaks close calls.
    """
    if not spans:
        return None
    retrieval = {c.position: c.score for c in ranking.candidates}
    return max(spans, key=lambda s: s.margin + retrieval_weight * retrieval[s.position])
