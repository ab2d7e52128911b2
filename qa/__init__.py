"""Ask questions about a news article; get short answers cited to its sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qa.answer import Answer, Evidence
from qa.errors import ArticleQAError, InvalidArticle, InvalidQuestion

if TYPE_CHECKING:
    from qa.bot import ArticleQA, ask

__all__ = [
    "Answer",
    "ArticleQA",
    "ArticleQAError",
    "Evidence",
    "InvalidArticle",
    "InvalidQuestion",
    "ask",
]

# Imported on first use: qa.bot brings numpy, FAISS, BM25 and the dates package, which
# `import qa` (and the CLI's argument checks) should not pay for.
_LAZY = {"ArticleQA": "qa.bot", "ask": "qa.bot"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
