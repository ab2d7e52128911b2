"""Article files to clean article text: .txt and .md as UTF-8, .html through trafilatura,
.pdf through pypdf.

Every format ends the same way: the head at the top (headline, byline, dateline; see
qa.article_head) is taken off the text and kept as the article's title, byline and date,
so the text starts at the story's first sentence. Uploads, `article-qa ask --article`,
`article-qa add` and links (qa.links) all read files through `extract_article`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qa.article import MAX_ARTICLE_BYTES, check_article_text
from qa.article_head import split_head
from qa.dates import article_date
from qa.dates.finding import date_hits
from qa.errors import InvalidArticle
from qa.limits import check_html_elements

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
# Text files hold tabs, newlines and form feeds; other control characters mean binary.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_MAX_CONTROL_SHARE = 0.01
_TITLE_CHARS = 80
# A PDF's pages are read until the text passes the article limit, and no further than
# this many pages: a 2 MB file can hold many pages of compressed drawing operators.
MAX_PDF_PAGES = 500


@dataclass(frozen=True)
class Extracted:
    """An article file's clean text and what its head says (None for what it does not).

    `text` starts at the story's first sentence; the headline, byline and dateline that
    were above it are `title`, `byline` and `date` (an ISO day, YYYY-MM-DD: the page's
    metadata, else the dateline's).
    """

    text: str
    title: str | None
    byline: str | None = None
    date: str | None = None


def _suffix(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise InvalidArticle(f"{filename} is {kind}; upload a .txt, .md, .html or .pdf file")
    return suffix


def _check_bytes(data: bytes, filename: str, binary: bool = False) -> None:
    if len(data) > MAX_ARTICLE_BYTES:
        raise InvalidArticle(f"{filename} is {len(data):,} bytes; the limit is 2 MB")
    if not data.strip():
        raise InvalidArticle(f"{filename} is empty")
    if not binary and b"\x00" in data:
        raise InvalidArticle(f"{filename} is binary (it contains NUL bytes), not text")


def _decode_utf8(data: bytes, filename: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidArticle(
            f"{filename} is not UTF-8 text (bad byte at offset {exc.start})"
        ) from exc
    controls = sum(1 for char in text if char < " " and char not in _ALLOWED_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InvalidArticle(f"{filename} is binary (full of control characters), not text")
    return text


def _first_line_title(text: str) -> str | None:
    """A short first line is a headline (a Markdown heading loses its #s)."""
    lines = text.strip().splitlines()
    first = lines[0].strip().lstrip("#").strip() if lines else ""
    return first if 0 < len(first) <= _TITLE_CHARS else None


def default_title(text: str) -> str:
    """The article's first line, shortened: news articles open with their headline."""
    first = text.strip().splitlines()[0].strip().lstrip("#").strip()
    return first if len(first) <= _TITLE_CHARS else first[: _TITLE_CHARS - 1].rstrip() + "…"


def article_title(text: str, title: str | None = None) -> str:
    """The title an article is listed and cited under: `title`, shortened, else the
    first line of `text` (the chat, the CLI and the Python API agree on it)."""
    return (title or "").strip()[:_TITLE_CHARS] or default_title(text)


def _day(value: str | None) -> str | None:
    """An ISO day from metadata ("2026-03-03", "2026-03-03T11:42Z"), or None."""
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat() if value else None
    except ValueError:
        return None


def _dateline_day(dateline: str | None, body: str) -> str | None:
    """The day a dateline gives; a year-less one takes its year from the story's dates."""
    for kind, match in date_hits(dateline or ""):
        if kind in ("iso", "day"):
            day = article_date(match.group(0) + "\n" + body)
            return day.isoformat() if day else None
    return None


def with_head(
    text: str, title: str | None = None, author: str | None = None, day: str | None = None
) -> Extracted:
    """`text` with its head taken off, and the title, byline and date it gives.

    Args:
        text: the article as read from its file.
        title, author, day: what the file's metadata says, when it says it (they win
            over the head's own lines).
    """
    head, body = split_head(text, title, author)
    return Extracted(
        body,
        (title or "").strip() or head.title or _first_line_title(body),
        (author or "").strip() or head.byline,
        _day(day) or _dateline_day(head.dateline, body),
    )


def _html_text(data: bytes, filename: str) -> Extracted:
    # trafilatura decodes the bytes itself, honouring the page's declared charset.
    import trafilatura

    check_html_elements(data, filename)  # trafilatura's time grows with the elements
    text = trafilatura.extract(
        data, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    )
    if not text or not text.strip():
        raise InvalidArticle(f"{filename} holds no article text that could be extracted")
    meta = trafilatura.extract_metadata(data)
    if meta is None:
        return with_head(text.strip() + "\n")
    return with_head(text.strip() + "\n", meta.title, meta.author, meta.date)


def _pdf_text(data: bytes, filename: str) -> Extracted:
    """A PDF's text, page after page; its metadata title and author when it has them.

    Its creation date is not the article's: printing a page to PDF dates it that day.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip().startswith(b"%PDF-"):
        raise InvalidArticle(f"{filename} is not a PDF (it does not start with %PDF-)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InvalidArticle(f"{filename} is password-protected; upload it unlocked")
        pages, size = [], 0
        for page in reader.pages[:MAX_PDF_PAGES]:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_ARTICLE_BYTES:
                break
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise InvalidArticle(f"{filename} is not a readable PDF ({type(exc).__name__})") from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise InvalidArticle(f"{filename} has no text to read (a scanned PDF needs OCR first)")
    title = str(info.title).strip() if info is not None and info.title else None
    author = str(info.author).strip() if info is not None and info.author else None
    return with_head(text + "\n", title, author)


def extract_article(data: bytes, filename: str) -> Extracted:
    """Clean article text from a file's bytes, or raise InvalidArticle saying why.

    Args:
        data: the file's bytes as uploaded.
        filename: the name the user gave it; its extension picks the format.
    """
    name = Path(filename).name or "the upload"
    suffix = _suffix(name)
    _check_bytes(data, name, binary=suffix in PDF_SUFFIXES)
    if suffix in HTML_SUFFIXES:
        extracted = _html_text(data, name)
    elif suffix in PDF_SUFFIXES:
        extracted = _pdf_text(data, name)
    else:
        extracted = with_head(_decode_utf8(data, name))
    check_article_text(extracted.text, name)
    return extracted


def read_file_bytes(path: str | Path, name: str | None = None) -> bytes:
    """An article file's bytes; InvalidArticle, naming it `name`, when it is missing,
    not a file, unreadable, of a kind we do not read, or over 2 MB (told before reading)."""
    path = Path(path)
    name = name or path.name
    _suffix(name)
    try:
        # Size first: never read a huge upload into memory just to reject it.
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InvalidArticle(f"{name} is {size:,} bytes; the limit is 2 MB")
        return path.read_bytes()
    except OSError as exc:  # named by `name` only: an upload's path is the server's
        raise InvalidArticle(f"cannot read {name}: {exc.strerror or exc}") from exc


def read_local_file(path: str | Path) -> bytes:
    """A file the user named on their own machine (the CLI, the Python API): its bytes,
    or InvalidArticle saying, with its path, that it is missing or not a file."""
    path = Path(path)
    if not path.exists():
        raise InvalidArticle(f"article file not found: {path}")
    if not path.is_file():
        raise InvalidArticle(f"article path is not a file: {path}")
    return read_file_bytes(path)


def read_upload(path: str | Path, filename: str | None = None) -> Extracted:
    """Read an article file from disk and extract it (see extract_article).

    Args:
        path: where the file is.
        filename: the user's name for it (default: the name of `path`).
    """
    name = Path(filename).name if filename else Path(path).name
    return extract_article(read_file_bytes(path, name), name)
