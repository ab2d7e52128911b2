"""Articles by link: fetch an http(s) URL's page, text or PDF for extraction (qa.extract).

A server that fetches links for its visitors must not be turned against its own network
(server-side request forgery): by default a link whose host resolves to a loopback,
private, link-local, multicast, reserved or unspecified address is refused. The host is
resolved here, every address it resolves to is checked, and the connection goes to a
checked address: a second lookup by the HTTP library could answer differently (DNS
rebinding). Redirects are followed, at most MAX_REDIRECTS, each through the same checks.

`allow_private=True` lifts the address check: the CLI fetches for the user on their own
machine, as curl would; `article-qa serve` and `article-qa mcp` only with
`--allow-private-urls`. Only http and https are fetched, within TIMEOUT_SECONDS in all,
and a body over the 2 MB article limit is refused as it streams in.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from qa.article import MAX_ARTICLE_BYTES
from qa.errors import InvalidArticle

TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_USER_AGENT = "article-qa (+offline news question answering)"
# A chat message that is a link and nothing else adds that article.
_LINK_MESSAGE = re.compile(r"\s*<?(https?://[^\s<>]+)>?\s*", re.IGNORECASE)
# Content types we read, and the file extension that picks the extraction.
_KINDS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
}
_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Fetched:
    """A fetched article file: its bytes, a file name whose extension says how to read
    them, the URL it finally came from, and that URL's host (its source)."""

    data: bytes
    filename: str
    url: str
    host: str


def link_in(message: str) -> str | None:
    """The URL when a chat message is a link and nothing else, else None."""
    match = _LINK_MESSAGE.fullmatch(message or "")
    return match.group(1) if match else None


def refused_address(address: str) -> str | None:
    """Why a server must not connect to `address` for a visitor, or None when it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved or not ip.is_global),
    ):
        if flag:
            return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} address"
    return None


def _parts(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path?query) of a link we may fetch; InvalidArticle if not."""
    if not url or any(char.isspace() or ord(char) < 32 for char in url.strip()):
        raise InvalidArticle(f"{url.strip()[:200]!r} is not a link (it holds spaces)")
    try:
        split = urlsplit(url.strip())
        port = split.port
    except ValueError as exc:
        raise InvalidArticle(f"{url} is not a valid link ({exc})") from None
    scheme = split.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidArticle(f"{url} is not an http:// or https:// link")
    if not split.hostname:
        raise InvalidArticle(f"{url} has no host")
    if split.username or split.password:
        raise InvalidArticle(f"{url} carries a user name or password; give the link without")
    target = (split.path or "/") + (f"?{split.query}" if split.query else "")
    return scheme, split.hostname, port or (443 if scheme == "https" else 80), target


def _addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """Every address `host` resolves to, all checked; InvalidArticle if any is refused."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InvalidArticle(f"cannot find the host {host} ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in addresses:
            why = refused_address(address)
            if why is not None:
                where = f"is {why}" if address == host else f"resolves to {why} ({address})"
                raise InvalidArticle(
                    f"{host} {where}: this server does not fetch links into its own "
                    "network (start it with --allow-private-urls to allow that)"
                )
    return addresses


class _PinnedConnection(http.client.HTTPSConnection):
    """An HTTP(S) connection to an address already checked, under the link's host name
    (its Host header, TLS server name and certificate check)."""

    def __init__(self, host: str, port: int, address: str, timeout: float, tls: bool) -> None:
        self.tls_context = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls_context)
        self.address = address
        self.tls = tls

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = (
            self.tls_context.wrap_socket(sock, server_hostname=self.host) if self.tls else sock
        )


def _connect(
    host: str, port: int, addresses: list[str], deadline: float, tls: bool
) -> _PinnedConnection:
    """A connection to the first of the checked `addresses` that answers."""
    problem: OSError | None = None
    for address in addresses:
        connection = _PinnedConnection(host, port, address, _left(deadline), tls)
        try:
            connection.connect()
            return connection
        except OSError as exc:
            problem = exc
            connection.close()
    raise InvalidArticle(f"cannot connect to {host} ({problem})")


def _cut(sock: socket.socket) -> None:
    """End a connection that ran out of time: its blocked read returns at once."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


