"""Uploaded files to clean text: each format, and a one-line message for every bad upload."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.article import MAX_ARTICLE_BYTES
from qa.errors import InvalidArticle
from qa.extract import extract_article, read_upload
from tests.pdfs import article_pdf

PAGE = b"""<html><head><title>Ferry returns to Oban</title>
<script>var tracking = "do not keep me";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Ferry returns to Oban</h1>
<p>The ferry left Oban at noon on March 3. It reached Mull an hour later.</p>
<p>The harbour master, Ewan Macleod, said the crossing was calm.</p></article>
<footer>Copyright 2024 Harbour Times.</footer></body></html>"""


def test_text_file_is_kept_as_written() -> None:
    text = "The ferry left Oban at noon.\nIt reached Mull an hour later.\n"
    extracted = extract_article(text.encode(), "harbour.txt")
    assert extracted.text == text
    assert extracted.title == "The ferry left Oban at noon."


def test_headline_byline_and_dateline_are_kept_apart_from_the_story() -> None:
    text = (
        "Ferry sinks off Crete\n"
        "By Jane Doe, Reuters\n"
        "March 3, 2026 11:42 AM GMT\n"
        "A ferry carrying 212 passengers sank on Monday. All were rescued by March 2.\n"
    )
    extracted = extract_article(text.encode(), "ferry.txt")
    assert extracted.text == text.split("\n", 3)[3]  # from the story's first sentence
    assert (extracted.title, extracted.byline, extracted.date) == (
        "Ferry sinks off Crete",
        "Jane Doe, Reuters",
        "2026-03-03",
    )


def test_byte_order_mark_is_dropped() -> None:
    extracted = extract_article("\ufeffThe ferry left Oban.".encode(), "a.txt")
    assert extracted.text == "The ferry left Oban."


def test_markdown_heading_gives_the_title() -> None:
    extracted = extract_article(b"# Ferry returns\n\nThe ferry left Oban.\n", "story.MD")
    assert extracted.title == "Ferry returns"
    assert "The ferry left Oban." in extracted.text


def test_html_becomes_clean_text_through_trafilatura() -> None:
    extracted = extract_article(PAGE, "page.html")
    assert "The ferry left Oban at noon on March 3." in extracted.text
    assert "Ewan Macleod" in extracted.text
    for boilerplate in ("tracking", "color: red", "Home | News", "<p>", "Copyright"):
        assert boilerplate not in extracted.text
    assert extracted.title == "Ferry returns to Oban"


def test_html_head_is_kept_apart_even_when_the_extraction_runs_it_into_the_story() -> None:
    # A short page: trafilatura's fallback joins headline, byline, time and story in one
    # line, which would be sentence 0.
    page = b"""<html><head><title>Ferry sinks off Crete</title>
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2026-03-03T11:42:00Z"></head>
    <body><article><h1>Ferry sinks off Crete</h1><p class="byline">By Jane Doe</p>
    <time datetime="2026-03-03T11:42:00Z">March 3, 2026 11:42 AM GMT</time>
    <p>A ferry carrying 212 passengers sank off Crete on Monday, the coast guard said.</p>
    </article></body></html>"""
    extracted = extract_article(page, "ferry.html")
    assert extracted.text.startswith("A ferry carrying 212 passengers")
    assert "11:42" not in extracted.text and "Jane Doe" not in extracted.text
    assert (extracted.title, extracted.byline, extracted.date) == (
        "Ferry sinks off Crete",
        "Jane Doe",
        "2026-03-03",
    )


def test_pdf_text_is_read_with_its_head_apart() -> None:
    data = article_pdf(
        [
            "Ferry sinks off Crete",
            "By Jane Doe",
            "March 3, 2026",
            "A ferry carrying 212 passengers sank off Crete on Monday.",
            "All of them were rescued.",
        ]
    )
    extracted = extract_article(data, "ferry.PDF")
    assert (
        extracted.text.splitlines()[0]
        == "A ferry carrying 212 passengers sank off Crete on Monday."
    )
    assert "All of them were rescued." in extracted.text
    assert (extracted.title, extracted.byline, extracted.date) == (
        "Ferry sinks off Crete",
        "Jane Doe",
        "2026-03-03",
    )


def test_pdf_without_text_says_it_needs_ocr() -> None:
    with pytest.raises(InvalidArticle, match="scan.pdf has no text to read"):
        extract_article(article_pdf([]), "scan.pdf")


def test_html_without_article_text_is_rejected() -> None:
    with pytest.raises(InvalidArticle, match="no article text"):
        extract_article(b"<html><body><script>var x = 1;</script></body></html>", "x.htm")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty.txt is empty"),
        (b"  \n\t\n", "blank.md", "blank.md is empty"),
        (bytes(range(256)), "photo.txt", "photo.txt is binary"),
        (b"\x01\x02\x03\x04 text \x05\x06\x07", "control.txt", "control.txt is binary"),
        ("Café".encode("latin-1"), "latin1.txt", "latin1.txt is not UTF-8 text"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), "big.txt", "the limit is 2 MB"),
        (b"%PDF-1.7 text", "report.pdf", "report.pdf is not a readable PDF"),
        (b"<html>not a pdf</html>", "page.pdf", "page.pdf is not a PDF"),
        (b"\x89PNG\r\n", "photo.png", "upload a .txt, .md, .html or .pdf file"),
        (b"text", "README", "a file without an extension"),
    ],
)
def test_bad_uploads_name_the_problem_in_one_line(data: bytes, name: str, message: str) -> None:
    with pytest.raises(InvalidArticle, match=message) as caught:
        extract_article(data, name)
    assert "\n" not in str(caught.value)


def test_read_upload_rejects_an_oversize_file_before_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: nothing is read
    with pytest.raises(InvalidArticle, match="big.html is 2,097,153 bytes; the limit is 2 MB"):
        read_upload(big)


def test_read_upload_of_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidArticle, match="cannot read gone.txt"):
        read_upload(tmp_path / "gone.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InvalidArticle, match="cannot read folder.txt"):
        read_upload(folder)


def test_read_upload_uses_the_given_name(tmp_path: Path) -> None:
    saved = tmp_path / "upload-1234"
    saved.write_bytes(PAGE)
    assert "Ewan Macleod" in read_upload(saved, "page.html").text
