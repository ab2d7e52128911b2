"""What `article-qa ask` prints: plain text, no Markdown or HTML entities, colour only
when asked for (a terminal), and no escape sequences from the article itself."""

from __future__ import annotations

import dataclasses
import json

import pytest

from qa.answer import Answer, Evidence
from tests.ui.confidence import Answering
from ui.cli import main
from ui.collections_cli import render as collection_render
from ui.format import colour_wanted, render
from ui.messages import MAYBE, NOT_FOUND, SOURCES, UNSURE

CITED = Evidence(
    "Harbour news", 2, 'The "Isle of Mull" ferry & its <b>crew</b> left at noon.', 40, 96, 0.9
)
ANSWER = Answer(
    "the <b>crew</b> & \x1b[31mall\x1b[0m", True, 0.9, [CITED], "Reading as: Who left?", True
)


def test_an_answer_prints_as_plain_text() -> None:
    printed = render(ANSWER)
    assert printed.splitlines() == [
        "↪ Reading as: Who left?",
        "",
        "the <b>crew</b> &  [31mall [0m",  # the article's escape sequences are blanked
        "",
        SOURCES,
        '  [2] The "Isle of Mull" ferry & its <b>crew</b> left at noon.',
    ]
    for marker in ("**", "&amp;", "&lt;", "&quot;", "\x1b", "\\"):
        assert marker not in printed


def test_an_unsure_answer_prints_marked_before_it_and_its_sentence() -> None:
    printed = render(dataclasses.replace(ANSWER, reading=None, confident=False))
    assert printed.splitlines() == [
        UNSURE,
        "the <b>crew</b> &  [31mall [0m",
        "",
        SOURCES,
        '  [2] The "Isle of Mull" ferry & its <b>crew</b> left at noon.',  # its sentence
    ]
    assert UNSURE not in render(ANSWER)


@pytest.mark.parametrize("confident", [False, True])
def test_article_qa_ask_says_when_it_is_not_certain(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], confident: bool
) -> None:
    given = dataclasses.replace(ANSWER, confident=confident)
    monkeypatch.setattr("ui.ask_cli.article_bot", lambda *args: Answering(given))
    assert main(["ask", "Who left?"]) == 0
    printed = capsys.readouterr().out
    assert (UNSURE in printed.splitlines()) is not confident
    assert main(["ask", "Who left?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["found"], answer["confident"]) == (True, confident)


def test_a_collection_answer_not_certain_prints_marked_with_its_article() -> None:
    # `article-qa ask --collection` prints through the same render, then the articles.
    from_collection = dataclasses.replace(
        CITED, article_id="a1b2", article_date="2026-03-03", source="Harbour Times"
    )
    unsure = Answer("the crew", True, 0.6, [from_collection])
    printed = collection_render(unsure).splitlines()
    assert printed[:2] == [UNSURE, "the crew"]
    assert printed[-1] == "  Harbour news (2026-03-03, Harbour Times)  id a1b2"


def test_not_found_prints_the_closest_sentences_plainly() -> None:
    printed = render(Answer("", False, 0.1, [CITED]))
    assert printed.splitlines()[:3] == [NOT_FOUND, "", MAYBE]
    assert "**" not in printed


def test_colour_only_when_asked_for() -> None:
    coloured = render(ANSWER, colour=True)
    assert "\x1b[1m" in coloured and "\x1b[36m[2]\x1b[0m" in coloured
    # Still no escape sequence from the article: only ours, each closed.
    assert coloured.count("\x1b[0m") == coloured.count("\x1b[") - coloured.count("\x1b[0m")


def test_colour_is_wanted_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert colour_wanted()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_wanted()
