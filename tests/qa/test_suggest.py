"""Suggested questions come from the article's own sentences, deterministically, and only
those answered confidently are kept."""

from __future__ import annotations

from typing import Any

from index.sentences import split_sentences
from qa.answer import Answer
from qa.errors import ArticleQAError
from qa.suggest import confident_questions, confident_suggestions, suggest_questions


def test_bundled_article_suggestions(bundled_text: str) -> None:
    sentences = split_sentences(bundled_text)
    assert suggest_questions(sentences) == [
        "What happened on November 19?",
        "What happened on November 23?",
        "What has Lebanon’s foreign ministry hailed?",
        "What did Lebanese officials emphasize?",
    ]
    more = suggest_questions(sentences, count=20)
    assert "What did the Russian envoy call for?" in more
    assert "What did the IDF state?" in more
    assert "What did witnesses report?" in more  # capitalised only at the sentence start


def test_same_article_same_suggestions(bundled_text: str) -> None:
    sentences = split_sentences(bundled_text)
    assert suggest_questions(sentences) == suggest_questions(list(sentences))


def test_pronoun_subjects_and_adjectives_are_not_suggested() -> None:
    text = (
        "Ferry returns to Oban\n"
        "The ferry left Oban at noon. It reached Mull an hour later.\n"
        "He said the crossing was calm. The ferry then went back to Oban.\n"
        "Scottish officials said more sailings would follow; Scottish ports agreed.\n"
    )
    questions = suggest_questions(split_sentences(text))
    assert "What did Scottish officials say?" in questions
    assert "What does the article say about Oban?" in questions
    assert not any("He " in q or "about Scottish" in q for q in questions)


def test_nothing_to_ask_about_gives_no_suggestions() -> None:
    assert suggest_questions(split_sentences("it was quiet.\n")) == []


class Calibrated:
    """Answers as a stub calibration decides: `unsure` questions are found but not
    confident, `missing` ones not found, `failing` ones raise; the rest are confident."""

    def __init__(
        self,
        unsure: set[str],
        missing: frozenset[str] = frozenset(),
        failing: frozenset[str] = frozenset(),
    ) -> None:
        self.unsure, self.missing, self.failing = unsure, missing, failing
        self.asked: list[str] = []

    def ask(self, question: str, history: list[dict[str, Any]] | None = None) -> Answer:
        self.asked.append(question)
        if question in self.failing:
            raise ArticleQAError("over its time budget")
        if question in self.missing:
            return Answer("", False, 0.1)
        return Answer("x", True, 0.8, confident=question not in self.unsure)


CANDIDATES = [f"Q{n}?" for n in range(10)]


def test_only_confidently_answered_candidates_are_kept_in_order() -> None:
    asked = Calibrated({"Q0?", "Q3?"}, missing=frozenset({"Q1?"}), failing=frozenset({"Q2?"}))
    assert confident_questions(asked, CANDIDATES, count=3) == ["Q4?", "Q5?", "Q6?"]
    assert asked.asked == CANDIDATES[:7]  # stops once it has enough


def test_at_most_tries_candidates_are_asked() -> None:
    asked = Calibrated(unsure=set(CANDIDATES[:7]))
    assert confident_questions(asked, CANDIDATES, count=4, tries=8) == ["Q7?"]
    assert asked.asked == CANDIDATES[:8]
    assert confident_questions(Calibrated(unsure=set(CANDIDATES)), CANDIDATES) == []


def test_suggestions_are_worked_out_once_per_article() -> None:
    article = Calibrated(unsure={"Q1?"})
    first = confident_suggestions(article, CANDIDATES[:4])
    assert first == ["Q0?", "Q2?", "Q3?"]
    assert confident_suggestions(article, CANDIDATES[:4]) == first
    assert article.asked == CANDIDATES[:4]  # not asked again
    other = Calibrated(unsure={"Q0?"})  # another article asks its own
    assert confident_suggestions(other, CANDIDATES[:4]) == ["Q1?", "Q2?", "Q3?"]
