"""POST /api/ask over HTTP on loopback (fake embedder): schema, article choice, errors."""

from __future__ import annotations

import dataclasses
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qa.answer import Answer, Evidence
from qa.collection import FolderCollection
from tests.ui.confidence import Answering
from ui.api import AnswerModel, EvidenceModel
from ui.app import create_web_app
from ui.server import BackgroundServer

pytestmark = pytest.mark.integration

FERRY = "Ferry returns to Oban\nThe ferry left Oban at noon on March 3.\nIt reached Mull later.\n"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> FolderCollection:
    from tests.conftest import FakeEmbedder

    return FolderCollection(tmp_path_factory.mktemp("api-data"), embedder=FakeEmbedder())


@pytest.fixture(scope="module")
def served(library: FolderCollection) -> Iterator[str]:
    with BackgroundServer(create_web_app(library=library)) as url:
        yield url


def call(
    url: str, method: str = "GET", body: Any = None, raw: bytes | None = None
) -> tuple[int, Any]:
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def ask(served: str, body: Any = None, raw: bytes | None = None) -> tuple[int, Any]:
    return call(served + "api/ask", "POST", body, raw)


def test_the_answer_schema_is_the_answer_dataclass() -> None:
    assert list(AnswerModel.model_fields) == [f.name for f in dataclasses.fields(Answer)]
    assert list(EvidenceModel.model_fields) == [f.name for f in dataclasses.fields(Evidence)]


def test_answer_json_matches_the_schema(served: str) -> None:
    status, answer = ask(served, {"question": "What happened on November 23?"})
    assert status == 200
    assert AnswerModel.model_validate(answer).model_dump() == answer
    assert answer["evidence"][0]["article"].startswith("Lebanon and Israel")


@pytest.mark.parametrize("confident", [False, True])
def test_the_answer_says_whether_it_is_confident(
    served: str, library: FolderCollection, monkeypatch: pytest.MonkeyPatch, confident: bool
) -> None:
    cited = Evidence("Ferry", 1, "The ferry left Oban at noon.", 22, 50, 0.8, 37, 41)
    given = Answer("Oban", True, 0.7, [cited], confident=confident)
    monkeypatch.setattr(library, "answerer", lambda article: Answering(given))
    status, answer = ask(served, {"question": "Where did the ferry leave from?"})
    assert status == 200
    assert (answer["found"], answer["confident"]) == (True, confident)
    assert answer == given.to_dict()


def test_article_selects_a_loaded_article(served: str, library: FolderCollection) -> None:
    entry = library.add(FERRY, source="ferry.txt")
    status, articles = call(served + "api/articles")
    assert status == 200 and [a["id"] for a in articles] == ["bundled", entry.id]
    status, answer = ask(
        served, {"question": "Where did the ferry leave from?", "article": entry.id}
    )
    assert status == 200
    assert answer["evidence"][0]["article"] == "Ferry returns to Oban"
    assert "Oban" in answer["evidence"][0]["text"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"question": "   "}, 400, "the question is empty"),
        ({"question": "x" * 2001}, 400, "the limit is 2,000"),
        ({"question": "Why?", "article": "0123456789ab"}, 404, "no loaded article"),
        ({"question": "Why?", "article": "../../etc/passwd"}, 404, "no loaded article"),
        ({}, 422, "question: Field required"),
        ({"question": 3}, 422, "question: Input should be a valid string"),
        ({"question": "Who?", "history": [{"role": "bot", "content": "x"}]}, 422, "history.0.role"),
    ],
)
def test_errors_are_one_line_json(served: str, body: dict, status: int, message: str) -> None:
    got, payload = ask(served, body)
    assert got == status
    assert list(payload) == ["error"] and message in payload["error"]
    assert "\n" not in payload["error"]


def test_a_body_that_is_not_json(served: str) -> None:
    status, payload = ask(served, raw=b"{not json")
    assert status == 422 and list(payload) == ["error"]


