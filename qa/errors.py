"""The one exception family the CLI and the chat show to users as a sentence."""

from index.errors import ArticleQAError

__all__ = ["ArticleQAError", "InvalidArticle", "InvalidQuestion"]


class InvalidQuestion(ArticleQAError):
    """The question is empty, too long or otherwise unusable."""


class InvalidArticle(ArticleQAError):
    """The article is missing, empty, binary or not UTF-8 text."""
