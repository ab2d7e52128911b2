"""Adding articles from the UI and the API: an uploaded file or pasted text, into the library.

Each returns the new article's entry or raises ArticleQAError with a one-line message; a
failure changes nothing (the library builds in a staging folder, see qa.collection.folders).

Before a file is extracted it must be plain text or HTML, not an archive or a compressed
stream: a "page.html" that is really gzip or brotli would otherwise be inflated by the
HTML extractor (up to 20 MB from a tiny file), and a zip renamed ".txt" is refused by
name rather than as a puzzling "binary". A file given by path must lie in the upload
folder: the chat's upload event takes a path, and a crafted request could otherwise name
any file on the server.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from qa.article import MAX_ARTICLE_BYTES
from qa.collection import ArticleEntry, FolderCollection, Progress
from qa.errors import InvalidArticle
from qa.extract import (
    HTML_SUFFIXES,
    SUPPORTED_SUFFIXES,
    Extracted,
    extract_article,
    read_local_file,
    with_head,
)
from qa.links import fetch

# DatabaseCollection and compression formats by their first bytes.
MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"PK\x07\x08", "zip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x04\x22\x4d\x18", "lz4"),
)
# trafilatura inflates magic-less streams up to its MAX_FILE_SIZE; past this, a bomb.
INFLATE_LIMIT = 20_000_000
_CHUNK = 1 << 20


def _inflates_zlib(data: bytes) -> bool:
    """Whether `data` is one whole zlib stream (counted, never kept, past the limit)."""
    inflater = zlib.decompressobj()
    try:
        out = len(inflater.decompress(data, _CHUNK))
        while not inflater.eof:
            if out > INFLATE_LIMIT:
                return True  # a bomb
            if not inflater.unconsumed_tail:
                return False  # ends early: not a stream
            out += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
    except zlib.error:
        return False
    return True


def _inflates_brotli(data: bytes) -> bool:
    """Whether `data` is one whole brotli stream (counted, never kept, past the limit)."""
    try:
        import brotli
    except ImportError:
        return False
    decompressor = brotli.Decompressor()
    try:
        out = len(decompressor.process(data, output_buffer_limit=_CHUNK))
        while not decompressor.is_finished():
            if out > INFLATE_LIMIT:
                return True  # a bomb
            chunk = decompressor.process(b"", output_buffer_limit=_CHUNK)
            if not chunk:
                return False  # ends early: text can start like a stream, never end like one
            out += len(chunk)
    except brotli.error:
        return False
    return out > 0  # some text starts like an empty stream that ends at once


def compression_of(data: bytes, html: bool = False) -> str | None:
    """The archive or compression format `data` is in, or None for plain bytes.

    Args:
        data: the file's bytes.
        html: also look for the magic-less streams the HTML extractor (trafilatura) would
            inflate: whole brotli and zlib streams.
    """
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if html and _inflates_zlib(data):
        return "zlib"
    if html and _inflates_brotli(data):
        return "brotli"
    return None


def _refuse_compressed(data: bytes, name: str) -> None:
    kind = compression_of(data, html=Path(name).suffix.lower() in HTML_SUFFIXES)
    if kind is not None:
        raise InvalidArticle(
            f"{name} is a compressed {kind} file, not text; upload the uncompressed "
            ".txt, .md or .html file"
        )


def extract_bytes(data: bytes, filename: str) -> Extracted:
    """An article file's text, as every surface reads one (uploads, the CLI, links, MCP):
    compressed data refused, then extracted (qa.extract)."""
    name = Path(filename).name or "the upload"
    if Path(name).suffix.lower() in SUPPORTED_SUFFIXES and len(data) <= MAX_ARTICLE_BYTES:
        _refuse_compressed(data, name)
    return extract_article(data, name)


def add_extracted(
    library: FolderCollection,
    extracted: Extracted,
    source: str | None,
    progress: Progress | None = None,
) -> ArticleEntry:
    """Index an extracted article with what its head said (title, date, byline)."""
    return library.add(
        extracted.text,
        extracted.title,
        source,
        progress,
        date=extracted.date,
        byline=extracted.byline,
    )


def add_bytes(
    library: FolderCollection, data: bytes, filename: str, progress: Progress | None = None
) -> ArticleEntry:
    """Extract and index an uploaded file's bytes; `filename`'s extension picks the format."""
    name = Path(filename).name or "the upload"
    return add_extracted(library, extract_bytes(data, name), name, progress)


def read_article_file(path: str | Path) -> Extracted:
    """A local article file (.txt, .md, .html, .pdf) read as an upload is: for the CLI."""
    return extract_bytes(read_local_file(path), Path(path).name)


def fetch_article(url: str, allow_private: bool = False) -> tuple[Extracted, str]:
    """The article at `url` (qa.links), read as an upload is, and its source (the host).

    `allow_private`: also links into this machine's own network (see qa.links).
    """
    fetched = fetch(url, allow_private=allow_private)
    return extract_bytes(fetched.data, fetched.filename), fetched.host


def add_link(
    library: FolderCollection,
    url: str,
    allow_private: bool = False,
    progress: Progress | None = None,
) -> ArticleEntry:
    """Fetch the article at `url` and index it as an upload (see fetch_article)."""
    report = progress or (lambda fraction, description: None)
    report(0.0, f"Fetching {url}")
    extracted, host = fetch_article(url, allow_private)
    return add_extracted(library, extracted, host, progress)


def check_uploaded(path: str | Path, upload_dir: str | Path) -> Path:
    """`path`, resolved, if it lies in `upload_dir`; else raise InvalidArticle."""
    resolved = Path(path).resolve()
    if not resolved.is_relative_to(Path(upload_dir).resolve()):
        raise InvalidArticle(f"{Path(path).name or 'the file'} was not uploaded through this page")
    return resolved


def add_upload(
    library: FolderCollection,
    path: str | Path | None,
    progress: Progress | None = None,
    upload_dir: str | Path | None = None,
) -> ArticleEntry:
    """Extract and index an uploaded .txt, .md, .html or .pdf file (Gradio keeps its name).

    Args:
        library: where the article goes.
        path: the uploaded file on disk; its name is the name the user gave it.
        progress: called with (fraction, description) while it is indexed.
        upload_dir: when given, `path` must lie in it (where the web server saves uploads).
    """
    if not path:
        raise InvalidArticle("no file was uploaded")
    name = Path(path).name
    if upload_dir is not None:
        path = check_uploaded(path, upload_dir)
    report = progress or (lambda fraction, description: None)
    report(0.0, f"Reading {name}")
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        return add_bytes(library, b"", name, progress)  # says which files are welcome
    try:
        # Size first: never read a huge upload into memory just to reject it.
        size = Path(path).stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InvalidArticle(f"{name} is {size:,} bytes; the limit is 2 MB")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidArticle(f"cannot read {name}: {exc.strerror or exc}") from exc
    return add_bytes(library, data, name, progress)


def add_pasted(
    library: FolderCollection,
    text: str | None,
    title: str | None = None,
    progress: Progress | None = None,
) -> ArticleEntry:
    """Index pasted article text; its head (headline, byline, dateline) is kept apart
    as for a file, and the title defaults to the headline, else the first line."""
    if text is None or not text.strip():
        raise InvalidArticle("the pasted article is empty")
    return add_extracted(library, with_head(text.strip() + "\n", title), None, progress)
