"""The one exception family the CLI and the chat show to users as a sentence."""


class ArticleQAError(Exception):
    """A problem the user can fix; str(error) is a one-line message naming it."""


class InvalidQuestion(ArticleQAError):
    """The question is empty, too long or otherwise unusable."""


class InvalidArticle(ArticleQAError):
    """The article is missing, empty, binary or not UTF-8 text."""
