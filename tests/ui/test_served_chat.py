"""The real app served on loopback, real model: gradio_client and POST /api/ask agree."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client

pytestmark = pytest.mark.integration

QUESTION = "What was targeted on November 23?"


@pytest.fixture(scope="module")
def client(served: str) -> Client:
    return Client(served, verbose=False)


def post(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url + "api/ask", json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_chat_over_gradio_client_answers_with_citations(client: Client) -> None:
    reply = client.predict(QUESTION, api_name="/chat")
    *answer, sources = reply.split("\n\n")  # an unsure answer also quotes its sentence
    assert "Hezbollah" in "\n\n".join(answer)
    assert sources.startswith("Sources: [\\[13\\]](#s-13 ")


def test_chat_streams(client: Client) -> None:
    job = client.submit(QUESTION, [], "bundled", api_name="/chat")
    drafts = list(job)
    assert drafts[-1] == job.result() and "Sources:" in drafts[-1]


def test_chat_follow_up_reads_the_replayed_reply(client: Client) -> None:
    # A /chat client replays the Markdown it got back; the answer is read out of it in ui.
    first = client.predict(QUESTION, api_name="/chat")
    history = [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": first}]
    reply = client.predict("Who said so?", history, "bundled", api_name="/chat")
    assert "Reading as: Who said so" in reply and "Israeli press office" in reply


def test_chat_shows_errors_as_messages(client: Client) -> None:
    assert client.predict("   ", api_name="/chat") == "⚠️ the question is empty"


def test_http_and_gradio_give_the_same_answer(served: str, client: Client) -> None:
    status, answer = post(served, {"question": QUESTION})
    assert status == 200
    assert answer["found"] is True and "Hezbollah" in answer["text"]
    assert answer["evidence"][0]["position"] == 13
    best = answer["evidence"][0]
    assert best["start"] <= best["answer_start"] < best["answer_end"] <= best["end"]
    assert client.predict(QUESTION, [], "bundled", api_name="/ask") == answer


def test_http_follow_up_shows_its_reading(served: str) -> None:
    # A client replays the conversation as it happened: the first answer is the server's.
    _, first = post(served, {"question": QUESTION})
    history = [
        {"role": "user", "content": QUESTION},
        {"role": "assistant", "content": first["text"]},
    ]
    status, answer = post(served, {"question": "Who said so?", "history": history})
    assert status == 200
    assert answer["reading"] == f"Reading as: Who said so (following: {QUESTION})"
    assert "Israeli press office" in answer["text"]


def test_serve_defaults_to_loopback_and_takes_a_data_dir(tmp_path: Path) -> None:
    from ui.cli import parser

    args = parser().parse_args(["serve"])
    assert (args.host, args.port, args.data_dir) == ("127.0.0.1", 7860, None)
    args = parser().parse_args(["serve", "--data-dir", str(tmp_path), "--no-reader"])
    assert (args.data_dir, args.reader) == (str(tmp_path), False)
