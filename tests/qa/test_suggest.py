"""Suggested questions come from the article's own sentences, deterministically."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.suggest import suggest_questions


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
