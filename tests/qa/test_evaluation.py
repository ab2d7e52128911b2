"""How well Answer.score tells right answers from the rest: AUC, reliability, outcomes."""

from __future__ import annotations

import pytest

from qa.answer import Answer
from qa.datasets import EvalQuestion
from qa.evaluation import Outcome, auc, confidence, reliability, reliability_table


def test_auc_of_a_known_case() -> None:
    # Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered right.
    assert auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == 0.75
    assert auc([0.1, 0.2, 0.8, 0.9], [False, False, True, True]) == 1.0
    assert auc([0.9, 0.8, 0.2, 0.1], [False, False, True, True]) == 0.0


def test_auc_counts_ties_as_half_and_needs_both_classes() -> None:
    assert auc([0.5, 0.5, 0.5], [True, False, True]) == 0.5
    assert auc([0.2, 0.5, 0.5], [False, True, False]) == 0.75
    assert auc([0.1, 0.9], [True, True]) is None


def test_reliability_bins_the_scores_and_says_how_often_they_were_right() -> None:
    rows = reliability([0.05, 0.15, 0.12, 0.95, 1.0], [False, True, False, True, True])
    assert rows == [
        ("0.0-0.1", 1, 0.05, 0.0),
        ("0.1-0.2", 2, 0.135, 0.5),
        ("0.9-1.0", 2, 0.975, 1.0),
    ]
    table = reliability_table(rows)
    assert table.splitlines()[0].startswith("| score | questions |")
    assert "| 0.1-0.2 | 2 | 0.135 | 0.5 |" in table


def _outcome(golds: list[str], candidate: str, score: float, found: bool, sure: bool) -> Outcome:
    answer = Answer(candidate if found else "", found, score, confident=sure)
    return Outcome(EvalQuestion("q", "?", golds, "a"), answer, 0.01, candidate)


def test_outcomes_are_counted_and_a_withheld_right_answer_still_counts_as_right() -> None:
    outcomes = [
        _outcome(["Beirut"], "Beirut", 0.9, True, True),
        _outcome(["Beirut"], "in Beirut", 0.4, False, False),  # right, but withheld
        _outcome([], "Tyre", 0.6, True, False),  # unanswerable: never right to answer
        _outcome(["Tyre"], "Sidon", 0.2, False, False),
    ]
    assert [o.right_to_answer for o in outcomes] == [True, True, False, False]
    found = confidence(outcomes)
    assert found["confident"] == 1 and found["unsure"] == 1 and found["not_found"] == 2
    assert found["score_auc"] == pytest.approx(auc([0.9, 0.4, 0.6, 0.2], [1, 1, 0, 0]))
