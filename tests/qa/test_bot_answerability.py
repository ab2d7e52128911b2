"""ask()'s three outcomes from the calibration: confident, unsure, not found."""

from __future__ import annotations

import math

import pytest

from qa import ArticleQA
from qa.calibration import Calibration
from tests.conftest import FakeEmbedder

TEXT = (
    "Talks were held in Ras EnNakoura.\n"
    "On November 23 an air strike hit Beirut.\n"
    "The target was a building believed to house a commander.\n"
)
QUESTION = "What was targeted on November 23?"


def _bot(
    fake_embedder: FakeEmbedder, probability: float, threshold: float, confident: float
) -> ArticleQA:
    """A bot whose every answer scores `probability` (a model with its intercept only)."""
    calibration = Calibration(
        {},
        intercept=math.log(probability / (1 - probability)),
        threshold=threshold,
        confident_threshold=confident,
    )
    return ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False, calibration=calibration)


@pytest.mark.parametrize(
    ("probability", "threshold", "confident", "outcome"),
    [
        (0.9, 0.5, 0.8, "confident"),
        (0.7, 0.5, 0.8, "unsure"),
        (0.3, 0.5, 0.8, "not found"),
        # A confident cut below the threshold never makes a withheld answer confident.
        (0.5, 0.6, 0.4, "not found"),
    ],
)
def test_the_score_decides_the_outcome(
    fake_embedder: FakeEmbedder,
    probability: float,
    threshold: float,
    confident: float,
    outcome: str,
) -> None:
    answer = _bot(fake_embedder, probability, threshold, confident).ask(QUESTION)
    assert answer.score == pytest.approx(probability, abs=1e-4)
    got = "confident" if answer.confident else "unsure" if answer.found else "not found"
    assert got == outcome
    assert answer.found == bool(answer.text)
    assert not answer.confident or answer.found


def test_decide_keeps_the_withheld_answer_for_scoring(fake_embedder: FakeEmbedder) -> None:
    decision = _bot(fake_embedder, 0.3, 0.5, 0.8).decide(QUESTION)
    assert not decision.answer.found and decision.answer.text == ""
    assert decision.candidate == decision.answer.evidence[0].text  # the sentence it had


def test_the_shipped_calibration_has_both_cuts_fitted_on_the_split() -> None:
    from tools.calibration_fit import NEVER

    for with_reader in (True, False):
        calibration = Calibration.load(with_reader)
        assert "validation split" in calibration.fitted_on
        assert 0.0 < calibration.threshold < 1.0
        assert calibration.threshold <= calibration.confident_threshold
        assert ("reader_margin" in calibration.coefficients) == with_reader
    # With the reader, the answers scored above the cut were right 90% of the time on the
    # split; without it (each answer a whole sentence) no band of the split's news and
    # SQuAD-format questions was, so no sentence answer is shown as sure.
    assert Calibration.load(True).confident_threshold <= 1.0
    assert Calibration.load(False).confident_threshold == NEVER


@pytest.mark.slow
def test_the_shipped_reader_stops_after_a_decisive_first_passage(bundled_bot: ArticleQA) -> None:
    """A question the best passage answers outright is read once; without a decisive
    margin, the other passages are read too, in a second call."""
    from dataclasses import replace

    calls: list[int] = []
    reader = bundled_bot.reader
    assert reader is not None and bundled_bot.calibration.decisive_margin is not None

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(reader, name)

        def read(self, question: str, passages: list[str], segments: object = None) -> object:
            calls.append(len(passages))
            return reader.read(question, passages, segments)  # type: ignore[arg-type]

    # A question one sentence answers outright (the article's first names the channel); a
    # question with more than one plausible sentence, such as QUESTION, may read on.
    outright = "Which TV channel cited the source?"
    counted = replace_reader(bundled_bot, Counting())
    answer = counted.ask(outright)
    assert answer.found and "LBCI" in answer.text
    assert calls == [1]
    calls.clear()
    every = replace(counted.calibration, decisive_margin=None)
    counted.calibration = every
    assert counted.ask(outright).found
    assert len(calls) == 2 and calls[0] == 1


def replace_reader(bot: ArticleQA, reader: object) -> ArticleQA:
    """A shallow copy of `bot` reading with `reader` (the bundled bot is shared)."""
    import copy

    copied = copy.copy(bot)
    copied.reader = reader  # type: ignore[assignment]
    return copied
