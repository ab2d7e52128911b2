"""The real Gradio server on loopback, queried with gradio_client."""

from __future__ import annotations

import socket

import pytest
from gradio_client import Client

from ui.app import create_app

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(bundled_bot):
    app = create_app(bundled_bot)
    port = _free_port()
    app.queue().launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False
    )
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_chat_over_http_answers_with_citations(served: str) -> None:
    client = Client(served, verbose=False)
    reply = client.predict("What was targeted on November 23?", api_name="/chat")
    assert "chief of staff of Hezbollah" in reply
    assert "[13]" in reply


def test_chat_shows_errors_as_messages(served: str) -> None:
    client = Client(served, verbose=False)
    reply = client.predict("   ", api_name="/chat")
    assert "the question is empty" in reply


def test_serve_defaults_to_loopback() -> None:
    from ui.cli import parser

    args = parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 7860)
