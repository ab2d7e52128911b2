"""`article-qa ask` and `add` with articles as people have them: HTML and PDF files read
as uploads are, links (the CLI fetches for the user on their own machine, private
addresses included), and the chat so far from a file. In-process, real models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.article_server import FERRY_PAGE, html, serving
from tests.pdfs import article_pdf
from ui.cli import main

pytestmark = pytest.mark.slow

QUESTION = "Who rescued the passengers?"


def _ask(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["ask", QUESTION, *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_an_html_file_is_read_as_an_upload_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ferry.html"
    page.write_bytes(FERRY_PAGE)
    answer = _ask(capsys, "--article", str(page))
    assert answer["found"] and "Chania" in str(answer["text"])
    cited = answer["evidence"]
    assert isinstance(cited, list)
    assert all("<" not in e["text"] and "11:42" not in e["text"] for e in cited)  # no markup
    assert {e["article"] for e in cited} == {"Ferry sinks off Crete"}  # its headline
    # The story starts at sentence 0: the head is not one of its sentences.
    assert min(e["start"] for e in cited) >= 0 and cited[0]["position"] <= 1

    assert main(["ask", QUESTION, "--article", str(page)]) == 0
    printed = capsys.readouterr().out
    assert "Chania" in printed and "**" not in printed and "&" not in printed
    assert "\x1b[" not in printed  # not a terminal: no colour


def test_a_link_and_a_pdf_give_the_same_answer_as_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ferry.html"
    page.write_bytes(FERRY_PAGE)
    with serving({"/news/ferry": html(FERRY_PAGE)}) as site:
        linked = _ask(capsys, "--url", site.link("/news/ferry"))
    assert linked == _ask(capsys, "--article", str(page))

    pdf = tmp_path / "ferry.pdf"
    pdf.write_bytes(
        article_pdf(
            [
                "Ferry sinks off Crete",
                "March 3, 2026",
                "A ferry carrying 212 passengers sank off the coast of Crete on Monday.",
                "Fishing boats from Chania rescued every passenger within two hours.",
                "The ferry had left Piraeus on Sunday night.",
            ]
        )
    )
    answer = _ask(capsys, "--article", str(pdf))
    assert answer["found"] and "Chania" in str(answer["text"])


def test_add_takes_links_with_their_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving({"/news/ferry": html(FERRY_PAGE)}) as site:
        assert main(["add", site.link("/news/ferry"), site.link("/gone"), "--collection", "n"]) == 0
    done = capsys.readouterr()
    assert "1 added" in done.out and "1 skipped" in done.out and "answered 404" in done.err
    assert main(["list", "--collection", "n"]) == 0
    listed = capsys.readouterr().out.splitlines()[0]
    assert "2026-03-03" in listed and "Ferry sinks off Crete" in listed and "[127.0.0.1]" in listed


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json", "is not JSON"),
        ('{"role": "user"}', "a JSON list of messages"),
        ('[{"role": "robot", "content": "hi"}]', "message 1 is not"),
    ],
)
def test_a_bad_history_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    history = tmp_path / "history.json"
    history.write_text(content, "utf-8")
    assert main(["ask", QUESTION, "--history", str(history)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("article-qa: error: --history:") and problem in error
    assert "\n" not in error
