"""Two questions typed as one, asked in turn (qa.compound)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qa import ArticleQA
from qa.answer import Answer, Evidence
from qa.compound import both_answered, split_compound
from qa.limits import MAX_HISTORY_MESSAGES
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "When did the museum reopen and how many people came?",
            ("When did the museum reopen?", "How many people came?"),
        ),
        ("who called it a breakthrough and why", ("Who called it a breakthrough?", "Why?")),
        ("Who said what, and when?", ("Who said what?", "When?")),
        ("What happened and who was hurt?", ("What happened?", "Who was hurt?")),
        # A question word first shares the second's rest.
        (
            "Where and when did the strike happen?",
            ("Where did the strike happen?", "When did the strike happen?"),
        ),
        (
            "What year and where was the first score given?",
            ("What year was the first score given?", "Where was the first score given?"),
        ),
        # One question about two days, asked of each.
        (
            "What did Israel target on November 19 and November 23?",
            ("What did Israel target on November 19?", "What did Israel target on November 23?"),
        ),
        (
            "What happened on November 19 and 23?",
            ("What happened on November 19?", "What happened on November 23?"),
        ),
        (
            "What was hit in the November 19 and November 23 strikes?",
            (
                "What was hit in the November 19 strikes?",
                "What was hit in the November 23 strikes?",
            ),
        ),
        ("What happened between November 19 and 23?", None),  # one span of days
        # One question: "and" joins names, things compared, a request's parts or a name.
        ("What did Israel and Hezbollah agree?", None),
        ("What is the difference between what he said and what she did?", None),
        ("Tell me what happened and why", None),
        ("Where and when?", None),
        ("What does data collected by UNICEF and Who show?", None),
        ("When did and how did he die?", None),
    ],
)
def test_two_questions_typed_as_one(question: str, parts: tuple[str, str] | None) -> None:
    assert split_compound(question) == parts


def _evidence(position: int) -> Evidence:
    return Evidence("A", position, f"Sentence {position}.", 0, 1, 0.5)


def test_both_answers_are_given_with_each_ones_sentence_first() -> None:
    first = Answer("Saturday", True, 0.9, [_evidence(0), _evidence(3)], confident=True)
    second = Answer("12,000", True, 0.7, [_evidence(2), _evidence(0)], confident=False)
    both = both_answered(first, second, ("When?", "How many?"))
    assert (both.text, both.found, both.score, both.confident) == (
        "Saturday; 12,000",
        True,
        0.7,
        False,
    )
    assert [e.position for e in both.evidence] == [0, 2]
    # One half not found: the other is the answer, and the reading says which is missing.
    missing = Answer("", False, 0.1, [_evidence(5)])
    one = both_answered(first, missing, ("When?", "Who is the mayor?"))
    assert (one.text, one.found, one.score, one.confident) == ("Saturday", True, 0.9, False)
    assert one.reading is not None and one.reading.endswith(
        "(not in the article: Who is the mayor?)"
    )
    quoted = Answer("The bridge reopened on Monday.", True, 0.8, [_evidence(1)])
    assert both_answered(quoted, first, ("What happened?", "When?")).text == (
        "The bridge reopened on Monday; Saturday"
    )
    none = both_answered(missing, missing, ("Who?", "Why?"))
    assert (none.text, none.found) == ("", False)


ARTICLE = (
    "# City council approves new bike lanes\n\n"
    "*Published 14 May 2026 · By Tom Reed*\n\n"
    "The city council voted 7-2 on Tuesday to build 25 kilometres of bike lanes.\n"
    "Mayor Lisa Grant called the vote a turning point.\n"
)


def test_the_second_question_is_read_after_the_first(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    path = tmp_path / "lanes.md"
    path.write_text(ARTICLE, encoding="utf-8")
    bot = ArticleQA.from_file(path, embedder=fake_embedder, reader=False)
    # "when was it published?" alone after the byline: the article's date, not the story's.
    both = bot.ask("Who wrote this article and when was it published?")
    assert (both.text, both.found) == ("Tom Reed; May 14, 2026", True)
    # However long the chat, the two questions pass the history's limits.
    chat = [{"role": role, "content": "Who voted?"} for role in ["user", "assistant"] * 50][
        :MAX_HISTORY_MESSAGES
    ]
    assert bot.ask("Who wrote this article and when was it published?", chat).text == both.text


def test_a_question_of_many_ands_is_asked_twice_at_most(
    tmp_path: Path, fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lanes.md"
    path.write_text(ARTICLE, encoding="utf-8")
    bot = ArticleQA.from_file(path, embedder=fake_embedder, reader=False)
    asked: list[str] = []
    inspect = bot.inspect_reading

    def counted(reading: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(reading.question)
        return inspect(reading, *args, **kwargs)

    monkeypatch.setattr(bot, "inspect_reading", counted)
    bot.ask("Who voted" + " and who voted" * 100 + "?")
    assert len(asked) == 2
