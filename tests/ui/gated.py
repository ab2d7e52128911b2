"""A library whose answers wait at a gate the test holds: to fill a server on purpose."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from qa.bot import ArticleQA
from qa.collection import BUNDLED_ID, FolderCollection
from tests.conftest import FakeEmbedder

DEADLINE = 60  # seconds; reached only if something hangs


class Gate:
    """Holds every answer until opened; counts the answers that reached it.

    Made with holding=False it lets answers through until hold(): a page's load asks
    its suggested questions (qa.suggest keeps the confident ones), and those must not
    take the gate meant for the user's question."""

    def __init__(self, holding: bool = True) -> None:
        self.opened = threading.Event()
        self.entered = threading.Semaphore(0)
        self.holding = threading.Event()
        if holding:
            self.holding.set()

    def hold(self) -> None:
        self.holding.set()

    def wait_for_entry(self, timeout: float = DEADLINE) -> None:
        assert self.entered.acquire(timeout=timeout), "no answer started"

    def entry_within(self, timeout: float) -> bool:
        return self.entered.acquire(timeout=timeout)


class GatedBot:
    def __init__(self, bot: ArticleQA, gate: Gate) -> None:
        self._bot = bot
        self._gate = gate

    def ask(self, question: str, history: Any = None) -> Any:
        if not self._gate.holding.is_set():
            return self._bot.ask(question, history)
        self._gate.entered.release()
        assert self._gate.opened.wait(DEADLINE), "the gate was never opened"
        return self._bot.ask(question, history)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bot, name)


class GatedLibrary(FolderCollection):
    def __init__(self, root: Path, gate: Gate) -> None:
        super().__init__(root, embedder=FakeEmbedder(), reader=False)
        self.gate = gate

    def get(self, article: str = BUNDLED_ID) -> Any:
        return GatedBot(super().get(article), self.gate)
