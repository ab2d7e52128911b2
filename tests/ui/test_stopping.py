"""`article-qa serve` told to stop (SIGTERM) while it indexes an upload: the indexing stops
where it is, nothing is stored, and the process ends, rather than computing on."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from index.article_folders import STAGING
from qa.limits import MAX_ARTICLE_TOKENS
from tests.conftest import REPO

pytestmark = pytest.mark.integration

WAIT = 120  # seconds any step may take on a loaded machine; never reached when it works
# As many sentences as the article limits allow (about 1,000): 2,000 texts to embed,
# seconds of work on two free cores, so SIGTERM lands in the middle.
ARTICLE = "The long report\n" + "".join(
    f"Event {n} was reported in detail.\n" for n in range(MAX_ARTICLE_TOKENS // 12)
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def upload(url: str, replies: list[str]) -> None:
    request = urllib.request.Request(
        url + "api/articles?filename=report.txt", ARTICLE.encode(), method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            replies.append(response.read().decode())
    except urllib.error.HTTPError as error:
        replies.append(error.read().decode())
    except OSError as error:  # the server went away first
        replies.append(str(error))


def wait_until_serving(server: subprocess.Popen[str], url: str) -> None:
    deadline = time.monotonic() + WAIT
    while True:
        assert server.poll() is None, server.communicate()[1][-2000:]
        assert time.monotonic() < deadline, "the server did not start"
        try:
            with urllib.request.urlopen(url + "api/articles", timeout=5):
                return
        except OSError:
            time.sleep(0.2)


def test_sigterm_stops_indexing_in_flight_and_the_server(tmp_path: Path) -> None:
    data, port = tmp_path / "data", free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "serve", "--port", str(port), "--data-dir", str(data)]
        + ["--no-reader", "--embedder", "int8"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    replies: list[str] = []
    try:
        wait_until_serving(server, url)
        uploading = threading.Thread(target=upload, args=(url, replies), daemon=True)
        uploading.start()
        deadline = time.monotonic() + WAIT
        while not any((data / "articles").glob(f"{STAGING}*")):  # indexing has begun
            assert server.poll() is None and not replies, replies
            assert time.monotonic() < deadline, "no indexing"
            time.sleep(0.05)
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=WAIT)
        uploading.join(WAIT)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    stopped = re.search(r"indexing stopped at sentence ([\d,]+) of ([\d,]+): the server is", err)
    assert stopped, err[-2000:]
    done, total = (int(count.replace(",", "")) for count in stopped.groups())
    assert done < total  # it stopped where it was, rather than finishing first
    assert "'The long report' (" in err  # the operator's log line says which
    articles = sorted(path.name for path in (data / "articles").iterdir())
    assert articles == [".lock"]  # nothing half-stored, no staging folder left
    # The upload's client is told, in one line, while the server shuts down.
    assert replies == [f'{{"error":"{stopped.group(0)} stopping"}}'], replies
