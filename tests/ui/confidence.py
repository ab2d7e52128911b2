"""Stubs of the calibration's confidence for the UI tests: which answers are confident is
decided by the test, so what a surface shows for each outcome does not hang on the
fitted threshold."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.answer import Answer
from qa.bot import ArticleQA


class StubCalibration:
    """Every question is answered (found), confidently unless it is in `unsure`;
    `asked` records the questions, in order."""

    def __init__(self) -> None:
        self.unsure: set[str] = set()
        self.asked: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> StubCalibration:
        """Put this stub in every ArticleQA's ask() for the test."""
        real = ArticleQA.ask

        def ask(bot: ArticleQA, question: str, history: list | None = None) -> Answer:
            self.asked.append(question)
            answer = real(bot, question, history)
            return replace(answer, found=True, confident=question not in self.unsure)

        monkeypatch.setattr(ArticleQA, "ask", ask)
        return self


class Answering:
    """An article that gives one Answer to every question (no model loaded)."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer

    def ask(self, question: str, history: list | None = None) -> Answer:
        return self.answer
