"""`article-qa ask`: one question about the bundled article, a file or a link, after the
chat so far; or about a collection (ui.collections_cli).

A file or link is read as the chat reads an upload (ui.uploads: compressed files
refused, HTML through trafilatura, PDF through pypdf, the head kept apart), so the CLI,
the chat, `POST /api/ask` and the MCP server give the same answer to the same question
about the same article. The CLI fetches a link for the user on their own machine, as
curl would: private and loopback addresses are allowed here (a server refuses them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.errors import ArticleQAError
from ui.collections_cli import add_ask_options, ask_collection, asks_collection

if TYPE_CHECKING:
    from qa.bot import ArticleQA


class UsageError(ArticleQAError):
    """An option's value that cannot be used."""


def read_history(path: str | None) -> list[dict[str, Any]]:
    """The chat so far from a JSON file (`-`: standard input), as POST /api/ask takes it:
    a list of {"role": "user" | "assistant", "content": "..."} messages, oldest first."""
    if not path:
        return []
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text("utf-8")
        history = json.loads(raw)
    except OSError as error:
        raise UsageError(f"--history: cannot read {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"--history: {path} is not JSON ({error})") from None
    if not isinstance(history, list):
        raise UsageError("--history: the file must hold a JSON list of messages")
    for number, message in enumerate(history, 1):
        if (
            not isinstance(message, dict)
            or message.get("role") not in ("user", "assistant", "system")
            or not isinstance(message.get("content"), str)
        ):
            raise UsageError(
                f'--history: message {number} is not {{"role": "user" or "assistant", '
                '"content": "..."}'
            )
    return history


def article_bot(article: str | None, url: str | None, reader: bool = True) -> ArticleQA:
    """The ArticleQA for a file, a link, or (neither) the bundled article."""
    # Imported here, and what only a file or link needs only for them: a bad question
    # should fail fast, and the bundled article's cold answer not wait on readers of PDF
    # and HTML or the collections' storage (~45 ms of imports).
    from qa.bot import ArticleQA, bundled

    if not article and not url:
        return bundled() if reader else bundled(reader=False)
    from qa.extract import article_title
    from ui.uploads import fetch_article, read_article_file

    if url:
        extracted = fetch_article(url, allow_private=True)[0]
    else:
        extracted = read_article_file(article or "")
    # As the chat lists and indexes an added article: its title (and the default embedder).
    title = article_title(extracted.text, extracted.title)
    return ArticleQA(
        extracted.text, title, reader=reader, date=extracted.date, byline=extracted.byline
    )


def cmd_ask(args: argparse.Namespace) -> int:
    """Print the answer (plain text, or the Answer as JSON with --json)."""
    if asks_collection(args):  # --collection/--store: many articles (ui.collections_cli)
        return ask_collection(args)
    from qa.bot import check_question
    from ui.format import colour_wanted, render

    check_question(args.question)  # fail fast, before loading the model
    history = read_history(args.history)
    answer = article_bot(args.article, args.url, args.reader).ask(args.question, history)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(answer, colour=colour_wanted()))
    return 0


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register `ask` on the `article-qa` parser; returns its parser."""
    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    source = ask.add_mutually_exclusive_group()
    source.add_argument(
        "--article",
        metavar="FILE",
        help="a .txt, .md, .html or .pdf file, read as the chat reads an upload "
        "(default: the bundled article)",
    )
    source.add_argument("--url", help="an http:// or https:// link to an article")
    ask.add_argument(
        "--history",
        metavar="FILE",
        help='the chat so far, for follow-ups: a JSON list of {"role", "content"} messages, '
        "oldest first, as POST /api/ask takes (- reads standard input)",
    )
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    add_ask_options(ask)  # --collection, --store, --since, --until, --in
    ask.set_defaults(run=cmd_ask)
    return ask
