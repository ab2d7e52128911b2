"""Ask questions about a news article; get short answers cited to its sentences."""

from qa.answer import Answer, Evidence
from qa.bot import ArticleQA, ask
from qa.errors import ArticleQAError, InvalidArticle, InvalidQuestion

__all__ = [
    "Answer",
    "ArticleQA",
    "ArticleQAError",
    "Evidence",
    "InvalidArticle",
    "InvalidQuestion",
    "ask",
]
