"""Time budgets and cancellation (index.budget): work stops between its steps, says where."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest

import index.budget as budget_module
from index.budget import (
    ANSWERING,
    INDEXING,
    Budget,
    Stopped,
    cancel_all,
    check_seconds,
    checkpoint,
    step,
)
from index.errors import ArticleQAError
from index.sentence_index import EMBED_STEP, SentenceIndex
from tests.conftest import FakeEmbedder

# 300 sentences: several embedding steps of at most EMBED_STEP sentences.
ARTICLE = "".join(f"Sentence number {n} says something new.\n" for n in range(300))


class CancellingEmbedder(FakeEmbedder):
    """Cancels `budget` after embedding `calls` batches; counts the batches it embedded."""

    def __init__(self, budget: Budget, calls: int) -> None:
        self.budget = budget
        self.calls = calls
        self.embedded = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded += 1
        if self.embedded == self.calls:
            self.budget.cancel("cancelled by the test")
        return super().embed(texts)


def test_indexing_stops_between_batches_and_says_at_which_sentence() -> None:
    budget = Budget(None, INDEXING)
    embedder = CancellingEmbedder(budget, calls=1)
    with budget.applied(), pytest.raises(Stopped) as stopped:
        SentenceIndex.build(ARTICLE, embedder)
    assert str(stopped.value) == (
        f"indexing stopped at sentence {EMBED_STEP} of 300: cancelled by the test"
    )
    assert embedder.embedded == 1  # nothing embedded after the cancel


def test_a_spent_budget_says_what_to_do() -> None:
    with Budget(1e-9, INDEXING).applied(), pytest.raises(Stopped) as stopped:
        SentenceIndex.build(ARTICLE, FakeEmbedder())
    assert str(stopped.value) == (
        "indexing stopped after 1e-09 s at sentence 0 of 300: "
        "split the article or raise --index-seconds"
    )


def test_progress_is_counted_in_sentences() -> None:
    seen: list[tuple[int, int]] = []
    with Budget(60, INDEXING, lambda done, total: seen.append((done, total))).applied():
        SentenceIndex.build(ARTICLE, FakeEmbedder())
    assert seen == [(0, 300), *((n, 300) for n in range(EMBED_STEP, 300, EMBED_STEP)), (300, 300)]


def test_without_a_budget_in_force_nothing_stops() -> None:
    index = SentenceIndex.build(ARTICLE, FakeEmbedder())
    assert len(index.sentences) == 300
    checkpoint("anywhere")  # no budget in force: a no-op
    step(1, 2)


def test_budgets_nest_and_each_is_checked() -> None:
    outer = Budget(None, ANSWERING)  # the server's: cancelled when the client leaves
    with outer.applied(), Budget(60, ANSWERING).applied():
        checkpoint("before ranking")
        outer.cancel("nobody is waiting")
        with pytest.raises(Stopped, match="^answering stopped before ranking: nobody is"):
            checkpoint("before ranking")
    checkpoint("after both")  # out of force again


def test_a_budget_is_in_force_in_its_own_thread_only() -> None:
    budget = Budget(None, ANSWERING)
    budget.cancel()
    seen: list[BaseException] = []

    def elsewhere() -> None:
        try:
            checkpoint()
        except Stopped as error:
            seen.append(error)

    with budget.applied():
        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
        with pytest.raises(Stopped):
            checkpoint()
    assert seen == []


def test_cancel_all_stops_work_in_flight_in_other_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(budget_module, "_stopping", [])  # cancel_all(for_good) is global
    started, stopped = threading.Event(), threading.Event()
    messages: list[str] = []

    def work() -> None:
        with Budget(None, INDEXING).applied():
            started.set()
            try:
                while True:
                    step(1, 10)
                    stopped.wait(0.01)
            except Stopped as error:
                messages.append(str(error))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    assert started.wait(30)
    assert cancel_all("the server is stopping", for_good=False) == 1
    worker.join(30)
    assert messages == ["indexing stopped at sentence 1 of 10: the server is stopping"]
    assert Budget(None).cancelled is False  # not for good: later work runs
    with Budget(None).applied():
        checkpoint()
    cancel_all("the process is ending")  # for good: work that starts later stops at once
    with Budget(None).applied(), pytest.raises(Stopped, match="the process is ending"):
        checkpoint()


@pytest.mark.parametrize("seconds", [0, -1, float("nan"), "soon"])
def test_a_time_limit_must_be_positive(seconds: object) -> None:
    with pytest.raises(ArticleQAError, match="^--answer-seconds must be a number of seconds"):
        check_seconds(seconds, ANSWERING)  # type: ignore[arg-type]
    with pytest.raises(ArticleQAError, match="^--index-seconds must be"):
        Budget(seconds, INDEXING)  # type: ignore[arg-type]
