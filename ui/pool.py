"""A bounded worker pool for answering: a fixed number of threads and a bounded wait.

`POST /api/ask` runs `ask()` here rather than in the server's open-ended thread pool, so
a burst of requests queues up to a limit and the rest are told at once that the server
is busy (HTTP 503) instead of piling up until everyone times out.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from index.onnx_cpu import usable_cores
from ui.messages import BUSY_MESSAGE

T = TypeVar("T")


def default_workers() -> int:
    """Answers computed at once by default: two per usable core (4 on 2 cores), 2 to 16.

    Each answer's model runs take one core while another answer runs (index.onnx_cpu),
    and a second answer per core uses it while the first holds Python's lock for its
    tokenising and scoring; more only lengthens every answer without adding any.
    """
    return max(2, min(16, 2 * usable_cores()))


DEFAULT_WORKERS = default_workers()
DEFAULT_QUEUE = 64
# The page's Gradio events share a concurrency group per kind of work, `workers` at once:
# those that answer, and those that index an article.
ANSWERING = "answer"
INDEXING = "index"


class Busy(Exception):
    """Every worker is answering and the wait queue is full."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Limits:
    """How much the server answers at once, and how much waits.

    Args:
        workers: answers computed at the same time, per way in (the HTTP API's worker
            pool, and the Gradio queue's concurrency limit for answering).
        queue: requests that may wait for a worker; beyond that the reply is "busy".
    """

    workers: int = DEFAULT_WORKERS
    queue: int = DEFAULT_QUEUE

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        if self.queue < 0:
            raise ValueError(f"queue must be 0 or more, got {self.queue}")


class WorkerPool:
    """`workers` threads, and room for `queue` more tasks to wait; submit() beyond is Busy."""

    def __init__(self, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE) -> None:
        self.limits = Limits(workers, queue)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="article-qa")
        self._slots = threading.BoundedSemaphore(workers + queue)
        self._lock = threading.Lock()
        self._pending = 0

    @property
    def pending(self) -> int:
        """Tasks accepted and not yet finished: running plus waiting."""
        with self._lock:
            return self._pending

    def _done(self, _: object) -> None:
        with self._lock:
            self._pending -= 1
        self._slots.release()

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        """Run `fn` on a worker; raise Busy at once when no slot is free."""
        if not self._slots.acquire(blocking=False):
            raise Busy()
        with self._lock:
            self._pending += 1
        try:
            future = self._executor.submit(fn)
        except BaseException:
            self._done(None)
            raise
        future.add_done_callback(self._done)
        return future

    async def run(self, fn: Callable[[], T]) -> T:
        """Await `fn`'s result from an event loop; raise Busy at once when full."""
        return await asyncio.wrap_future(self.submit(fn))

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
