"""tools/answer_length.py: the gold window it reads, the gates and the choice it reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from index.sentences import split_sentences
from tools.answer_length import (
    FACTOID,
    WIDENINGS,
    Scores,
    best_widening,
    chosen,
    measure,
    read_gold_window,
    tables,
)
from tools.reader.squad import Paragraph, Question

CONTEXT = (
    "Talks were held in Ras EnNakoura. Later that month an air strike hit Beirut, the "
    "capital. Witnesses heard explosions. Officials met again in December."
)


@dataclass(frozen=True)
class Found:
    passage: int
    start: int
    end: int
    text: str
    score: float = 9.0
    null_score: float = 1.0
    log_norm: float = 9.0


class WordReader:
    """Answers `word` wherever a passage holds it; records the passages it was given."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.passages: list[str] = []

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[Found]:
        self.passages = passages
        at = passages[0].find(self.word)
        return [Found(0, at, at + len(self.word), self.word)]


def _paragraph(*questions: Question) -> Paragraph:
    return Paragraph("t/a", CONTEXT, tuple(split_sentences(CONTEXT)), questions)


def _question(text: str, gold: str) -> Question:
    return Question(text, text, CONTEXT.index(gold), gold, (gold,))


def test_the_reader_reads_the_gold_sentence_and_its_neighbours() -> None:
    question = _question("What happened later that month?", "an air strike hit Beirut")
    reader = WordReader("air strike")
    span = read_gold_window(reader, _paragraph(question), question)
    assert reader.passages == [CONTEXT[: CONTEXT.index(" Officials")]]
    assert CONTEXT[span.start : span.end] == span.text == "air strike"
    assert span.position == 1


def test_widening_is_measured_per_kind_and_chosen_only_where_f1_holds() -> None:
    event = _question("What happened later that month?", "air strike hit Beirut")
    factoid = _question("What hit Beirut?", "air strike")
    paragraph = _paragraph(event, factoid)
    asked = chosen([paragraph], control=5)
    assert [(kind, q.qid) for kind, _, q in asked] == [("event", event.qid), (FACTOID, factoid.qid)]
    scores = measure(WordReader("air strike"), asked)
    # The event's gold is the clause's end: completing the span gets it exactly.
    assert scores["event"].gated("clause-end", 2) == (1.0, 1)
    assert scores["event"].gated("clause-end", 1) == (scores["event"].span[0], 0)
    best = best_widening(scores["event"])
    assert best is not None and best[:2] == ("clause-end", 2)
    # The factoid's gold is the span itself: every widening loses, so none is chosen.
    assert best_widening(scores[FACTOID]) is None
    lines = tables(scores)
    assert sum(line.startswith("| event |") for line in lines) == len(WIDENINGS) + 1


def test_gates_leave_longer_spans_alone() -> None:
    scores = Scores(span=[0.5, 1.0], words=[1, 4])
    scores.widened["clause"] += [1.0, 0.2]
    scores.changed["clause"] += [True, True]
    assert scores.gated("clause", 2) == (1.0, 1)  # the 4-word span keeps its 1.0
    assert scores.gated("clause", None) == (pytest.approx(0.6), 2)
