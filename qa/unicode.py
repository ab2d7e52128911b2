"""Text that is not valid Unicode, refused at the boundary with a message saying where.

A Python str may hold lone surrogates (U+D800..U+DFFF): JSON's "\\ud800" escape parses
to one, and so does a byte that is not UTF-8 in a command-line argument or file name
(Python's surrogateescape). They cannot be encoded as UTF-8, so they fail much later, in
a tokenizer, a JSON response or a file write, with a traceback. Every text a visitor
gives (question, chat history, article, title, file name) is checked here first.
"""

from __future__ import annotations

from qa.errors import ArticleQAError


def invalid_unicode(text: str) -> str | None:
    """Where `text` stops being valid Unicode ("a lone surrogate at character 12",
    counting from 1), or None when it can be written as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:  # strict UTF-8 refuses surrogates and nothing else
        return f"a lone surrogate at character {error.start + 1}"
    return None


def check_unicode(text: str, what: str, error: type[ArticleQAError]) -> str:
    """Return `text`, or raise `error` saying that `what` is not valid Unicode, and where."""
    problem = invalid_unicode(text)
    if problem is not None:
        raise error(f"{what} holds text that is not valid Unicode ({problem})")
    return text
