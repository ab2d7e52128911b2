"""Ask questions about a news article; get short answers cited to its sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.lazy import lazy_attributes
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


__getattr__ = lazy_attributes("qa", _LAZY, globals())
