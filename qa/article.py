"""Read and validate article text at the boundary, with messages that name the problem."""

from __future__ import annotations

from pathlib import Path

from qa.errors import InvalidArticle
from qa.limits import MAX_ARTICLE_BYTES, check_article_tokens
from qa.unicode import check_unicode

BUNDLED_ARTICLE = Path(__file__).parent / "data" / "article.txt"
BUNDLED_TITLE = "Lebanon and Israel: talks and the November strikes"


def check_article_text(text: str, name: str = "the article") -> str:
    """Return `text` if it can be indexed, else raise InvalidArticle."""
    if not isinstance(text, str):
        raise InvalidArticle(f"{name} must be text, got {type(text).__name__}")
    check_unicode(text, name, InvalidArticle)
    if "\x00" in text:
        raise InvalidArticle(f"{name} looks binary (it contains NUL bytes), not text")
    if not text.strip():
        raise InvalidArticle(f"{name} is empty")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise InvalidArticle(f"{name} is larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
    check_article_tokens(text, name)
    return text


def read_article(path: str | Path) -> str:
    """Read a UTF-8 text article from disk, or raise InvalidArticle saying why not."""
    path = Path(path)
    if not path.exists():
        raise InvalidArticle(f"article file not found: {path}")
    if not path.is_file():
        raise InvalidArticle(f"article path is not a file: {path}")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InvalidArticle(f"article file {path} is {size:,} bytes; the limit is 2 MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidArticle(f"cannot read article file {path}: {exc.strerror}") from exc
    if b"\x00" in data:
        raise InvalidArticle(f"article file {path} is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidArticle(
            f"article file {path} is not UTF-8 text (bad byte at offset {exc.start})"
        ) from exc
    return check_article_text(text, f"article file {path}")
