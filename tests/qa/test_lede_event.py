"""The event a news story opens with, asked for ("What happened in the Strait of Corvane
on Monday?"), is read from its opening sentence first (qa.lede_event)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.sentences import split_sentences
from qa.bot import ArticleQA
from qa.lede_event import lede_asked

STORIES = Path(__file__).resolve().parents[2] / "data" / "stories"

LEDE = (
    "Two cargo ships collided in thick fog in the Strait of Corvane early on Monday, "
    "injuring three crew members, the coast guard said. Traffic was suspended for nearly "
    "seven hours on Monday."
)


def test_the_lede_is_asked_where_it_names_all_the_question_names() -> None:
    sentences = split_sentences(LEDE)
    assert lede_asked("What happened in the Strait of Corvane on Monday?", sentences) == 0
    assert lede_asked("what happened on monday", sentences) == 0
    # A word the lede lacks ("Tuesday", "harbour"): another sentence may tell of it.
    assert lede_asked("What happened on Tuesday?", sentences) is None
    assert lede_asked("What happened in the harbour on Monday?", sentences) is None


def test_a_fate_a_sequel_or_the_gist_is_not_the_lede_asked() -> None:
    sentences = split_sentences(LEDE)
    assert lede_asked("What happened to the crew members?", sentences) is None
    assert lede_asked("What happened after the collision on Monday?", sentences) is None
    assert lede_asked("What happened?", sentences) is None  # the gist: qa.overview
    assert lede_asked("Who collided in the Strait of Corvane on Monday?", sentences) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("story", "question", "event"),
    [
        # Later sentences name the same strait and day ("Traffic was suspended ... on
        # Monday", story h41) or street and day (the mayor's emergency, story h40).
        ("h41/collision", "What happened in the Strait of Corvane on Monday?", "collided"),
        ("h40/sinkhole", "What happened on Corliss Avenue on Wednesday?", "sinkhole"),
    ],
)
def test_the_lede_tells_what_happened(story: str, question: str, event: str) -> None:
    bot = ArticleQA.from_file(STORIES / story / "article.txt")
    answer = bot.ask(question)
    assert answer.found and event in answer.text
    assert answer.evidence[0].position == 0
