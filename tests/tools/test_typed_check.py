"""tools.typed_check: the typed forms of a question, and the table of answers they get."""

from __future__ import annotations

import random

from qa.answer import Answer
from qa.datasets import EvalQuestion, EvalSet
from qa.evaluation import Outcome
from tools.typed_check import (
    beside,
    casual,
    opening,
    polite,
    report,
    shortened,
    sourced,
    typed_set,
    typo,
)


def test_casual_is_lower_case_without_a_question_mark() -> None:
    assert casual("Who hailed the talks?", random.Random(0)) == "who hailed the talks"


def test_shortened_contracts_and_shortens_months_or_is_none() -> None:
    rng = random.Random(0)
    assert shortened("What is the target on November 23?", rng) == "What's the target on nov. 23?"
    assert shortened("Who is in charge since September?", rng) == "Who's in charge since sept?"
    assert shortened("Who hailed the talks?", rng) is None


def test_a_typo_is_one_slip_inside_one_long_word() -> None:
    question = "Who hailed the breakthrough talks?"
    for seed in range(200):
        typed = typo(question, random.Random(seed))
        assert typed is not None and typed != question
        changed = [(a, b) for a, b in zip(question.split(), typed.split(), strict=True) if a != b]
        assert len(changed) == 1
        clean, slipped = changed[0]
        assert len(clean) >= 5 and abs(len(clean) - len(slipped)) <= 1
        # The first and last letters stay (the word may carry the "?").
        assert slipped[0] == clean[0] and slipped.rstrip("?")[-1] == clean.rstrip("?")[-1]
    assert typo("Who is he?", random.Random(0)) is None  # no word of five letters
    assert typo(question, random.Random(7)) == typo(question, random.Random(7))


def test_keys_beside_a_letter_are_on_its_row() -> None:
    assert beside("s") == ["a", "d"]
    assert beside("q") == ["w"]
    assert beside("é") == []


def test_opening_slips_once_in_the_opening_question_word() -> None:
    typed = {opening("Who hailed the talks?", random.Random(seed)) for seed in range(60)}
    assert typed and all(t and t.endswith(" hailed the talks?") for t in typed)
    words = {t.split()[0] for t in typed if t}
    assert "Who" not in words and all(w[0] == "W" for w in words)
    assert {"Wo", "Whoo", "Wjo"} <= words  # dropped, doubled, the key beside struck
    assert opening("In what year?", random.Random(0)) is None


def test_sourced_names_the_article_or_thanks() -> None:
    typed = {sourced("Who hailed the talks?", random.Random(seed)) for seed in range(80)}
    assert "according to the article, who hailed the talks?" in typed
    assert "Who hailed the talks in the article?" in typed
    assert "Who hailed the talks? Thanks" in typed


def test_polite_wraps_the_question_three_ways() -> None:
    typed = {polite("Who hailed the talks?", random.Random(seed)) for seed in range(60)}
    assert "Who hailed the talks, please?" in typed
    assert "can you tell me who hailed the talks" in typed
    assert "hi, who hailed the talks?" in typed
    assert all("who hailed the talks" in t.lower() for t in typed)


def test_typed_set_keeps_the_clean_questions_and_names_their_variants() -> None:
    clean = EvalSet(
        "split", {"a": ("A", "text")}, [EvalQuestion("q1", "Who hailed the talks?", ["x"], "a")]
    )
    typed = typed_set(clean)
    assert typed.questions[0] == clean.questions[0]
    variants = typed.questions[1:]
    # Nothing to shorten.
    assert {q.id for q in variants} == {
        "q1~casual",
        "q1~typo",
        "q1~polite",
        "q1~opening",
        "q1~sourced",
    }
    assert all(q.variant_of == "q1" and q.answers == ["x"] for q in variants)
    assert typed_set(clean) == typed  # seeded by the question's id


def _outcome(qid: str, text: str, found: bool, variant_of: str | None = None) -> Outcome:
    question = EvalQuestion(qid, "?", ["Beirut"], "a", variant_of=variant_of)
    return Outcome(question, Answer(text if found else "", found, 0.5), 0.01, text)


def test_report_counts_same_answers_and_f1_per_form() -> None:
    outcomes = [
        _outcome("q1", "Beirut", True),
        _outcome("q2", "Tyre", True),
        _outcome("q1~casual", "beirut", True, "q1"),  # the same, normalised
        _outcome("q2~casual", "Tyre", False, "q2"),  # withheld: not the same
        _outcome("q1~typo", "Sidon", True, "q1"),
    ]
    lines = report(outcomes, show=5)
    assert "| clean | 2 | | 0.5 | |" in lines
    assert "| casual | 2 | 0.500 (1) | 0.5 | 0.5 |" in lines
    assert "| typo | 1 | 0.000 (0) | 1.0 | 0.0 |" in lines
    shown = [line for line in lines if line.startswith("- ")]
    assert len(shown) == 2 and "(not found)" in shown[0] and "'Sidon'" in shown[1]
