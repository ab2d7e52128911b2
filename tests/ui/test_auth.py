"""`serve --auth user:password` (or $ARTICLE_QA_AUTH): who may use the chat and the API.

The served tests bind 127.0.0.1 only; the public-bind warning is tested through the
function that decides it and through the CLI with the server itself stubbed out.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from gradio_client.exceptions import AuthenticationError

from qa.collection import FolderCollection
from tests.conftest import REPO, FakeEmbedder
from ui import cli
from ui.app import create_web_app
from ui.auth import AUTH_ENV, BadAuth, auth_from, bind_warning, check_basic, parse_auth
from ui.server import BackgroundServer

USER, PASSWORD = "alice", "s3cret:with-colon"
QUESTION = "What was targeted on November 23?"


# -- parsing --------------------------------------------------------------------------------


def test_user_and_password_split_at_the_first_colon() -> None:
    assert parse_auth(f"{USER}:{PASSWORD}") == (USER, PASSWORD)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("alice", "--auth must be user:password (no ':' found)"),
        (":s3cret", "--auth must be user:password with a non-empty user and no spaces"),
        (" alice:s3cret", "--auth must be user:password with a non-empty user and no spaces"),
        ("alice:", "--auth must be user:password with a non-empty password"),
    ],
)
def test_malformed_auth_is_one_clear_line(value: str, message: str) -> None:
    with pytest.raises(BadAuth) as caught:
        parse_auth(value)
    assert str(caught.value) == message


def test_the_option_wins_over_the_environment_variable() -> None:
    environ = {AUTH_ENV: "bob:from-env"}
    assert auth_from(f"{USER}:{PASSWORD}", environ) == (USER, PASSWORD)
    assert auth_from(None, environ) == ("bob", "from-env")
    assert auth_from(None, {}) is None
    with pytest.raises(BadAuth, match=rf"^\${AUTH_ENV} must be user:password"):
        auth_from(None, {AUTH_ENV: "no-colon"})


def test_basic_auth_header_check() -> None:
    def header(user: str, password: str) -> str:
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    auth = (USER, PASSWORD)
    assert check_basic(header(USER, PASSWORD), auth)
    assert not check_basic(header(USER, "wrong"), auth)
    assert not check_basic(header("mallory", PASSWORD), auth)
    assert not check_basic(None, auth)
    assert not check_basic("Bearer " + PASSWORD, auth)
    assert not check_basic("Basic not-base64!", auth)


# -- the public-bind warning ----------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost"])
def test_no_warning_on_loopback(host: str) -> None:
    assert bind_warning(host, None) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "example.org"])
def test_warning_on_other_addresses_without_auth(host: str) -> None:
    warning = bind_warning(host, None)
    assert warning is not None and "\n" not in warning
    assert warning.startswith(f"article-qa: warning: serving on {host}")
    assert "--auth user:password" in warning and AUTH_ENV in warning
    assert bind_warning(host, (USER, PASSWORD)) is None


@pytest.fixture
def stubbed_launch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[list[dict[str, Any]]]:
    """Run `article-qa serve` up to the point of serving; record what it would serve."""
    import ui.app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ui.app, "launch", lambda **kwargs: calls.append(kwargs))
    # cmd_serve sets these for the process: keep them from leaking into other tests.
    monkeypatch.setenv("ARTICLE_QA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "uploads"))
    monkeypatch.delenv(AUTH_ENV, raising=False)
    yield calls


def _serve(*args: str) -> int:
    return cli.main(["serve", "--no-reader", *args])


def test_cli_warns_once_for_a_public_bind_without_auth(
    stubbed_launch: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _serve("--host", "0.0.0.0") == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [bind_warning("0.0.0.0", None)]
    assert stubbed_launch[0]["host"] == "0.0.0.0" and stubbed_launch[0]["auth"] is None


def test_cli_passes_auth_and_does_not_warn(
    stubbed_launch: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _serve("--host", "0.0.0.0", "--auth", f"{USER}:{PASSWORD}") == 0
    monkeypatch.setenv(AUTH_ENV, "bob:from-env")
    assert _serve("--host", "0.0.0.0") == 0
    assert _serve() == 0  # loopback: no warning either way
    out, err = capsys.readouterr()
    assert err == ""
    assert PASSWORD not in out and "from-env" not in out
    assert [call["auth"] for call in stubbed_launch] == [
        (USER, PASSWORD),
        ("bob", "from-env"),
        ("bob", "from-env"),
    ]
    assert stubbed_launch[2]["host"] == "127.0.0.1"


def test_cli_loopback_without_auth_is_quiet(
    stubbed_launch: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _serve("--workers", "2", "--queue", "8") == 0
    assert capsys.readouterr().err == ""
    limits = stubbed_launch[0]["limits"]
    assert (limits.workers, limits.queue) == (2, 8)


def test_malformed_auth_exits_2_in_one_line(tmp_path: Path) -> None:
    # A real process: the exit status and stderr are what a user sees, before any model loads.
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "serve", "--auth", "alice"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "ARTICLE_QA_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 2
    assert result.stderr == "article-qa: error: --auth must be user:password (no ':' found)\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--auth", "alice:"], "--auth must be user:password with a non-empty password"),
        (["--workers", "0"], "--workers/--queue: workers must be at least 1, got 0"),
    ],
)
def test_bad_serve_options_are_one_line_and_exit_2(
    stubbed_launch: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    assert _serve(*args) == 2
    assert capsys.readouterr().err == f"article-qa: error: {message}\n"
    assert stubbed_launch == []


def test_malformed_environment_variable_exits_2(
    stubbed_launch: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(AUTH_ENV, "no-colon-here")
    assert _serve() == 2
    err = capsys.readouterr().err
    assert err == f"article-qa: error: ${AUTH_ENV} must be user:password (no ':' found)\n"


# -- served with a password -----------------------------------------------------------------


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    library = FolderCollection(
        tmp_path_factory.mktemp("auth-data"), embedder=FakeEmbedder(), reader=False
    )
    with BackgroundServer(create_web_app(library=library, auth=(USER, PASSWORD))) as url:
        yield url


def request(
    url: str, body: Any = None, auth: tuple[str, str] | None = None
) -> tuple[int, dict[str, str], Any]:
    headers = {"Content-Type": "application/json"}
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    data = None if body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, headers), timeout=60) as r:
            return r.status, dict(r.headers), json.loads(r.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"null")


@pytest.mark.integration
def test_http_api_needs_the_password(locked: str) -> None:
    ask = locked + "api/ask"
    for auth in (None, (USER, "wrong"), ("mallory", PASSWORD)):
        status, headers, body = request(ask, {"question": QUESTION}, auth)
        assert status == 401
        assert body == {"error": "this server needs a user and password (HTTP basic auth)"}
        assert headers["www-authenticate"].startswith("Basic")
    assert request(locked + "api/articles")[0] == 401
    status, _, answer = request(ask, {"question": QUESTION}, (USER, PASSWORD))
    assert status == 200 and answer["evidence"]
    status, _, articles = request(locked + "api/articles", auth=(USER, PASSWORD))
    assert status == 200 and articles[0]["bundled"] is True


@pytest.mark.integration
def test_chat_needs_the_password(locked: str) -> None:
    # The chat's config, its queue and its files all sit behind Gradio's login.
    for path in ("config", "gradio_api/info", "gradio_api/file=/etc/hostname"):
        assert request(locked + path)[0] == 401, path
    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        Client(locked, verbose=False)
    with pytest.raises(ValueError, match="Could not login"):
        Client(locked, auth=(USER, "wrong"), verbose=False)
    client = Client(locked, auth=(USER, PASSWORD), verbose=False)
    answer = client.predict(QUESTION, [], "bundled", api_name="/ask")
    status, _, direct = request(locked + "api/ask", {"question": QUESTION}, (USER, PASSWORD))
    assert answer == direct
