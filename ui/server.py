"""Serving the web app with uvicorn: blocking for the CLI, in a thread for tests.

Stopping (SIGTERM, Ctrl-C) ends the server within seconds: the moment uvicorn starts
shutting down, every budget still alive is cancelled (index.budget), so answering and
indexing in flight stop at their next checkpoint and their requests end; connections
still open after `SHUTDOWN_SECONDS` (the chat's event streams) are dropped, and work in
flight is given as long again to reach its checkpoint and clean up.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from types import TracebackType

import uvicorn
from fastapi import FastAPI

from index.budget import cancel_all, in_flight

_START_TIMEOUT = 60.0
SHUTDOWN_SECONDS = 5  # how long open connections, then work in flight, may take to end
STOPPING = "the server is stopping"
log = logging.getLogger("article_qa")


class StoppingServer(uvicorn.Server):
    """uvicorn's server, cancelling the work in flight as soon as it is told to stop.

    `final`: the process ends with the server (the CLI), so work that would start
    afterwards (still queued for a worker) is cancelled too.
    """

    def __init__(self, config: uvicorn.Config, final: bool = False) -> None:
        super().__init__(config)
        self.final = final

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        stopped = cancel_all(STOPPING, for_good=self.final)
        if stopped:
            log.info("stopping: %d answers or indexings in flight cancelled", stopped)
        await super().shutdown(sockets)
        # Work that no request waits for any more (a page's event) stops at its next
        # checkpoint too; waited for, so that it cleans up (staging folders) first.
        deadline = time.monotonic() + SHUTDOWN_SECONDS
        while in_flight() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)


def config(app: FastAPI, host: str, port: int) -> uvicorn.Config:
    """How the app is served: quiet logs, a short graceful shutdown."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
    )


def serve(app: FastAPI, host: str, port: int) -> None:
    """Serve `app` until interrupted (SIGINT or SIGTERM)."""
    StoppingServer(config(app, host, port), final=True).run()


class BackgroundServer:
    """`app` served on loopback from a thread; port 0 picks a free port.

    Use as a context manager: `with BackgroundServer(app) as url: ...`.
    """

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.server = StoppingServer(config(app, host, port))
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
