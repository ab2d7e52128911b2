"""What `article-qa ask` prints: plain text, no Markdown or HTML entities, colour only
when asked for (a terminal), and no escape sequences from the article itself."""

from __future__ import annotations

import pytest

from qa.answer import Answer, Evidence
from ui.format import colour_wanted, render
from ui.messages import MAYBE, NOT_FOUND, SOURCES

CITED = Evidence(
    "Harbour news", 2, 'The "Isle of Mull" ferry & its <b>crew</b> left at noon.', 40, 96, 0.9
)
ANSWER = Answer("the <b>crew</b> & \x1b[31mall\x1b[0m", True, 0.9, [CITED], "Reading as: Who left?")


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
