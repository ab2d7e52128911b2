"""An over-full server says "busy, try again" at once; it never hangs.

The app is served with one worker and room for one waiting request, and every answer
waits at a gate the test holds shut: so exactly two requests fit (one answering, one
waiting) and every other one must be refused straight away. Only then is the gate
opened, and the two that fit must be answered. Nothing here depends on timing: each wait
has a generous deadline that only a hang would reach.
"""

from __future__ import annotations

import json
import threading
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed, wait
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from gradio_client.utils import QueueError

from qa.collection import BUNDLED_ID
from tests.ui.gated import DEADLINE, Gate, GatedLibrary
from ui.app import create_web_app
from ui.messages import BUSY_MESSAGE
from ui.pool import Busy, Limits, WorkerPool
from ui.server import BackgroundServer

pytestmark = pytest.mark.integration

QUESTION = "What was targeted on November 23?"
EXTRA = 4  # requests beyond what fits


@pytest.fixture
def gate() -> Iterator[Gate]:
    gate = Gate(holding=False)  # held once the app is up (its suggestions are asked)
    yield gate
    gate.opened.set()  # never leave a server thread waiting


@pytest.fixture
def tiny(gate: Gate, tmp_path: Path) -> Iterator[str]:
    """The app with one worker and a queue of one, every answer held at `gate`."""
    app = create_web_app(library=GatedLibrary(tmp_path, gate), limits=Limits(workers=1, queue=1))
    with BackgroundServer(app) as url:
        gate.hold()
        yield url


def post_ask(url: str) -> tuple[int, dict[str, Any], str | None]:
    body = json.dumps({"question": QUESTION}).encode()
    request = urllib.request.Request(url + "api/ask", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=DEADLINE) as response:
            return response.status, json.loads(response.read()), None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), error.headers.get("Retry-After")


def test_worker_pool_refuses_beyond_workers_plus_queue() -> None:
    pool = WorkerPool(workers=1, queue=1)
    opened = threading.Event()
    held = [pool.submit(lambda: opened.wait(DEADLINE)) for _ in range(2)]
    assert pool.pending == 2
    with pytest.raises(Busy, match=BUSY_MESSAGE):
        pool.submit(lambda: True)
    opened.set()
    assert [future.result(timeout=DEADLINE) for future in held] == [True, True]
    wait(held)
    assert pool.submit(lambda: "room again").result(timeout=DEADLINE) == "room again"
    pool.shutdown()


@pytest.mark.parametrize(("workers", "queue"), [(0, 1), (1, -1)])
def test_limits_must_be_usable(workers: int, queue: int) -> None:
    with pytest.raises(ValueError):
        Limits(workers, queue)


def first_to_finish(futures: list[Future[Any]], count: int) -> list[Future[Any]]:
    """The first `count` of `futures` to finish; fails if they take past the deadline."""
    finished = []
    for future in as_completed(futures, timeout=DEADLINE):
        finished.append(future)
        if len(finished) == count:
            break
    return finished


def test_http_api_says_busy_at_once_when_full(tiny: str, gate: Gate) -> None:
    requests = 2 + EXTRA  # one answering, one waiting, and more than fit
    with ThreadPoolExecutor(requests) as pool:
        futures = [pool.submit(post_ask, tiny) for _ in range(requests)]
        # While the gate is shut the two that fit cannot finish: whatever finishes
        # first finished without an answer.
        refused = first_to_finish(futures, EXTRA)
        assert [f.result() for f in refused] == [(503, {"error": BUSY_MESSAGE}, "1")] * EXTRA
        gate.opened.set()
        answered = [f.result(timeout=DEADLINE) for f in futures if f not in refused]
    assert len(answered) == 2
    assert all(status == 200 and answer["evidence"] for status, answer, _ in answered)


def test_gradio_queue_says_busy_at_once_when_full(tiny: str, gate: Gate) -> None:
    client = Client(tiny, verbose=False)
    first = client.submit(QUESTION, [], BUNDLED_ID, api_name="/ask")
    gate.wait_for_entry()  # the only worker is now answering, held at the gate
    more = [client.submit(QUESTION, [], BUNDLED_ID, api_name="/ask") for _ in range(1 + EXTRA)]
    refused = first_to_finish([job.future for job in more], EXTRA)
    errors = [future.exception() for future in refused]
    assert all(isinstance(e, QueueError) and "try again" in str(e) for e in errors), errors
    # A browser gets HTTP 503 from the same queue and shows Gradio's own "This
    # application is currently busy. Please try again."
    assert _raw_join_status(tiny, client) == 503
    gate.opened.set()
    assert first.result(timeout=DEADLINE)["evidence"]
    (waited,) = [job for job in more if job.future not in refused]
    assert waited.result(timeout=DEADLINE)["evidence"]


def _raw_join_status(url: str, client: Client) -> int:
    fn_index = next(
        i for i, dep in enumerate(client.config["dependencies"]) if dep.get("api_name") == "ask"
    )
    body = {
        "data": [QUESTION, [], BUNDLED_ID],
        "fn_index": client.config["dependencies"][fn_index]["id"],
        "session_hash": "busy-check",
        "event_data": None,
        "trigger_id": None,
    }
    request = urllib.request.Request(
        url + "gradio_api/queue/join",
        json.dumps(body).encode(),
        {"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=DEADLINE) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
