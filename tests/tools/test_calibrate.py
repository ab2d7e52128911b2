"""The calibration tool's choices on synthetic scores, and its command line."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from qa.followup import Reading
from qa.reading import ReadSpan
from tools.calibrate import main
from tools.calibration_fit import (
    DECISIVE_TOLERANCE,
    MIN_CONFIDENT,
    NEVER,
    Table,
    best_threshold,
    choose_reading,
    confident_threshold,
    logistic,
)
from tools.calibration_record import Recorded


def test_the_threshold_maximises_f1_with_abstention() -> None:
    probability = np.array([0.9, 0.8, 0.7, 0.6, 0.3, 0.2])
    # Answering the first three is worth their F1; the last three are unanswerable
    # (abstaining scores 1 on them), the 0.6 one answerable but answered wrongly.
    gain = np.array([1.0, 1.0, 0.8, 0.0, 0.0, 0.0])
    answerable = np.array([True, True, True, True, False, False])
    cut, f1 = best_threshold(probability, gain, answerable)
    assert 0.6 < cut <= 0.7  # answer exactly the three best
    assert f1 == pytest.approx((1 + 1 + 0.8 + 0 + 1 + 1) / 6)


def test_the_threshold_never_splits_tied_scores() -> None:
    probability = np.array([0.8, 0.5, 0.5, 0.1])
    gain = np.array([1.0, 1.0, 0.0, 0.0])
    answerable = np.array([True, True, False, False])
    cut, _ = best_threshold(probability, gain, answerable)
    answered = probability >= cut
    assert answered[1] == answered[2]


def test_answering_nothing_can_be_best() -> None:
    probability = np.array([0.9, 0.5])
    cut, f1 = best_threshold(probability, np.zeros(2), np.array([False, False]))
    assert cut == NEVER and f1 == 1.0


def _ranked_right(pattern: list[bool]) -> tuple[np.ndarray, np.ndarray]:
    """Scores falling from 1 with the given right/wrong pattern, best first."""
    return np.linspace(1.0, 0.01, len(pattern)), np.array(pattern)


def test_the_confident_cut_is_the_lowest_where_90_percent_were_right() -> None:
    # 40 answers: the best 30 right, one wrong, two right, then wrong ones: 32 of the
    # best 35 are right (91%), 32 of the best 36 are not (89%).
    probability, right = _ranked_right([True] * 30 + [False, True, True] + [False] * 7)
    cut = confident_threshold(probability, right, threshold=0.0)
    confident = probability >= cut
    assert confident.sum() == 35
    assert right[confident].mean() >= 0.9
    assert right[probability >= probability[35]].mean() < 0.9


def test_the_confident_cut_is_never_below_the_threshold_and_needs_enough_answers() -> None:
    probability, right = _ranked_right([True] * 50)
    assert confident_threshold(probability, right, threshold=0.7) == 0.7
    # All right among the best few, but fewer than 90% of any MIN_CONFIDENT or more.
    few, few_right = _ranked_right([True] * (MIN_CONFIDENT - 3) + [False] * 30)
    assert few_right[:MIN_CONFIDENT].mean() < 0.9
    assert confident_threshold(few, few_right, threshold=0.0) == NEVER


def test_a_weight_against_its_features_own_direction_is_dropped() -> None:
    rng = np.random.default_rng(0)
    signal = rng.normal(size=2000)
    right = signal + rng.normal(scale=0.5, size=2000) > 0
    # A near copy of the signal, that a free fit would weigh negatively against it.
    copy = signal + rng.normal(scale=0.05, size=2000)
    noise = rng.normal(size=2000)
    x = np.column_stack([signal, copy - 0.3 * noise, noise])
    coefficients, _ = logistic(x, right)
    directions = [np.sign(np.corrcoef(x[:, i], right)[0, 1]) for i in range(3)]
    assert all(c == 0 or np.sign(c) == d for c, d in zip(coefficients, directions, strict=True))
    assert coefficients[0] > 0


def test_the_command_names_what_it_needs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as error:
        main([])
    assert error.value.code == 2 and "--split" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--split", "--limit", "none"])
    assert "expected a whole number, got 'none'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--split", "--embedder", "huge"])
    assert "--embedder: choose one of" in capsys.readouterr().err


def _table(stopped: list[bool]) -> Table:
    n = len(stopped)
    return Table([], np.zeros((n, 0)), np.zeros(n), np.ones(n, bool), ["a"] * n, np.array(stopped))


def test_the_decisive_margin_stops_most_within_the_tolerance() -> None:
    best = 0.70
    scored = {
        (None, None, 1.0): (_table([False] * 4), best),
        (None, None, 2.0): (_table([False] * 4), best - 0.01),
        (8.0, None, 1.0): (_table([True, False, False, False]), best + 0.001),
        (2.0, 0.1, 1.0): (_table([True, True, False, False]), best - DECISIVE_TOLERANCE / 2),
        (0.0, None, 1.0): (_table([True, True, True, False]), best - 2 * DECISIVE_TOLERANCE),
        (0.0, None, 2.0): (_table([True, True, True, True]), best - 3 * DECISIVE_TOLERANCE),
    }
    # Stopping on 3 of 4 costs too much F1; stopping on 2 of 4 is within the tolerance.
    assert choose_reading(scored) == (2.0, 0.1, 1.0)
    # Of two that stop as often, the better F1; then the lower margin, lead and weight.
    scored[2.0, 0.05, 1.0] = (_table([False, True, True, False]), best - DECISIVE_TOLERANCE / 4)
    assert choose_reading(scored) == (2.0, 0.05, 1.0)
    scored[2.0, 0.05, 1.0] = (_table([False, True, True, False]), best - DECISIVE_TOLERANCE / 2)
    assert choose_reading(scored) == (2.0, 0.05, 1.0)
    # Reading on is kept when no margin is close enough.
    for key in [(2.0, 0.1, 1.0), (2.0, 0.05, 1.0), (8.0, None, 1.0)]:
        del scored[key]
    assert choose_reading(scored) == (None, None, 1.0)


def _span(window: int, margin: float) -> ReadSpan:
    return ReadSpan("x", 0, 1, 0, margin, window)


def test_a_record_replays_the_reading_for_any_margin_and_lead() -> None:
    first, rest = [_span(0, 2.0), _span(0, -1.0)], [_span(1, 6.0)]
    record = Recorded(
        "q",
        "answerable",
        "a",
        ["x"],
        Reading("What is x?", "What is x?"),
        None,
        [*first, *rest],
        None,
        {},  # type: ignore[arg-type]
        {0.0: "whole"},
        "sentence",
        {0.0: "first"},
    )
    assert record.first == first
    assert record.read(2.0) == (first, {0.0: "first"})
    assert record.read(2.5) == ([*first, *rest], {0.0: "whole"})
    assert record.read(None) == ([*first, *rest], {0.0: "whole"})
    # With a lead asked for, the first passage must lead retrieval by that much too.
    record = replace(record, lead=0.04)
    assert record.read(2.0, 0.04) == (first, {0.0: "first"})
    assert record.read(2.0, 0.05) == ([*first, *rest], {0.0: "whole"})
    assert record.read(None, 0.0) == ([*first, *rest], {0.0: "whole"})


class _TwoPlaces:
    """A scripted reader: "Beirut" wherever it is (margin 9), no answer elsewhere."""

    def token_count(self, text: str) -> int:
        return len(text.split())

    def passage_budget(self, question: str) -> int:
        return 12  # one or two sentences a passage: most questions read two passages

    def read(self, question: str, passages: list[str], segments: object = None) -> list:
        from tests.qa.test_reading import FakeSpan

        spans = []
        for number, passage in enumerate(passages):
            at = passage.find("Beirut")
            if at >= 0:
                spans.append(FakeSpan(number, at, at + 6, "Beirut", 9.0, 0.0))
            else:
                spans.append(FakeSpan(number, 0, 3, passage[:3], 0.0, 5.0))
        return spans


def test_readings_put_together_the_table_of_any_margin_and_lead(fake_embedder) -> None:
    """The fit's shortcut (rows taken from the every-passage and first-passage tables)
    gives what recomputing the table for that margin and lead gives."""
    from qa import ArticleQA
    from tools.calibration_fit import Readings, table
    from tools.calibration_record import record

    text = (
        "Talks were held in Ras EnNakoura near the border.\n"
        "On November 23 an air strike hit Beirut, the capital.\n"
        "The target was a building believed to house a commander.\n"
        "Witnesses heard explosions near a commercial district.\n"
        "Lebanese authorities condemned the strike on Beirut.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=_TwoPlaces())
    # "city" is not in the text: the features ask about that word on its own too.
    questions = [
        "Where was the strike?",
        "Who condemned it?",
        "What was hit?",
        "Where?",
        "In which city was the strike?",
    ]
    records = []
    for number, question in enumerate(questions):
        reading, ranking, spans, material = record(bot, question)
        records.append(
            Recorded(
                str(number), "answerable", "a", ["Beirut"], reading, ranking, spans, **material
            )
        )
    assert len({r.lead for r in records}) > 1
    readings = Readings(records, 4.0)
    for margin, lead in [(None, None), (5.0, None), (10.0, None), (5.0, 0.2), (5.0, 0.5)]:
        put_together = readings.at(margin, lead)
        recomputed = table(records, True, 4.0, margin, lead)
        assert put_together.names == recomputed.names
        assert np.array_equal(put_together.features, recomputed.features)
        assert np.array_equal(put_together.gain, recomputed.gain)
        assert np.array_equal(put_together.stopped, recomputed.stopped)


def test_a_record_replays_the_features_the_question_had(fake_embedder) -> None:
    """A refit recomputes the features from the record: they must be the ones ask()
    computed, word-coverage figures included ("city", which the text lacks, is asked
    about on its own)."""
    from qa import ArticleQA
    from qa.answerability import features
    from tools.calibration_record import RecordedLexicon, record

    text = (
        "Talks were held in Ras EnNakoura near the border.\n"
        "On November 23 an air strike hit Beirut, the capital.\n"
        "Lebanese authorities condemned the strike on Beirut.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=_TwoPlaces())
    for question in ["In which city was the strike?", "Which border were talks held near?"]:
        live = bot.inspect(question, retrieval_weight=0.0)
        reading, ranking, spans, material = record(bot, question)
        replayed = features(
            reading.question,
            ranking,
            spans,
            live.span,
            RecordedLexicon(material["figures"]),
            bot.sentences,
        )
        assert replayed == live.features
