"""Adding articles from the UI: an uploaded file or pasted text, into the library.

Both return the new article's entry or raise ArticleQAError with a one-line message; a
failure changes nothing (the library builds in a staging folder, see qa.library).
"""

from __future__ import annotations

from pathlib import Path

from qa.errors import InvalidArticle
from qa.extract import read_upload
from qa.library import ArticleEntry, Library, Progress


def add_upload(
    library: Library, path: str | Path | None, progress: Progress | None = None
) -> ArticleEntry:
    """Extract and index an uploaded .txt, .md or .html file (Gradio keeps its name).

    Args:
        library: where the article goes.
        path: the uploaded file on disk; its name is the name the user gave it.
        progress: called with (fraction, description) while it is indexed.
    """
    if not path:
        raise InvalidArticle("no file was uploaded")
    report = progress or (lambda fraction, description: None)
    name = Path(path).name
    report(0.0, f"Reading {name}")
    extracted = read_upload(path)
    return library.add(extracted.text, extracted.title, name, progress)


def add_pasted(
    library: Library, text: str | None, title: str | None = None, progress: Progress | None = None
) -> ArticleEntry:
    """Index pasted article text; the title defaults to its first line."""
    if text is None or not text.strip():
        raise InvalidArticle("the pasted article is empty")
    return library.add(text.strip() + "\n", title, None, progress)
