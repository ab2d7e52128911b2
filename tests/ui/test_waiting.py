"""Work stops when nobody waits: the chat's answer when its page goes away, POST /api/ask
when its client disconnects, and indexing when "Cancel indexing" is pressed."""

from __future__ import annotations

import json
import re
import socket
import threading
import uuid
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import gradio as gr
import httpx
import numpy as np
import pytest

from index.budget import Stopped, checkpoint
from index.sentence_index import EMBED_STEP
from index.sentences import Sentence, split_sentences
from qa.answer import Answer
from qa.collection import FolderCollection
from qa.collection.entries import Answerer
from tests.conftest import FakeEmbedder
from ui.app import ChatApp, create_web_app
from ui.chat_events import Reply, replies
from ui.messages import THINKING
from ui.server import BackgroundServer

SLOW = "0123456789ab"  # the id of an article whose answers never come on their own
WAIT = 60  # seconds any step of these tests may take on a loaded machine


class EndlessAnswerer:
    """Answers nothing, checking its budget until it is cancelled; records both ends."""

    title = "Endless"
    text = "It never ends.\n"

    def __init__(self) -> None:
        self.started = threading.Event()
        self.stopped: list[str] = []
        self.done = threading.Event()

    @property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer:
        self.started.set()
        try:
            while not self.done.wait(0.01):
                checkpoint("in the endless loop")
        except Stopped as stopped:
            self.stopped.append(str(stopped))
            raise
        finally:
            self.done.set()
        raise AssertionError("the test gave up waiting for a cancel")


class WithEndless(FolderCollection):
    """The chat's articles, where the id SLOW answers with an EndlessAnswerer."""

    def __init__(self, root: Path, endless: EndlessAnswerer) -> None:
        super().__init__(root, embedder=FakeEmbedder(), reader=False)
        self.endless = endless

    def answerer(self, article: str = "bundled") -> Answerer:
        return self.endless if article == SLOW else super().answerer(article)


@pytest.fixture
def endless() -> Iterator[EndlessAnswerer]:
    answerer = EndlessAnswerer()
    yield answerer
    answerer.done.set()  # whatever happened, the thread ends


def test_closing_the_reply_cancels_the_answer(endless: EndlessAnswerer) -> None:
    drafts = cast(Generator[Reply, None, None], replies(endless.ask, "Will it end?", [], 0))
    assert next(drafts).text == THINKING  # still answering: a draft while it waits
    assert endless.started.is_set()
    drafts.close()  # what Gradio does when the page goes away
    assert endless.done.wait(WAIT)
    assert endless.stopped == [
        "answering stopped in the endless loop: nobody is waiting for it any more"
    ]


def test_a_page_that_goes_away_stops_its_answer(tmp_path: Path, endless: EndlessAnswerer) -> None:
    app = create_web_app(library=WithEndless(tmp_path, endless))
    with BackgroundServer(app) as url, httpx.Client(base_url=url, timeout=WAIT) as http:
        config = http.get("config").json()
        prefix = config.get("api_prefix", "/gradio_api").strip("/")
        (chat,) = [d["id"] for d in config["dependencies"] if d.get("api_name") == "chat"]
        session = uuid.uuid4().hex
        joined = http.post(
            f"{prefix}/queue/join",
            json={"data": ["Will it end?", [], SLOW], "fn_index": chat, "session_hash": session},
        )
        assert joined.status_code == 200, joined.text
        with http.stream("GET", f"{prefix}/queue/data", params={"session_hash": session}) as sse:
            for line in sse.iter_lines():
                if "process_generating" in line:  # the answer is under way
                    break
        # The stream is closed: the page went away, nobody cancelled anything.
        assert endless.done.wait(WAIT)
    assert endless.stopped == [
        "answering stopped in the endless loop: nobody is waiting for it any more"
    ]