def _left(deadline: float) -> float:
    """Seconds left before `deadline`; TimeoutError when none are."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _read_body(
    response: http.client.HTTPResponse, sock: socket.socket, url: str, deadline: float
) -> bytes:
    """The body, refused as soon as it passes the article limit or the time runs out
    (each read may take only the time left: a server cannot drip it in forever)."""
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_ARTICLE_BYTES:
        raise InvalidArticle(f"{url} is {int(declared):,} bytes; the limit is 2 MB")
    body = bytearray()
    while True:
        sock.settimeout(_left(deadline))
        chunk = response.read1(_CHUNK)
        if not chunk:
            _left(deadline)  # an end cut short by the watchdog is no end
            return bytes(body)
        body += chunk
        if len(body) > MAX_ARTICLE_BYTES:
            raise InvalidArticle(f"{url} is over 2 MB; the limit is 2 MB")


def _filename(url: str, content_type: str, data: bytes) -> str:
    """A file name for the body: the link's last path part, with the extension that its
    content type (else the link, else the bytes) says."""
    path = PurePosixPath(unquote(urlsplit(url).path))
    stem = _NAME_CHARS.sub("-", path.stem).strip("-.") or urlsplit(url).hostname or "article"
    kind = _KINDS.get(content_type)
    if kind is None and path.suffix.lower() in (".html", ".htm", ".txt", ".md", ".pdf"):
        kind = path.suffix.lower()
    if kind is None and content_type in ("", "application/octet-stream"):
        kind = ".pdf" if data.startswith(b"%PDF-") else None
    if kind is None:
        raise InvalidArticle(
            f"{url} is {content_type or 'of no declared type'}, not an article "
            "(a web page, text or PDF)"
        )
    return stem[:80] + kind


def fetch(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """Fetch the article at `url` (see the module's docstring for what is refused).

    Args:
        url: an http:// or https:// link.
        allow_private: also fetch from loopback, private and other non-public addresses.
        timeout: seconds for the whole fetch, redirects included.
    Raises:
        InvalidArticle: with a one-line reason, for every link that cannot be added.
    """
    deadline = time.monotonic() + timeout
    current = url.strip()
    try:
        for _ in range(MAX_REDIRECTS + 1):
            scheme, host, port, target = _parts(current)
            addresses = _addresses(host, port, allow_private)
            connection = _connect(host, port, addresses, deadline, scheme == "https")
            sock = connection.sock  # kept: the connection lets go of it once answered
            # Reads time out one by one; this cuts the connection at the deadline, so a
            # server dripping its headers a byte at a time cannot hold on for longer.
            watchdog = threading.Timer(_left(deadline), _cut, [sock])
            watchdog.start()
            try:
                connection.request(
                    "GET",
                    target,
                    headers={
                        "User-Agent": _USER_AGENT,
                        "Accept": "text/html, application/xhtml+xml, text/plain, "
                        "text/markdown, application/pdf;q=0.9, */*;q=0.1",
                        # Compressed bodies are refused, never inflated (ui.uploads).
                        "Accept-Encoding": "identity",
                    },
                )
                response = connection.getresponse()
                location = response.getheader("Location")
                if response.status in (301, 302, 303, 307, 308) and location:
                    current = urljoin(current, location)
                    continue
                if response.status != 200:
                    raise InvalidArticle(f"{current} answered {response.status} {response.reason}")
                encoding = (response.getheader("Content-Encoding") or "identity").lower()
                if encoding not in ("identity", ""):
                    raise InvalidArticle(f"{current} sent a {encoding}-compressed body")
                data = _read_body(response, sock, current, deadline)
            finally:
                watchdog.cancel()
                connection.close()
            content_type = (response.getheader("Content-Type") or "").split(";")[0]
            filename = _filename(current, content_type.strip().lower(), data)
            return Fetched(data, filename, current, host)
    except TimeoutError:
        raise InvalidArticle(f"{url} did not answer within {timeout:g} seconds") from None
    except (http.client.HTTPException, ssl.SSLError, OSError) as exc:
        if time.monotonic() >= deadline:  # cut by the watchdog
            raise InvalidArticle(f"{url} did not answer within {timeout:g} seconds") from None
        raise InvalidArticle(f"cannot fetch {url} ({type(exc).__name__}: {exc})") from None
    raise InvalidArticle(f"{url} redirects more than {MAX_REDIRECTS} times")
