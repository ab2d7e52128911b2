"""Work stops when nobody waits: answering and indexing run under a cancel-only budget
(index.budget) that is cancelled when the client goes away.

Two ways of noticing that:

- Gradio events (the chat, adding an article): Gradio closes an event's generator
  between two of its yields when the page goes away or the event is cancelled (its
  queue drops the event once the page's stream disconnects, then closes the iterator).
  So the work runs in a thread (`Watched`) and the handler yields every `TICK` seconds
  while it runs; closing the handler cancels the work.
- HTTP routes (POST /api/ask, POST /api/articles): `while_connected` polls
  `request.is_disconnected()` while the worker pool computes, and cancels on disconnect.

Either way the work itself stops at its next checkpoint (index.budget): no thread is
killed, and an article being indexed is dropped whole (index.article_folders).
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from fastapi import Request

from index.budget import ANSWERING, Budget, Work
from ui.pool import WorkerPool

T = TypeVar("T")

TICK = 0.2  # seconds between two looks at whether somebody still waits
GONE = "nobody is waiting for it any more"


class Watched(Generic[T]):
    """`work()` running in a daemon thread under `budget` (default: a cancel-only one).

    The thread runs in a copy of the caller's context: Gradio finds an event's progress
    bar through context variables. A daemon thread: a server told to stop never waits
    for it (ui.server cancels it).
    """

    def __init__(
        self, work: Callable[[], T], budget: Budget | None = None, kind: Work = ANSWERING
    ) -> None:
        self.budget = budget or Budget(None, kind)
        self._work = work
        self._done = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None
        context = contextvars.copy_context()
        threading.Thread(
            target=context.run, args=(self._run,), name="article-qa-watched", daemon=True
        ).start()

    def _run(self) -> None:
        try:
            with self.budget.applied():
                self._result = self._work()
        except BaseException as error:  # handed to the waiter by result()
            self._error = error
        finally:
            self._done.set()

    def ticks(self, tick: float = TICK) -> Iterator[None]:
        """Yield every `tick` seconds while the work runs, nothing once it is done.

        Closing this iterator before the work is done (Gradio closing the handler that
        loops over it) cancels the work.
        """
        try:
            while not self._done.wait(tick):
                yield
        finally:
            if not self._done.is_set():
                self.budget.cancel(GONE)

    def result(self) -> T:
        """The work's result once it is done, or the exception it raised."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]


class ClientGone(Exception):
    """The client disconnected before its answer was ready; the work was cancelled."""


async def while_connected(
    pool: WorkerPool, work: Callable[[], T], request: Request, kind: Work, poll: float = TICK
) -> T:
    """Run `work` in `pool` under a cancel-only budget and await it; if the client
    disconnects first, cancel the budget (the work stops at its next checkpoint) and
    raise ClientGone. Raises ui.pool.Busy at once when the pool is full."""
    budget = Budget(None, kind)

    def guarded() -> T:
        with budget.applied():
            return work()

    waiting = asyncio.wrap_future(pool.submit(guarded))
    while True:
        done, _ = await asyncio.wait({waiting}, timeout=poll)
        if done:
            return waiting.result()
        if await request.is_disconnected():
            budget.cancel(GONE)
            waiting.cancel()  # still queued: it never runs; running: its result is dropped
            raise ClientGone(GONE)
