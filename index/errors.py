"""The one exception family the CLI and the chat show to users as a sentence.

Defined here, at the bottom of the packages, so that storage (index) raises it too;
qa.errors re-exports it with the errors about articles and questions.
"""


class ArticleQAError(Exception):
    """A problem the user can fix; str(error) is a one-line message naming it."""
