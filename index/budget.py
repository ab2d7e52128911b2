"""Time budgets for long work (answering a question, indexing an article), and stopping it
when nobody waits any more.

Work is stopped cooperatively, never by killing a thread: a `Budget` is put in force for
the work (`with budget.applied():`, per thread), and the work calls `checkpoint()` between
its stages and `step(done, total)` between its embedding batches; either raises `Stopped`
once a budget in force has run out or was cancelled (the client went away, the user
pressed cancel, the server is stopping). What the work was building is then dropped: an
article is built in a staging folder and renamed in only when whole
(index.article_folders), so nothing is half-stored.

Budgets nest: the server cancels what a request started (cancel-only), and the answering
inside it keeps its own deadline; every budget in force is checked.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from index.errors import ArticleQAError

# Defaults for `article-qa serve --answer-seconds/--index-seconds` and the Python API: far
# beyond a normal question (~30 ms) or article (~1 s per 200 sentences), so only runaway
# work meets them.
ANSWER_SECONDS = 30.0
INDEX_SECONDS = 120.0

Listener = Callable[[int, int], None]  # (sentences done, sentences in all)


@dataclass(frozen=True)
class Work:
    """A kind of work, as its messages name it."""

    name: str  # "answering"
    option: str  # the option that raises its budget
    advice: str  # what the user can do instead


ANSWERING = Work("answering", "--answer-seconds", "ask a shorter question with less history")
INDEXING = Work("indexing", "--index-seconds", "split the article")


class Stopped(ArticleQAError):
    """Work stopped before it finished: its time ran out, or it was cancelled."""


def check_seconds(seconds: float, work: Work) -> float:
    """`seconds` as a float when it is a usable time limit for `work` (more than 0);
    else raise ArticleQAError naming the option."""
    try:
        value = float(seconds)
    except (TypeError, ValueError):
        value = float("nan")
    if not value > 0:  # NaN too
        raise ArticleQAError(f"{work.option} must be a number of seconds above 0, got {seconds!r}")
    return value


class Budget:
    """A deadline and a cancel switch for one piece of work.

    Args:
        seconds: how long the work may take; None for no deadline (cancel only).
        work: what is bounded, for the message when it stops.
        listener: told (done, total) at each `step()` of the work, e.g. a progress bar.
    """

    def __init__(
        self, seconds: float | None, work: Work = ANSWERING, listener: Listener | None = None
    ) -> None:
        self.seconds = None if seconds is None else check_seconds(seconds, work)
        self.work = work
        self.listener = listener
        self.started = time.monotonic()
        self.deadline = None if seconds is None else self.started + seconds
        self._cancelled = threading.Event()
        self._reason = ""

    def cancel(self, reason: str = "cancelled") -> None:
        """Stop the work at its next checkpoint; `reason` ends the message it stops with."""
        if not self._cancelled.is_set():
            self._reason = reason
            self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancelled.is_set()

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.deadline is not None and time.monotonic() > self.deadline

    def check(self, where: str = "") -> None:
        """Raise Stopped, saying where the work got to, if it must stop now."""
        at = f" {where}" if where else ""
        if self.cancelled:
            raise Stopped(f"{self.work.name} stopped{at}: {self._reason}")
        if self.expired():
            raise Stopped(
                f"{self.work.name} stopped after {self.seconds:g} s{at}: "
                f"{self.work.advice} or raise {self.work.option}"
            )

    @contextmanager
    def applied(self) -> Iterator[Budget]:
        """Put this budget in force for the work done in this block (this thread only)."""
        with _flight_lock:
            _in_flight.append(self)
            if _stopping:  # work that starts after cancel_all() stops at once
                self.cancel(_stopping[0])
        token = _in_force.set((*_in_force.get(), self))
        try:
            yield self
        finally:
            _in_force.reset(token)
            with _flight_lock:
                _in_flight.remove(self)


# The budgets in force in this thread (a ContextVar: each thread starts with none).
_in_force: ContextVar[tuple[Budget, ...]] = ContextVar("article_qa_budgets", default=())
# The budgets in force in any thread, and why all work stops (set by cancel_all).
_in_flight: list[Budget] = []
_stopping: list[str] = []
_flight_lock = threading.Lock()


def checkpoint(where: str = "") -> None:
    """Between two stages of work: raise Stopped if a budget in force says stop."""
    for budget in _in_force.get():
        budget.check(where)


def step(done: int, total: int) -> None:
    """Between two batches of indexing: report `done` of `total` sentences to the budgets
    in force, and raise Stopped if one says stop."""
    budgets = _in_force.get()
    for budget in budgets:
        if budget.listener is not None:
            budget.listener(done, total)
    for budget in budgets:
        budget.check(f"at sentence {done:,} of {total:,}")


def in_flight() -> int:
    """How many budgets are in force in any thread: work not yet stopped."""
    with _flight_lock:
        return len(_in_flight)


def cancel_all(reason: str, *, for_good: bool = True) -> int:
    """Cancel the work in flight in every thread (the server is stopping); `for_good`:
    also any work that starts later (the process is ending). Returns how many budgets
    were in force."""
    with _flight_lock:
        if for_good and not _stopping:
            _stopping.append(reason)
        flying = list(_in_flight)
    for budget in flying:
        budget.cancel(reason)
    return len(flying)
