"""Load: 20 concurrent clients x 50 questions against a served app, zero errors, same answers.

Volume: `article-qa serve --no-reader` runs as its own process on 127.0.0.1 (the real
CLI, the real ONNX embedder, default limits: 4 workers, queue 64) and 20 clients drive
it at once, half over `POST /api/ask`, half with gradio_client (`/ask`, and `/chat` for
every fifth question). Each asks 50 questions: the dev set's questions
(../shared/eval/article_dev.jsonl, else the chat's examples), follow-ups that carry the
conversation so far, and questions about two articles it uploaded first: its own, and
one that all 20 upload at the same moment. Every answer must equal the single-client
answer for the same article, question and history, asked one at a time while the
server is otherwise idle. p50/p95 latency is printed (`pytest -s` shows it).

The volume runs without the span reader: with it, 1,000 answers take about 90 s of CPU
on a 2-core machine (about 90 ms each), too slow for CI. A smaller slice then runs with
the reader (the real bundled models, served in-process): 20 clients x 5 questions.

    .venv/bin/pytest tests/ui/test_load.py -s
"""

from __future__ import annotations

import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client, handle_file

from qa.collection import BUNDLED_ID
from tests.conftest import ARTICLE_DEV, REPO
from ui.app import EXAMPLES

pytestmark = pytest.mark.integration

CLIENTS = 20
QUESTIONS = 50
SLICE_QUESTIONS = 5
TIMEOUT = 120  # seconds for any one request; reached only if something hangs
START_TIMEOUT = 180
FOLLOW_UPS = [
    ("What was targeted on November 23?", "Who said so?"),
    ("What happened on November 19?", "Where was that?"),
    ("What did the Russian envoy call for?", "When was that?"),
]
UPLOAD_QUESTIONS = [
    "When did the ferry leave Oban?",
    "Who is the harbour master?",
    "How many passengers were on board?",
    "Where did the ferry arrive?",
]


def dev_questions() -> list[str]:
    if ARTICLE_DEV.exists():
        lines = ARTICLE_DEV.read_text("utf-8").splitlines()
        return [json.loads(line)["question"] for line in lines if line.strip()]
    return list(EXAMPLES)


def ferry_article(n: int | None) -> tuple[str, bytes]:
    """A small article: one per client (n), or the one everybody uploads (None)."""
    if n is None:
        name, day, master, people, port = "shared.txt", 3, "Ewan Macleod", 200, "Mull"
    else:
        ports = ["Mull", "Lismore", "Colonsay", "Barra", "Coll"]
        name, day = f"ferry-{n}.md", 4 + n
        master, people, port = f"Morag Mac{n}", 100 + 7 * n, ports[n % len(ports)]
    text = (
        f"Ferry returns to Oban\n\nThe ferry left Oban at noon on March {day}. It reached "
        f"{port} an hour later, carrying {people} passengers. The harbour master, {master}, "
        "said the crossing was calm. Engineers had repaired the engine over the winter.\n"
    )
    return name, text.encode()


# -- one step of a client's script, and what came back ---------------------------------


@dataclass(frozen=True)
class Step:
    article: str  # "bundled", "own" or "shared"
    question: str
    follows: bool = False  # carries the previous question and answer as history
    chat: bool = False  # Gradio /chat (Markdown) instead of the Answer JSON


def script(n: int, questions: list[str], count: int) -> list[Step]:
    """Client n's `count` questions: dev, follow-ups and uploaded articles, interleaved."""
    rng = random.Random(n)
    steps: list[Step] = []
    while len(steps) < count:
        roll = rng.random()
        if roll < 0.45:
            steps.append(Step(BUNDLED_ID, rng.choice(questions), chat=rng.random() < 0.2))
        elif roll < 0.7 and len(steps) + 2 <= count:
            first, then = rng.choice(FOLLOW_UPS)
            steps += [Step(BUNDLED_ID, first), Step(BUNDLED_ID, then, follows=True)]
        else:
            article = "own" if roll < 0.85 else "shared"
            steps.append(Step(article, rng.choice(UPLOAD_QUESTIONS), chat=rng.random() < 0.2))
    return steps[:count]


Key = tuple[str, str, str, str]  # (answer|chat, article id, question, history as JSON)


def key(chat: bool, article: str, question: str, history: list[dict[str, str]]) -> Key:
    return ("chat" if chat else "answer", article, question, json.dumps(history))


def reply_text(reply: Any) -> str:
    return str(reply["text"] if isinstance(reply, dict) else reply)


