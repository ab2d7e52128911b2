from __future__ import annotations

from qa.scoring import contains_answer, exact_match, normalize, token_f1


def test_normalize_follows_squad2() -> None:
    assert normalize("The ‘Chief of Staff’,  of  Hezbollah!") == "chief of staff of hezbollah"


def test_exact_match_and_f1_take_the_best_gold() -> None:
    golds = ["Ras EnNakoura", "a neutral location along the disputed border"]
    assert exact_match("ras ennakoura", golds) == 1.0
    assert token_f1("in Ras EnNakoura", golds) == 0.8


def test_unanswerable_scores_one_only_when_abstaining() -> None:
    assert exact_match("", []) == 1.0 and token_f1("", []) == 1.0
    assert exact_match("Beirut", []) == 0.0 and token_f1("Beirut", []) == 0.0
    assert token_f1("", ["Beirut"]) == 0.0


def test_contains_answer_matches_whole_tokens() -> None:
    assert contains_answer("The capital is Beirut.", ["beirut"])
    assert not contains_answer("Beiruti food", ["Beirut"])
