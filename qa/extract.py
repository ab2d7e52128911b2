"""Uploaded files to clean article text: .txt and .md as UTF-8, .html through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa.article import MAX_ARTICLE_BYTES, check_article_text
from qa.errors import InvalidArticle

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Text files hold tabs, newlines and form feeds; other control characters mean binary.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_MAX_CONTROL_SHARE = 0.01
_TITLE_CHARS = 80


@dataclass(frozen=True)
class Extracted:
    """The clean text of an uploaded file, and the title it suggests (None if none)."""

    text: str
    title: str | None


def _suffix(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise InvalidArticle(f"{filename} is {kind}; upload a .txt, .md or .html file")
    return suffix


def _check_bytes(data: bytes, filename: str) -> None:
    if len(data) > MAX_ARTICLE_BYTES:
        raise InvalidArticle(f"{filename} is {len(data):,} bytes; the limit is 2 MB")
    if not data.strip():
        raise InvalidArticle(f"{filename} is empty")
    if b"\x00" in data:
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
    first = text.strip().splitlines()[0].strip().lstrip("#").strip()
    return first if 0 < len(first) <= _TITLE_CHARS else None


def _html_text(data: bytes, filename: str) -> Extracted:
    # trafilatura decodes the bytes itself, honouring the page's declared charset.
    import trafilatura

    text = trafilatura.extract(
        data, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    )
    if not text or not text.strip():
        raise InvalidArticle(f"{filename} holds no article text that could be extracted")
    metadata = trafilatura.extract_metadata(data)
    title = metadata.title.strip() if metadata is not None and metadata.title else None
    return Extracted(text.strip() + "\n", title or _first_line_title(text))


def extract_article(data: bytes, filename: str) -> Extracted:
    """Clean article text from an uploaded file's bytes, or raise InvalidArticle saying why.

    Args:
        data: the file's bytes as uploaded.
        filename: the name the user gave it; its extension picks the format.
    """
    name = Path(filename).name or "the upload"
    suffix = _suffix(name)
    _check_bytes(data, name)
    if suffix in HTML_SUFFIXES:
        extracted = _html_text(data, name)
    else:
        text = _decode_utf8(data, name)
        extracted = Extracted(text, _first_line_title(text) if text.strip() else None)
    check_article_text(extracted.text, name)
    return extracted


def read_upload(path: str | Path, filename: str | None = None) -> Extracted:
    """Read an uploaded file from disk and extract it (see extract_article).

    Args:
        path: where the upload was saved.
        filename: the user's name for it (default: the name of `path`).
    """
    path = Path(path)
    name = Path(filename).name if filename else path.name
    _suffix(name)
    try:
        # Size first: never read a huge upload into memory just to reject it.
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InvalidArticle(f"{name} is {size:,} bytes; the limit is 2 MB")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidArticle(f"cannot read {name}: {exc.strerror or exc}") from exc
    return extract_article(data, name)
