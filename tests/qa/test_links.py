"""Fetching an article by link: a local web server started by each test, and every way a
link is refused (private addresses unless allowed, schemes, size, time, redirects)."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from qa.article import MAX_ARTICLE_BYTES
from qa.errors import InvalidArticle
from qa.extract import extract_article
from qa.links import fetch, link_in, refused_address
from tests.article_server import DRIPPED_LINES, FERRY_PAGE, html, serving
from tests.pdfs import article_pdf


def test_a_page_is_fetched_and_reads_as_an_upload_when_private_links_are_allowed() -> None:
    with serving({"/news/ferry": html(FERRY_PAGE)}) as server:
        fetched = fetch(server.link("/news/ferry"), allow_private=True)
    assert (fetched.filename, fetched.host) == ("ferry.html", "127.0.0.1")
    extracted = extract_article(fetched.data, fetched.filename)
    assert extracted.title == "Ferry sinks off Crete" and extracted.date == "2026-03-03"
    assert extracted.text.startswith("A ferry carrying 212 passengers")


def test_a_private_address_is_refused_by_default() -> None:
    with serving({"/ferry.html": html(FERRY_PAGE)}) as server:
        with pytest.raises(InvalidArticle, match="127.0.0.1 is a loopback address") as refused:
            fetch(server.link("/ferry.html"))
        assert server.hosts == []  # refused before connecting
    assert "--allow-private-urls" in str(refused.value)


def test_the_host_is_resolved_once_and_the_checked_address_is_the_one_connected_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # DNS rebinding: a second lookup could answer with another address than the one
    # checked. Here "news.example" resolves to the local server; the request must reach
    # it under its own host name, after a single lookup.
    real = socket.getaddrinfo
    lookups: list[str] = []

    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        lookups.append(host)
        return real("127.0.0.1" if host == "news.example" else host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with serving({"/ferry.html": html(FERRY_PAGE)}) as server:
        port = server.url.rsplit(":", 1)[1]
        fetched = fetch(f"http://news.example:{port}/ferry.html", allow_private=True)
        assert server.hosts == [f"news.example:{port}"]
    # One lookup of the name; the address is then connected to as it is.
    assert lookups.count("news.example") == 1 and fetched.host == "news.example"
    with pytest.raises(InvalidArticle, match="news.example resolves to a loopback address"):
        fetch(f"http://news.example:{port}/ferry.html")


def test_every_address_a_host_resolves_to_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        stream = socket.SOCK_STREAM
        return [
            (socket.AF_INET, stream, 6, "", ("93.184.215.14", port)),  # public
            (socket.AF_INET, stream, 6, "", ("10.0.0.7", port)),  # the office network
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(InvalidArticle, match=r"resolves to a private address \(10.0.0.7\)"):
        fetch("https://news.example/ferry")


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("192.168.1.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("100.64.0.1", "a reserved address"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_refused_addresses(address: str, why: str | None) -> None:
    assert refused_address(address) == why


def test_a_redirect_is_followed_through_the_same_checks() -> None:
    routes = {
        "/short": (302, {"Location": "/news/ferry.html"}, b""),
        "/news/ferry.html": html(FERRY_PAGE),
        "/loop": (301, {"Location": "/loop"}, b""),
        "/elsewhere": (302, {"Location": "file:///etc/passwd"}, b""),
    }
    with serving(routes) as server:
        fetched = fetch(server.link("/short"), allow_private=True)
        assert fetched.url == server.link("/news/ferry.html")
        with pytest.raises(InvalidArticle, match="redirects more than 5 times"):
            fetch(server.link("/loop"), allow_private=True)
        with pytest.raises(InvalidArticle, match="file:///etc/passwd is not an http"):
            fetch(server.link("/elsewhere"), allow_private=True)


@pytest.mark.parametrize(
    "url",
    ["ftp://news.example/ferry.txt", "file:///etc/passwd", "javascript:alert(1)", "//x/y"],
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(InvalidArticle, match="is not an http:// or https:// link"):
        fetch(url, allow_private=True)


def test_a_body_over_the_article_limit_is_refused_as_it_streams() -> None:
    big = b"<p>" + b"x" * (MAX_ARTICLE_BYTES + 10) + b"</p>"
    routes = {
        "/declared": html(big),
        # No Content-Length: the body is counted as it arrives.
        "/streamed": (200, {"Content-Type": "text/html", "Connection": "close"}, big),
    }
    routes["/streamed"][1]["Transfer-Encoding"] = "identity"
    with serving(routes) as server:
        with pytest.raises(InvalidArticle, match="the limit is 2 MB"):
            fetch(server.link("/declared"), allow_private=True)
        with pytest.raises(InvalidArticle, match="is over 2 MB; the limit is 2 MB"):
            fetch(server.link("/streamed"), allow_private=True)


def test_a_server_that_does_not_answer_in_time_is_given_up_on() -> None:
    with serving({"/slow.html": html(FERRY_PAGE)}) as server:
        server.delay = 3.0
        with pytest.raises(InvalidArticle, match="did not answer within 0.5 seconds"):
            fetch(server.link("/slow.html"), allow_private=True, timeout=0.5)


def test_a_server_dripping_its_headers_cannot_outlast_the_deadline() -> None:
    # Each header line comes well within the time one read may take; all of them do not.
    with serving({"/drip.html": html(FERRY_PAGE)}) as server:
        server.drip = 0.2
        with pytest.raises(InvalidArticle, match="did not answer within 1 seconds"):
            fetch(server.link("/drip.html"), allow_private=True, timeout=1.0)
        assert server.dripped < DRIPPED_LINES  # cut off before the headers were all in


def test_what_is_not_an_article_is_refused_by_its_type() -> None:
    routes = {
        "/photo": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n"),
        "/report": (200, {"Content-Type": "application/pdf"}, article_pdf(["Ferry sank."])),
        "/gone": (404, {"Content-Type": "text/html"}, b"not here"),
    }
    with serving(routes) as server:
        with pytest.raises(InvalidArticle, match="is image/png, not an article"):
            fetch(server.link("/photo"), allow_private=True)
        assert fetch(server.link("/report"), allow_private=True).filename == "report.pdf"
        with pytest.raises(InvalidArticle, match="answered 404 Not Found"):
            fetch(server.link("/gone"), allow_private=True)


@pytest.mark.parametrize(
    ("message", "url"),
    [
        ("https://news.example/ferry", "https://news.example/ferry"),
        ("  <http://news.example/a?b=1>  ", "http://news.example/a?b=1"),
        ("What does https://news.example/ferry say?", None),
        ("news.example/ferry", None),
        ("", None),
    ],
)
def test_a_chat_message_is_a_link_only_when_it_is_nothing_else(
    message: str, url: str | None
) -> None:
    assert link_in(message) == url