@dataclass
class Run:
    replies: dict[Key, list[Any]] = field(default_factory=dict)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    uploads: dict[str, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, channel: str, k: Key, reply: Any, seconds: float) -> None:
        with self.lock:
            self.replies.setdefault(k, []).append(reply)
            self.latencies.setdefault(channel, []).append(seconds)


# -- the two kinds of client -----------------------------------------------------------


def http(url: str, path: str, body: bytes, content_type: str = "application/json") -> Any:
    request = urllib.request.Request(url + path, body, {"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        if response.status != 200:
            raise AssertionError(f"{path}: HTTP {response.status}")
        return json.loads(response.read())


class HttpClient:
    channel = "http"
    chats = False  # the HTTP API answers with the Answer JSON only

    def __init__(self, url: str) -> None:
        self.url = url

    def add(self, name: str, data: bytes, folder: Path) -> str:
        query = urllib.parse.urlencode({"filename": name})
        entry = http(self.url, f"api/articles?{query}", data, "application/octet-stream")
        return str(entry["id"])

    def ask(self, step: Step, article: str, history: list[dict[str, str]]) -> Any:
        body = {"question": step.question, "history": history, "article": article}
        return http(self.url, "api/ask", json.dumps(body).encode())


class GradioClient:
    channel = "gradio"
    chats = True

    def __init__(self, url: str) -> None:
        self.client = Client(url, verbose=False)

    def add(self, name: str, data: bytes, folder: Path) -> str:
        path = folder / name
        path.write_bytes(data)
        job = self.client.submit(handle_file(str(path)), api_name="/add_article")
        return str(job.result(timeout=TIMEOUT)["id"])

    def ask(self, step: Step, article: str, history: list[dict[str, str]]) -> Any:
        endpoint = "/chat" if step.chat and self.chats else "/ask"
        job = self.client.submit(step.question, history, article, api_name=endpoint)
        return job.result(timeout=TIMEOUT)


def drive(
    n: int, make: Callable[[], HttpClient | GradioClient], steps: list[Step], folder: Path, run: Run
) -> None:
    """One client: upload its two articles, then ask its questions in order."""
    client: HttpClient | GradioClient | None = None
    try:
        client = make()
        folder.mkdir(parents=True, exist_ok=True)
        ids = {BUNDLED_ID: BUNDLED_ID}
        if any(step.article != BUNDLED_ID for step in steps):
            for which, number in (("own", n), ("shared", None)):
                ids[which] = client.add(*ferry_article(number), folder)
                with run.lock:
                    run.uploads.setdefault(which, []).append(ids[which])
        history: list[dict[str, str]] = []
        previous: tuple[str, Any] | None = None
        for step in steps:
            article = ids[step.article]
            history = []
            if step.follows and previous is not None:
                history = [
                    {"role": "user", "content": previous[0]},
                    {"role": "assistant", "content": reply_text(previous[1])},
                ]
            started = time.perf_counter()
            reply = client.ask(step, article, history)
            seconds = time.perf_counter() - started
            asked = key(step.chat and client.chats, article, step.question, history)
            run.record(client.channel, asked, reply, seconds)
            previous = (step.question, reply)
    except Exception as error:  # every failure is counted, none stops the others
        with run.lock:
            run.errors.append(f"client {n}: {type(error).__name__}: {error}")
    finally:
        if isinstance(client, GradioClient):
            client.client.close()


def load(url: str, count: int, folder: Path) -> Run:
    """CLIENTS clients at once, half HTTP, half Gradio, `count` questions each."""
    questions = dev_questions()
    run = Run()
    makers: list[Callable[[], HttpClient | GradioClient]] = [
        lambda: HttpClient(url),
        lambda: GradioClient(url),
    ]
    with ThreadPoolExecutor(CLIENTS) as pool:
        futures = [
            pool.submit(drive, n, makers[n % 2], script(n, questions, count), folder / f"{n}", run)
            for n in range(CLIENTS)
        ]
        for future in futures:
            future.result(timeout=TIMEOUT * count)
    return run


def single_client_answers(url: str, keys: list[Key]) -> dict[Key, Any]:
    """Each key asked once, one at a time: the reference answers.

    This pass is the measuring stick, not the load: where gradio_client loses its event
    stream (it raises CancelledError when the stream closes, seen once on a host at load
    4), the question is asked again, once, on a fresh client. The load's own errors are
    never retried (drive counts them)."""
    gradio = Client(url, verbose=False)
    answers = {}
    for kind, article, question, history_json in keys:
        history = json.loads(history_json)
        if kind == "chat":
            try:
                reply = gradio.predict(question, history, article, api_name="/chat")
            except CancelledError:
                gradio.close()
                gradio = Client(url, verbose=False)
                reply = gradio.predict(question, history, article, api_name="/chat")
            answers[(kind, article, question, history_json)] = reply
        else:
            body = {"question": question, "history": history, "article": article}
            answers[(kind, article, question, history_json)] = http(
                url, "api/ask", json.dumps(body).encode()
            )
    gradio.close()
    return answers


def check(run: Run, reference: dict[Key, Any]) -> list[str]:
    """Every reply that differs from the single-client one, as a line."""
    wrong = []
    for k, replies in run.replies.items():
        for reply in replies:
            if reply != reference[k]:
                wrong.append(
                    f"{k[:3]}: got {reply_text(reply)!r}, alone {reply_text(reference[k])!r}"
                )
    return wrong


def report(title: str, run: Run) -> str:
    lines = [title]
    every = [s for seconds in run.latencies.values() for s in seconds]
    for channel, seconds in [("all", every), *sorted(run.latencies.items())]:
        cuts = statistics.quantiles(seconds, n=100, method="inclusive")
        lines.append(
            f"  {channel:>6}: {len(seconds):4d} answers, p50 {cuts[49] * 1000:6.0f} ms, "
            f"p95 {cuts[94] * 1000:6.0f} ms, max {max(seconds) * 1000:6.0f} ms"
        )
    return "\n".join(lines)


# -- the server ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served_cli(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`article-qa serve --no-reader` in its own process on 127.0.0.1; yields its URL."""
    folder = tmp_path_factory.mktemp("load-server")
    port = free_port()
    log = (folder / "server.log").open("w")
    env = {k: v for k, v in os.environ.items() if k != "GRADIO_TEMP_DIR"}
    process = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "serve", "--no-reader", "--host", "127.0.0.1"]
        + ["--port", str(port), "--data-dir", str(folder / "data")],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None, (folder / "server.log").read_text()
            try:
                with urllib.request.urlopen(url + "api/articles", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
        log.close()


def test_twenty_clients_fifty_questions_each(
    served_cli: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = load(served_cli, QUESTIONS, tmp_path)
    assert run.errors == []
    assert sum(len(replies) for replies in run.replies.values()) == CLIENTS * QUESTIONS
    # The same text uploaded by everyone at once is one article; each client's own is one.
    assert len(set(run.uploads["shared"])) == 1 and len(run.uploads["shared"]) == CLIENTS
    assert len(set(run.uploads["own"])) == CLIENTS
    listed = [article["id"] for article in http_get(served_cli, "api/articles")]
    assert sorted(listed) == sorted({BUNDLED_ID, *run.uploads["shared"], *run.uploads["own"]})
    reference = single_client_answers(served_cli, sorted(run.replies))
    assert check(run, reference) == []
    with capsys.disabled():
        print("\n" + report("load, `article-qa serve --no-reader`, 20 clients x 50:", run))


def http_get(url: str, path: str) -> Any:
    with urllib.request.urlopen(url + path, timeout=TIMEOUT) as response:
        return json.loads(response.read())


def test_twenty_clients_with_the_reader(
    served: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real reader, a smaller slice: 20 clients x 5 questions on the bundled article."""
    questions = dev_questions()
    run = Run()
    makers: list[Callable[[], HttpClient | GradioClient]] = [
        lambda: HttpClient(served),
        lambda: GradioClient(served),
    ]
    scripts = []
    for n in range(CLIENTS):
        # The same kind of script, on the bundled article only (follow-up pairs stay whole
        # or lose their second half at the cut, never their first).
        steps = [s for s in script(n, questions, QUESTIONS) if s.article == BUNDLED_ID]
        scripts.append(steps[:SLICE_QUESTIONS])
    with ThreadPoolExecutor(CLIENTS) as pool:
        futures = [
            pool.submit(drive, n, makers[n % 2], scripts[n], tmp_path / f"{n}", run)
            for n in range(CLIENTS)
        ]
        for future in futures:
            future.result(timeout=TIMEOUT * SLICE_QUESTIONS)
    assert run.errors == []
    assert sum(len(replies) for replies in run.replies.values()) == CLIENTS * SLICE_QUESTIONS
    reference = single_client_answers(served, sorted(run.replies))
    assert check(run, reference) == []
    with capsys.disabled():
        print("\n" + report("load with the reader, in-process, 20 clients x 5:", run))
