"""No network at run time: with every non-loopback connection refused, everything works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parent.parent
# Runs in a fresh interpreter so the guard is in place before anything is imported.
SCRIPT = r"""
import ipaddress, socket

refused = []
real_connect = socket.socket.connect
real_connect_ex = socket.socket.connect_ex

def _loopback(address):
    if isinstance(address, (str, bytes)):  # a Unix socket
        return True
    host = address[0]
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"

def guarded_connect(self, address):
    if not _loopback(address):
        refused.append(address)
        raise ConnectionRefusedError(f"network refused by test guard: {address}")
    return real_connect(self, address)

def guarded_connect_ex(self, address):
    if not _loopback(address):
        refused.append(address)
        return 111
    return real_connect_ex(self, address)

socket.socket.connect = guarded_connect
socket.socket.connect_ex = guarded_connect_ex

import qa
answer = qa.ask("What was targeted on November 23?")
assert answer.found and answer.evidence[0].position == 13, answer

from gradio_client import Client
from ui.app import EXAMPLES, create_app
from qa.bot import bundled
app = create_app(bundled(), EXAMPLES)
app.queue().launch(server_name="127.0.0.1", server_port=0 or None, prevent_thread_lock=True)
client = Client(app.local_url, verbose=False)
reply = client.predict("What was targeted on November 23?", api_name="/chat")
assert "Hezbollah" in str(reply), reply
app.close()
print("refused:", refused)
print("OK")
"""


def test_ask_and_the_served_chat_work_with_the_network_refused(tmp_path: Path) -> None:
    env = {**os.environ, "ARTICLE_QA_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "OK" in result.stdout
    # Nothing phones home: no connection attempt beyond loopback was even made.
    assert "refused: []" in result.stdout, result.stdout
