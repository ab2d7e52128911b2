"""Paths to article records: a folder of .txt/.md/.html/.pdf files, or JSONL with metadata.

A JSONL line is one article: `text` (required), and optionally `title`, `date`
(ISO 8601, e.g. 2025-11-24), `source`, `url` and `id`. An article's id is stable: the
given `id`, else its URL, else its path; so re-adding a changed file updates the same
article instead of adding a second one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qa.errors import InvalidArticle
from qa.extract import SUPPORTED_SUFFIXES, read_upload

ID_CHARS = 16


@dataclass(frozen=True)
class ArticleRecord:
    """One article to add to a collection."""

    id: str
    text: str
    title: str
    date: str | None = None  # ISO 8601 day
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read as an article, and why (one line)."""

    where: str
    reason: str


def stable_id(key: str) -> str:
    """A short id derived from what identifies the article (id, URL or path)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:ID_CHARS]


def check_date(value: object, where: str) -> str | None:
    """An ISO day (YYYY-MM-DD) from `value`, or None; raise InvalidArticle if malformed."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InvalidArticle(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _from_file(path: Path) -> ArticleRecord:
    extracted = read_upload(path)
    resolved = str(path.resolve())
    return ArticleRecord(
        id=stable_id(resolved),
        text=extracted.text,
        title=extracted.title or path.stem,
        date=extracted.date,  # the page's metadata or the dateline in its head
        source=path.name,
    )


def _from_json_line(line: str, where: str) -> ArticleRecord:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InvalidArticle(f"{where}: not JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise InvalidArticle(f"{where}: a line must be a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidArticle(f"{where}: no 'text'")
    from qa.article import check_article_text

    check_article_text(text, where)
    url = row.get("url") or None
    key = str(row.get("id") or url or where)
    title = str(row.get("title") or text.strip().splitlines()[0][:80])
    return ArticleRecord(
        id=stable_id(key),
        text=text,
        title=title,
        date=check_date(row.get("date"), where),
        source=str(row["source"]) if row.get("source") else None,
        url=str(url) if url else None,
    )


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES + (".jsonl",):
                yield child
    else:
        yield path


def count_inputs(paths: Iterable[Path]) -> int:
    """How many articles `read_articles` will yield or skip (for a progress bar)."""
    total = 0
    for path in paths:
        for file in _files(path):
            if file.suffix.lower() == ".jsonl":
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


def read_articles(paths: Iterable[Path]) -> Iterator[ArticleRecord | Skipped]:
    """Every article under `paths`, in a stable order; unreadable ones as Skipped."""
    for path in paths:
        if not path.exists():
            yield Skipped(str(path), "no such file or folder")
            continue
        for file in _files(path):
            if file.suffix.lower() == ".jsonl":
                with file.open(encoding="utf-8", errors="replace") as handle:
                    for number, line in enumerate(handle, 1):
                        if not line.strip():
                            continue
                        where = f"{file.name}:{number}"
                        try:
                            yield _from_json_line(line, where)
                        except InvalidArticle as exc:
                            yield Skipped(where, str(exc))
            else:
                try:
                    yield _from_file(file)
                except InvalidArticle as exc:
                    yield Skipped(str(file), str(exc))
