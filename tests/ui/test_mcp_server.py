"""`article-qa mcp` as an AI assistant runs it: a real subprocess on stdio, driven by the
`mcp` SDK's own client, with a private data folder and the real models."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from mcp import Client, StdioServerParameters

from qa.answer import Answer, Evidence
from qa.collection import FolderCollection
from tests.article_server import FERRY_PAGE, html, serving
from tests.conftest import FakeEmbedder
from tests.pdfs import article_pdf
from tests.ui.confidence import Answering
from ui.cli import main
from ui.mcp_server import build_server

pytestmark = [pytest.mark.integration, pytest.mark.slow]

QUESTION = "What was targeted on November 23?"
REPO = Path(__file__).resolve().parents[2]


def _server(data: Path) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "ui.cli", "mcp"],
        env={"ARTICLE_QA_DATA_DIR": str(data)},
        cwd=str(REPO),
    )


def _session(data: Path, calls: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Run `calls` in order on one server; each tool's result, by the order given."""
    results: dict[str, Any] = {}

    async def drive() -> None:
        async with Client(_server(data), read_timeout_seconds=300) as client:
            results["tools"] = sorted(tool.name for tool in (await client.list_tools()).tools)
            for number, (name, arguments) in enumerate(calls):
                results[f"{number} {name}"] = await client.call_tool(name, arguments)

    asyncio.run(drive())
    return results


def test_the_tools_over_stdio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "ferry.pdf"
    pdf.write_bytes(
        article_pdf(
            [
                "Ferry sinks off Crete",
                "March 3, 2026",
                "A ferry carrying 212 passengers sank off Crete on Monday.",
                "Fishing boats from Chania rescued every passenger.",
            ]
        )
    )
    with serving({"/ferry.html": html(FERRY_PAGE)}) as site:
        results = _session(
            tmp_path / "data",
            [
                ("list_articles", {}),
                ("ask", {"question": QUESTION}),
                ("add_article", {"path": str(pdf)}),
                ("add_article", {"url": site.link("/ferry.html")}),
                ("ask", {"question": "   "}),
            ],
        )
        assert site.hosts == []  # the link was refused before any request
    assert results["tools"] == ["add_article", "ask", "list_articles"]

    listed = results["0 list_articles"].structured_content["articles"]
    assert [article["id"] for article in listed] == ["bundled"]

    # The same Answer JSON, citations and all, as `article-qa ask --json`.
    asked = results["1 ask"]
    assert not asked.is_error and asked.structured_content["found"] is True
    assert main(["ask", QUESTION, "--json"]) == 0
    assert asked.structured_content == json.loads(capsys.readouterr().out)
    assert json.loads(asked.content[0].text) == asked.structured_content
    assert asked.structured_content["evidence"][0]["position"] == 13

    added = results["2 add_article"].structured_content
    assert (added["title"], added["source"]) == ("Ferry sinks off Crete", "ferry.pdf")

    refused = results["3 add_article"]
    assert refused.is_error and "127.0.0.1 is a loopback address" in refused.content[0].text
    empty = results["4 ask"]
    assert empty.is_error and "the question is empty" in empty.content[0].text

    # What the assistant added is the chat's too, and it answers about it.
    follow = _session(
        tmp_path / "data",
        [("ask", {"question": "Who rescued the passengers?", "article": added["id"]})],
    )["0 ask"].structured_content
    assert follow["found"] and "Chania" in follow["text"]
    assert follow["evidence"][0]["article"] == "Ferry sinks off Crete"


@pytest.mark.parametrize("confident", [False, True])
def test_ask_says_whether_the_answer_is_confident(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, confident: bool
) -> None:
    cited = Evidence("Ferry", 1, "The ferry left Oban at noon.", 22, 50, 0.8, 37, 41)
    given = Answer("Oban", True, 0.7, [cited], confident=confident)
    library = FolderCollection(tmp_path / "data", embedder=FakeEmbedder())
    monkeypatch.setattr(library, "answerer", lambda article: Answering(given))

    async def drive() -> Any:
        async with Client(build_server(library)) as client:  # in-process, no subprocess
            tools = {tool.name: tool for tool in (await client.list_tools()).tools}
            schema = tools["ask"].output_schema or {}
            assert schema["properties"]["confident"]["type"] == "boolean"
            return await client.call_tool("ask", {"question": "Where did the ferry leave?"})

    result = asyncio.run(drive())
    assert not result.is_error
    assert result.structured_content == given.to_dict()
    assert result.structured_content["confident"] is confident