def test_an_http_client_that_goes_away_stops_its_answer(
    tmp_path: Path, endless: EndlessAnswerer
) -> None:
    app = create_web_app(library=WithEndless(tmp_path, endless))
    with BackgroundServer(app) as url:
        where = urlsplit(url)
        body = json.dumps({"question": "Will it end?", "article": SLOW}).encode()
        with socket.create_connection((where.hostname, where.port), timeout=WAIT) as client:
            client.sendall(
                b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            assert endless.started.wait(WAIT)
        assert endless.done.wait(WAIT)
    assert endless.stopped == [
        "answering stopped in the endless loop: nobody is waiting for it any more"
    ]


class HeldEmbedder(FakeEmbedder):
    """Once armed, holds each batch until the test lets it: indexing is under way."""

    def __init__(self) -> None:
        self.armed = False
        self.embedding = threading.Event()
        self.release = threading.Event()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.armed:
            self.embedding.set()
            assert self.release.wait(WAIT)
        return super().embed(texts)


def test_cancel_indexing_stops_it_and_stores_nothing(tmp_path: Path) -> None:
    embedder = HeldEmbedder()
    app = ChatApp(FolderCollection(tmp_path / "data", embedder=embedder), upload_dir=tmp_path)
    app.build()
    embedder.armed = True
    events, page = app.upload_events, app.page
    page_of = gr.Request(session_hash="the-page")
    text = "A long story\n" + "".join(f"Part {n} of the story.\n" for n in range(500))
    updates = events.paste_watched(text, "Long", None, page_of)
    shown = next(updates)
    assert shown[page.cancel_indexing].visible is True
    assert embedder.embedding.wait(WAIT)  # in the middle of the first batch
    events.on_cancel(gr.Request(session_hash="another-page"))  # does nothing
    events.on_cancel(page_of)  # stops it once the batch is done
    embedder.release.set()
    *_, last = list(updates)
    assert re.fullmatch(
        rf"⚠️ indexing stopped at sentence {EMBED_STEP} of 50\d: cancelled; nothing was stored",
        last[page.status],
    )
    assert last[page.cancel_indexing].visible is False
    assert [entry.title for entry in app.library.entries()][1:] == []
    assert [p.name for p in (tmp_path / "data" / "articles").iterdir()] == [".lock"]


def test_indexing_shows_progress_in_sentences(tmp_path: Path) -> None:
    app = ChatApp(FolderCollection(tmp_path / "data", embedder=FakeEmbedder()), upload_dir=tmp_path)
    app.build()
    seen: list[Any] = []

    class Tracker(gr.Progress):
        def __call__(self, progress: Any, desc: str | None = None, *args: Any, **kw: Any) -> Any:
            seen.append(desc)

    text = "A long story\n" + "".join(f"Part {n} of the story.\n" for n in range(300))
    *_, last = app.upload_events.paste_watched(text, "Long", None, None, Tracker())
    counted = [d for d in seen if d and re.fullmatch(r"Indexing: [\d,]+ of 30\d sentences", d)]
    assert counted[0].startswith("Indexing: 0 of ")
    assert counted[1].startswith(f"Indexing: {EMBED_STEP} of ")
    assert counted[-1] == "Indexing: {0} of {0} sentences".format(counted[-1].split()[-2])
    assert last[app.page.cancel_indexing].visible is False


def event_of(config: dict[str, Any], elem_id: str, trigger: str) -> int:
    """The id of the page's event that `trigger` starts on the component `elem_id`."""
    (component,) = [c["id"] for c in config["components"] if c["props"].get("elem_id") == elem_id]
    (found,) = [d["id"] for d in config["dependencies"] if [component, trigger] in d["targets"]]
    return int(found)


def test_the_page_counts_sentences_and_its_cancel_button_stops_indexing(tmp_path: Path) -> None:
    embedder = HeldEmbedder()
    library = FolderCollection(tmp_path / "data", embedder=embedder, reader=False)
    web = create_web_app(library=library)
    embedder.armed = True  # the page is built: the bundled article is indexed
    text = "A long story\n" + "".join(f"Part {n} of the story.\n" for n in range(500))
    with BackgroundServer(web) as url, httpx.Client(base_url=url, timeout=WAIT) as http:
        config = http.get("config").json()
        prefix = config.get("api_prefix", "/gradio_api").strip("/")
        paste = event_of(config, "add-pasted", "click")
        cancel = event_of(config, "cancel-indexing", "click")
        session = uuid.uuid4().hex
        joined = http.post(
            f"{prefix}/queue/join",
            json={"data": [text, "Long", None], "fn_index": paste, "session_hash": session},
        )
        assert joined.status_code == 200, joined.text
        messages = []
        with http.stream("GET", f"{prefix}/queue/data", params={"session_hash": session}) as sse:
            for line in sse.iter_lines():
                if not line.startswith("data:"):
                    continue
                messages.append(json.loads(line[5:]))
                if messages[-1]["msg"] == "process_generating" and embedder.embedding.is_set():
                    pressed = http.post(  # "Cancel indexing", as the page sends it
                        f"{prefix}/run/predict",
                        json={"data": [], "fn_index": cancel, "session_hash": session},
                    )
                    assert pressed.status_code == 200, pressed.text
                    embedder.release.set()
                if messages[-1]["msg"] == "process_completed":
                    break
    progress = [
        unit["desc"]
        for message in messages
        if message["msg"] == "progress"
        for unit in message["progress_data"]
    ]
    assert any(re.fullmatch(r"Indexing: [\d,]+ of 50\d sentences", d) for d in progress), progress
    final = json.dumps(messages[-1], ensure_ascii=False)
    assert f"indexing stopped at sentence {EMBED_STEP} of 50" in final, final
    assert "cancelled; nothing was stored" in final
    assert [p.name for p in (tmp_path / "data" / "articles").iterdir()] == [".lock"]
