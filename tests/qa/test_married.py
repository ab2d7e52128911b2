"""A spouse asked for where the article tells of a marriage (qa.married)."""

from __future__ import annotations

import pytest

from qa.married import as_married

MARRYING = {"in", "1839", "he", "married", "margaret"}


@pytest.mark.parametrize(
    ("question", "words", "asked"),
    [
        ("Who was Baird's wife?", MARRYING, "Who was Baird married to?"),
        ("who is Ada Lovelace's husband", MARRYING, "Who is Ada Lovelace married to?"),
        ("Who was Baird’s husband?", MARRYING, "Who was Baird married to?"),
        # The article calls someone a wife, or tells of no marriage: asked as it is.
        ("Who was Baird's wife?", MARRYING | {"wife"}, None),
        ("Who was Baird's wife?", {"in", "1839", "he", "met", "margaret"}, None),
        # Another question.
        ("Who was Baird's rival?", MARRYING, None),
        ("When did Baird's wife die?", MARRYING, None),
    ],
)
def test_a_spouse_asked_as_whom_someone_married(
    question: str, words: set[str], asked: str | None
) -> None:
    assert as_married(question, words.__contains__) == asked
