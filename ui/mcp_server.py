"""`article-qa mcp`: the chat's articles as tools for AI assistants, over the Model
Context Protocol on stdio (the `mcp` SDK's MCPServer).

Tools: `ask` (a question about an article, after the chat so far), `list_articles`,
and `add_article` (text, a local file or a link). `ask` returns the same Answer JSON,
citations included, as `article-qa ask --json` and `POST /api/ask`. The articles are
the chat's (the data folder's), so what an assistant adds shows up in the chat too.

An assistant reads web pages and documents it was not written by, and those can tell
it to fetch links into your network: as when serving, links to loopback, private and
link-local addresses are refused unless the server is started with
`--allow-private-urls` (qa.links).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, Field

from qa.collection import BUNDLED_ID
from qa.errors import ArticleQAError
from ui.api_models import AnswerModel, ArticleModel, ChatMessage, article_model

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

    from qa.collection import FolderCollection

INSTRUCTIONS = (
    "Answers questions about news articles with short exact answers, each cited to the "
    "article's sentences (evidence: position, text, character offsets). Call "
    "list_articles for the ids, add_article to add one (text, a file path or an http(s) "
    "link), then ask. An answer with found=false means the article does not say; its "
    "evidence is then only the closest sentences. With found=true but confident=false the "
    "answer is a guess: present it as not certain, quoting its first evidence sentence. "
    "Pass the earlier turns as history for follow-up questions."
)


class ArticleList(BaseModel):
    """The loaded articles, the bundled one first."""

    articles: list[ArticleModel]


class ArticleTools:
    """What the tools do, over one library; plain methods, so tests can call them too.

    Args:
        library: the chat's articles.
        allow_private_urls: also fetch links to this machine's own network.
    """

    def __init__(self, library: FolderCollection, allow_private_urls: bool = False) -> None:
        self.library = library
        self.allow_private_urls = allow_private_urls

    def ask(
        self,
        question: str,
        article: str = BUNDLED_ID,
        history: list[ChatMessage] | None = None,
    ) -> AnswerModel:
        """Answer a question about one article, citing its sentences."""
        turns = [message.model_dump() for message in history or []]
        answer = self.library.answerer(article).ask(question, turns)
        return AnswerModel.model_validate(answer.to_dict())

    def list_articles(self) -> ArticleList:
        """The loaded articles: their ids (for ask), titles and sources."""
        return ArticleList(articles=[article_model(entry) for entry in self.library.entries()])

    def add_article(
        self,
        text: str | None = None,
        path: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> ArticleModel:
        """Add an article from exactly one of: its text, a local file, or a link."""
        from ui.uploads import add_link, add_pasted, add_upload

        given = [name for name, value in (("text", text), ("path", path), ("url", url)) if value]
        if len(given) != 1:
            raise ArticleQAError("give exactly one of text, path or url")
        if text:
            entry = add_pasted(self.library, text, title)
        elif path:
            entry = add_upload(self.library, Path(path).expanduser())
        else:
            entry = add_link(self.library, url or "", self.allow_private_urls)
        return article_model(entry)


def build_server(library: FolderCollection, allow_private_urls: bool = False) -> MCPServer:
    """The MCP server with the ask, list_articles and add_article tools over `library`."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError

    tools = ArticleTools(library, allow_private_urls)
    server = MCPServer(name="article-qa", instructions=INSTRUCTIONS)

    @server.tool()
    def ask(
        question: Annotated[str, Field(description="the question about the article")],
        article: Annotated[str, Field(description="the article's id, from list_articles")] = (
            BUNDLED_ID
        ),
        history: Annotated[
            list[ChatMessage] | None,
            Field(
                description="earlier turns, oldest first: the user's questions and the "
                "answers' text, for follow-ups such as 'Who said so?'"
            ),
        ] = None,
    ) -> AnswerModel:
        """Answer a question about one article: a short answer cited to its sentences
        (confident=false: not certain, the closest the article comes), or found=false when
        the article does not say."""
        try:
            return tools.ask(question, article, history)
        except ArticleQAError as error:
            raise ToolError(str(error)) from None

    @server.tool()
    def list_articles() -> ArticleList:
        """The loaded articles: id, title, source; the bundled one first."""
        return tools.list_articles()

    @server.tool()
    def add_article(
        text: Annotated[str | None, Field(description="the article's text")] = None,
        path: Annotated[
            str | None, Field(description="a local .txt, .md, .html or .pdf file (up to 2 MB)")
        ] = None,
        url: Annotated[str | None, Field(description="an http:// or https:// link")] = None,
        title: Annotated[str | None, Field(description="a title for pasted text")] = None,
    ) -> ArticleModel:
        """Add an article from exactly one of text, path or url; returns its id for ask.
        Adding the same text again returns the article already there."""
        try:
            return tools.add_article(text, path, url, title)
        except ArticleQAError as error:
            raise ToolError(str(error)) from None

    return server


def cmd_mcp(args: argparse.Namespace) -> int:
    """Serve the tools on stdin/stdout until the client closes them."""
    from index.paths import DATA_DIR_ENV, data_dir
    from qa.collection import FolderCollection

    if args.data_dir:
        os.environ[DATA_DIR_ENV] = str(Path(args.data_dir).expanduser().resolve())
    library = FolderCollection(data_dir(), reader=args.reader)
    build_server(library, args.allow_private_urls).run("stdio")
    return 0
