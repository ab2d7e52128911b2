"""A follow-up the focus on the last answer's sentences leaves unanswered is read again as
its own words rank the article (ArticleQA.read_unfocused), with the real models, on two
of the repo's stories (data/stories)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.bot import ArticleQA
from qa.evaluation import history_messages

pytestmark = pytest.mark.slow

STORIES = Path(__file__).resolve().parents[2] / "data" / "stories"


def _story(name: str) -> ArticleQA:
    return ArticleQA.from_file(STORIES / name / "article.txt")


@pytest.fixture(scope="module")
def whales() -> ArticleQA:
    return _story("h08/whales")


def test_who_said_that_is_answered_past_the_cited_passage(whales: ArticleQA) -> None:
    # The cause's sentences, focused, put a wide passage first and the reader was unsure
    # of the professor; read as "Who said unclear?" ranks it, the quote's speaker is sure.
    history = history_messages(whales, ["What do scientists think caused the stranding?"])
    answer = whales.ask("Who said that?", history)
    assert answer.found and "Mercer" in answer.text


def test_a_count_asked_of_the_last_answer_is_answered() -> None:
    startup = _story("h11/startup")
    history = history_messages(startup, ["What did Lumora sell?"])
    answer = startup.ask("How many customers did it claim?", history)
    assert answer.found and "140" in answer.text


def test_a_followup_the_focus_answers_is_read_once(
    whales: ArticleQA, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = history_messages(whales, ["Which charity organised the volunteers?"])
    reads: list[tuple[int, ...]] = []
    inspect = whales.inspect_reading

    def counted(reading, *args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(reading.focus)
        return inspect(reading, *args, **kwargs)

    monkeypatch.setattr(whales, "inspect_reading", counted)
    answer = whales.ask("Where did its volunteers travel from?", history)
    assert answer.found and "Waverton" in answer.text
    assert len(reads) == 1 and reads[0]


def test_a_question_with_no_focus_is_not_read_again(whales: ArticleQA) -> None:
    reading = whales.read("How many whales stranded?")
    analysis = whales.inspect_reading(reading)
    concluded = whales.conclude(analysis)
    assert whales.read_unfocused(reading, analysis, concluded) == (analysis, concluded)
