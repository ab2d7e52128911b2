"""The details that pin a question down, and the answerability feature that counts them."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.question_details import details
from tests.conftest import FakeEmbedder

TEXT = (
    "Flockly reported revenue of 4.2 billion euros in 2019.\n"
    "The company was founded in Oslo.\n"
    "Its chief executive, Mara Lind, joined last year.\n"
    "Analysts expected weaker sales.\n"
    "Its second office opened in 2015.\n"
    "Shares fell on Thursday.\n"
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What revenue did Flockly report in 2015?", ["flock", "2015"]),
        ("How many were still in hospital on Thursday night?", ["thursday"]),
        ("What did Kerr say about the Farmers' Party?", ["kerr", "farmer", "parti"]),
        ("what was targeted on nov. 23", ["23"]),  # typed in lower case: the figure only
        ("What was targeted?", []),
        ("Who condemned the strike in May?", []),  # "may" is a stop word, like the verb
    ],
)
def test_figures_days_and_names_but_not_the_first_word(question: str, expected: list[str]) -> None:
    assert details(question) == expected


def test_a_detail_the_answers_neighbourhood_lacks_counts_against_it(
    fake_embedder: FakeEmbedder,
) -> None:
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    same = bot.inspect("What revenue did Flockly report in 2019?").features
    changed = bot.inspect("What revenue did Flockly report in 2015?").features
    assert same["details_covered"] == 1.0
    # 2015 is in the article, four sentences after the revenue: known, but not here.
    assert changed["known_terms"] == 1.0
    assert changed["details_covered"] < 1.0
    assert bot.inspect("What was reported?").features["details_covered"] == 1.0
