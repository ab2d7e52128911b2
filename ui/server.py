"""Serving the web app with uvicorn: blocking for the CLI, in a thread for tests."""

from __future__ import annotations

import threading
import time
from types import TracebackType

import uvicorn
from fastapi import FastAPI

_START_TIMEOUT = 60.0


def serve(app: FastAPI, host: str, port: int) -> None:
    """Serve `app` until interrupted."""
    uvicorn.run(app, host=host, port=port, log_level="warning")


class BackgroundServer:
    """`app` served on loopback from a thread; port 0 picks a free port.

    Use as a context manager: `with BackgroundServer(app) as url: ...`.
    """

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.server = uvicorn.Server(
            uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
        )
        self.thread = threading.Thread(target=self.server.run, name="article-qa-web", daemon=True)

    @property
    def url(self) -> str:
        """The root URL, with the port actually bound."""
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://{self.host}:{port}/"

    def start(self) -> str:
        """Start serving and wait until it accepts connections; returns the URL."""
        self.thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the web server did not start")
            time.sleep(0.05)
        return self.url

    def stop(self) -> None:
        """Stop serving and wait for the thread to end."""
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
