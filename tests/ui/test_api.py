"""POST /api/ask over HTTP on loopback (fake embedder): schema, article choice, errors."""

from __future__ import annotations

import dataclasses
import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from qa.answer import Answer, Evidence
from qa.collection import FolderCollection
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
    assert set(answer) == {"text", "found", "score", "evidence", "reading"}


def test_the_chat_page_is_served_beside_the_api(served: str) -> None:
    with urllib.request.urlopen(served, timeout=30) as response:
        assert response.status == 200 and b"<html" in response.read().lower()
