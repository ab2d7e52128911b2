"""'Give me a timeline' answered with the article's chronology (qa.timeline_request)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import ArticleQA
from qa.messages import NO_DATES, TIMELINE
from qa.question_form import tidy
from qa.timeline_request import asks_timeline
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    "typed",
    [
        "give me a timeline",
        "timeline?",
        "Timeline of events",
        "list the dates",
        "show me the key dates",
        "what are the main events",
        "What are the events in the article?",
        "dates?",
    ],
)
def test_requests_for_the_timeline(typed: str) -> None:
    assert asks_timeline(tidy(typed))


@pytest.mark.parametrize(
    "question",
    ["What events led to the strike?", "When did the events happen?", "What is the date?"],
)
def test_questions_about_events_are_not(question: str) -> None:
    assert not asks_timeline(tidy(question))


def test_the_timeline_lists_each_date_and_cites_its_sentence(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    path = tmp_path / "museum.md"
    path.write_text(
        "# Museum reopens\n\n*Published 12 March 2026 · By Ann Lee*\n\n"
        "The museum reopened on Saturday after a renovation.\n"
        "Asbestos found in 2019 was removed.\n"
        "Visitors queued for hours.\n",
        encoding="utf-8",
    )
    bot = ArticleQA.from_file(path, embedder=fake_embedder, reader=False)
    answer = bot.ask("Give me a timeline")
    assert answer.text == (
        "2019: Asbestos found in 2019 was removed; "
        "March 7, 2026: The museum reopened on Saturday after a renovation"
    )
    assert (answer.found, answer.confident, answer.reading) == (True, True, TIMELINE)
    assert [e.position for e in answer.evidence] == [1, 0]
    # Nothing dated: said so, not found.
    plain = ArticleQA.from_text(
        "Rain fell.\nThe river rose.\n", embedder=fake_embedder, reader=False
    )
    none = plain.ask("timeline?")
    assert (none.found, none.reading) == (False, NO_DATES)
