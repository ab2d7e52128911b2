"""A local web server for tests that add articles by link: http.server on 127.0.0.1 in a
thread, answering each path from a table of (status, headers, body)."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

Reply = tuple[int, dict[str, str], bytes]
DRIPPED_LINES = 20  # header lines a slow server sends, when it drips them

FERRY_PAGE = b"""<!doctype html><html><head><title>Ferry sinks off Crete</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2026-03-03T11:42:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry sinks off Crete</h1>
<p class="byline">By Jane Doe</p><time>March 3, 2026 11:42 AM GMT</time>
<p>A ferry carrying 212 passengers sank off the coast of Crete on Monday, the coast guard
said. Fishing boats from Chania rescued every passenger within two hours.</p>
<p>The ferry had left Piraeus on Sunday night. Its captain, Nikos Pappas, said a wave
flooded the car deck shortly after midnight.</p></article></body></html>"""


def html(body: bytes) -> Reply:
    """A 200 reply with an HTML page."""
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body


class ArticleServer:
    """The server's routes (path -> Reply, or a callable for slow replies) and what it saw."""

    def __init__(self, routes: dict[str, Reply]) -> None:
        self.routes = routes
        self.hosts: list[str] = []  # each request's Host header
        self.delay = 0.0  # seconds before each reply's body
        self.drip = 0.0  # seconds between header lines, when they come slowly
        self.dripped = 0  # header lines sent so far, slowly
        self.url = ""

    def link(self, path: str) -> str:
        """The URL of `path` on this server."""
        return self.url + path


@contextmanager
def serving(routes: dict[str, Reply]) -> Iterator[ArticleServer]:
    """Serve `routes` on 127.0.0.1 until the block ends."""
    server = ArticleServer(routes)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.hosts.append(self.headers.get("Host", ""))
            status, headers, body = server.routes.get(
                self.path, (404, {"Content-Type": "text/plain"}, b"no such page")
            )
            self.send_response(status)
            for number in range(DRIPPED_LINES if server.drip else 0):
                self.send_header(f"X-Slow-{number}", "x")
                try:
                    self.flush_headers()  # sent as it comes, a line at a time
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up waiting
                server.dripped += 1
                time.sleep(server.drip)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if server.delay:
                time.sleep(server.delay)
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on it, as it should on a body over the limit

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