def test_openapi_documents_the_route(served: str) -> None:
    status, schema = call(served + "openapi.json")
    assert status == 200
    route = schema["paths"]["/api/ask"]["post"]
    assert route["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/AskRequest"
    )
    ok = route["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ok.endswith("/AnswerModel")
    for code in ("400", "404", "422"):
        error = route["responses"][code]["content"]["application/json"]["schema"]["$ref"]
        assert error.endswith("/ErrorModel")
    answer = schema["components"]["schemas"]["AnswerModel"]["properties"]
    assert set(answer) == {"text", "found", "score", "evidence", "reading", "confident"}
    assert answer["confident"]["type"] == "boolean"


def test_the_chat_page_is_served_beside_the_api(served: str) -> None:
    with urllib.request.urlopen(served, timeout=30) as response:
        assert response.status == 200 and b"<html" in response.read().lower()


# -- every bad input is a clean 4xx {"error"} --------------------------------------------------


def exchange(
    url: str, method: str = "GET", raw: bytes | None = None, kind: str = "application/json"
) -> tuple[int, dict[str, str], Any]:
    """Send `raw` as given; the status, headers and JSON reply."""
    request = urllib.request.Request(url, raw, {"Content-Type": kind}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def one_line_error(payload: Any) -> str:
    assert list(payload) == ["error"] and "\n" not in payload["error"], payload
    return str(payload["error"])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"question": "Who \ud800 was targeted?"},
            "the question holds text that is not valid Unicode (a lone surrogate at character 5)",
        ),
        (
            {
                "question": "Who said so?",
                "history": [
                    {"role": "user", "content": "What was targeted on November 23?"},
                    {"role": "assistant", "content": "a building \udc80"},
                ],
            },
            "history message 2 holds text that is not valid Unicode",
        ),
    ],
)
def test_lone_surrogates_are_a_bad_question(served: str, body: dict, message: str) -> None:
    # json.dumps writes a lone surrogate as the "\ud800" escape a client sends.
    status, payload = ask(served, body)
    assert status == 400 and one_line_error(payload).startswith(message)


def test_bodies_that_cannot_be_read_are_422(served: str) -> None:
    past_the_parser = b"[" * 100_000 + b"]" * 100_000  # deeper than json.loads recurses
    deep_history = b'{"question": "Who?", "history": ' + b"[" * 900 + b"]" * 900 + b"}"
    cases = [
        (past_the_parser, "application/json", "the request body is nested too deep"),
        (deep_history, "application/json", "history.0: Input should be a valid dictionary"),
        (b'{"question": "caf\xe9?"}', "application/json", "the request body is not UTF-8"),
        (b"{not json", "application/json", "the request body is not JSON"),
        (b"question=Who", "application/x-www-form-urlencoded", "request body: Input should"),
        (b"", "application/json", "request body: Field required"),
    ]
    for raw, kind, message in cases:
        status, _, payload = exchange(served + "api/ask", "POST", raw, kind)
        assert status == 422 and one_line_error(payload).startswith(message), (raw[:40], payload)


def test_other_paths_and_methods_under_api_are_json_errors(served: str) -> None:
    status, _, payload = exchange(served + "api/nothing-here")
    assert status == 404 and one_line_error(payload) == "no API route at /api/nothing-here"
    for method in ("GET", "PUT", "QUERY", "OPTIONS"):
        status, headers, payload = exchange(served + "api/ask", method)
        assert (status, headers.get("allow")) == (405, "POST"), method
        assert one_line_error(payload) == f"{method} is not allowed here; use POST"
    status, headers, _ = exchange(served + "api/articles", "PATCH")
    assert (status, headers.get("allow")) == (405, "GET, POST")


def test_a_fault_of_the_server_is_a_json_500(
    served: str, library: FolderCollection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> list:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(library, "entries", broken)
    status, _, payload = exchange(served + "api/articles")
    assert status == 500
    assert one_line_error(payload) == "the server failed on this request; its log says why"


def test_removing_an_article(served: str, library: FolderCollection) -> None:
    entry = library.add("Removal notice\nThe ferry to Mull was sold in May.\n", source="mull.txt")
    status, _, removed = exchange(served + f"api/articles/{entry.id}", "DELETE")
    assert status == 200 and (removed["id"], removed["source"]) == (entry.id, "mull.txt")
    assert entry.id not in library
    status, _, payload = exchange(served + f"api/articles/{entry.id}", "DELETE")
    assert status == 404 and one_line_error(payload).startswith("no loaded article has the id")
    status, _, payload = exchange(served + "api/articles/bundled", "DELETE")
    assert status == 400 and one_line_error(payload) == "the bundled article cannot be removed"


def test_two_servers_removing_one_article_at_once(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from tests.conftest import FakeEmbedder

    libraries = [FolderCollection(tmp_path, embedder=FakeEmbedder(), reader=False) for _ in "ab"]
    with (
        BackgroundServer(create_web_app(library=libraries[0])) as first,
        BackgroundServer(create_web_app(library=libraries[1])) as second,
        ThreadPoolExecutor(2) as clients,
    ):
        for number in range(12):
            article = libraries[0].add(f"Ferry {number}\nFerry {number} left Oban.\n").id
            urls = [f"{server}api/articles/{article}" for server in (first, second)]
            replies = list(clients.map(lambda url: exchange(url, "DELETE"), urls))
            statuses = sorted(status for status, _, _ in replies)
            assert statuses == [200, 404], (number, replies)
            assert all("error" in payload for status, _, payload in replies if status == 404)
