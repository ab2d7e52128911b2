"""`article-qa add | remove | list`, and `ask --collection`: keep a collection of articles
(qa.collection.DatabaseCollection) up to date, and ask it.

A collection is local (SQLite + FAISS under the data folder) unless `--store` names a
PostgreSQL database (postgresql://user@host:5432/db), where several app servers can
share it; its tables are named after the collection.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from qa.errors import ArticleQAError

if TYPE_CHECKING:
    from qa.answer import Answer
    from qa.collection import DatabaseCollection
    from qa.ingest import ArticleRecord, Skipped

DEFAULT_COLLECTION = "default"


def open_named(name: str, reader: bool = True, store: str | None = None) -> DatabaseCollection:
    """The collection `name`, local or in the PostgreSQL database `store`."""
    from qa.collection import open_collection

    return open_collection(name, store, reader=reader)


def _where(args: argparse.Namespace) -> str:
    if not args.store:
        return args.collection
    from index.postgres import describe

    return f"{args.collection} at {describe(args.store)}"


def cmd_add(args: argparse.Namespace) -> int:
    collection = open_named(args.collection, store=args.store)
    try:
        return _add(args, collection)
    finally:
        collection.close()


def _add(args: argparse.Namespace, collection: DatabaseCollection) -> int:
    from tqdm import tqdm

    from qa.collection import Added
    from qa.ingest import Skipped, count_inputs, read_articles
    from qa.links import link_in

    links = [given for given in args.paths if link_in(given)]
    paths = [Path(given) for given in args.paths if not link_in(given)]
    total = count_inputs([p for p in paths if p.exists()]) + len(links)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    bar = tqdm(total=total, unit="article", desc=f"adding to {args.collection}", file=sys.stderr)

    def progress(item: ArticleRecord | Skipped, result: Added | None) -> None:
        if isinstance(item, Skipped) or result is None:
            counts["skipped"] += 1
            bar.write(
                f"skipped {item.where if isinstance(item, Skipped) else item.title}: "
                f"{item.reason if isinstance(item, Skipped) else 'not added'}",
                file=sys.stderr,
            )
        else:
            counts[result.outcome] += 1
        bar.update(1)

    try:
        collection.add_many(itertools.chain(read_articles(paths), linked(links)), progress)
    except KeyboardInterrupt:
        bar.close()
        done = counts["added"] + counts["updated"] + counts["unchanged"]
        print(
            f"article-qa: interrupted after {done} articles; they are saved. "
            "Run the same command again to add the rest.",
            file=sys.stderr,
        )
        return 130
    bar.close()
    listed = len(collection.articles())
    print(
        f"{counts['added']} added, {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped; {listed} articles in {_where(args)}"
    )
    return 0


def linked(links: list[str]) -> Iterator[ArticleRecord | Skipped]:
    """The articles at `links`, fetched for the user on their own machine (private
    addresses allowed, as curl would) and read as uploads are; unreadable ones Skipped."""
    from qa.ingest import ArticleRecord, Skipped, stable_id
    from ui.uploads import fetch_article

    for url in links:
        try:
            extracted, host = fetch_article(url, allow_private=True)
        except ArticleQAError as error:
            yield Skipped(url, str(error))
            continue
        title = extracted.title or host
        # The id comes from the link: adding it again updates the article.
        yield ArticleRecord(stable_id(url), extracted.text, title, extracted.date, host, url)


def cmd_remove(args: argparse.Namespace) -> int:
    with open_named(args.collection, store=args.store) as collection:
        removed = collection.remove(args.id)
    print(f"removed {args.id} ({removed} sentences) from {_where(args)}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_named(args.collection, store=args.store) as collection:
        articles = collection.articles()
    for a in articles:
        print(
            f"{a.id}  {a.date or '----------'}  {a.sentences:>4} sentences  {a.title}"
            + (f"  [{a.source}]" if a.source else "")
        )
    print(f"{len(articles)} articles in {_where(args)}")
    return 0


def asks_collection(args: argparse.Namespace) -> bool:
    """Whether `article-qa ask` was given a collection (--collection or --store)."""
    if args.collection is not None or args.store:
        if args.article or getattr(args, "url", None):
            raise ArticleQAError("ask either --article/--url or --collection/--store, not both")
        return True
    if args.since or args.until or args.articles:
        raise ArticleQAError("--since, --until and --in filter a collection: add --collection")
    return False


def ask_collection(args: argparse.Namespace) -> int:
    """`article-qa ask QUESTION --collection NAME [--store DSN] [--since] [--until] [--in]`."""
    from qa.bot import check_question
    from qa.collection import check_day

    check_question(args.question)  # fail fast, before connecting or loading a model
    since, until = check_day(args.since), check_day(args.until)
    name = args.collection or DEFAULT_COLLECTION
    with open_named(name, reader=args.reader, store=args.store) as collection:
        answer = collection.ask(args.question, articles=args.articles, since=since, until=until)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        from ui.format import colour_wanted

        print(render(answer, colour_wanted()))
    return 0


def render(answer: Answer, colour: bool = False) -> str:
    """The answer and its sources, then the articles they come from (plain text)."""
    from ui.format import render as render_answer
    from ui.format import styled, terminal_text

    lines = [render_answer(answer, colour)]
    articles = {e.article_id: e for e in answer.evidence if e.article_id}
    if articles:
        lines.append("\n" + styled("Articles", "dim", colour))
        for article_id, e in articles.items():
            about = ", ".join(x for x in (e.article_date, e.source) if x)
            title = terminal_text(e.article + (f" ({about})" if about else ""))
            lines.append(f"  {title}  id {article_id}")
    return "\n".join(lines)


def add_parsers(commands: argparse._SubParsersAction) -> list[argparse.ArgumentParser]:  # type: ignore[type-arg]
    """Register add/remove/list on the `article-qa` parser; returns the new parsers."""
    add = commands.add_parser(
        "add", help="add articles (files, folders, JSONL, links) to a collection"
    )
    add.add_argument(
        "paths",
        nargs="+",
        help=".txt/.md/.html/.pdf files, folders, .jsonl files, or http(s) links",
    )
    add.set_defaults(run=cmd_add)
    remove = commands.add_parser("remove", help="remove one article from a collection")
    remove.add_argument("id", help="the article id, as `article-qa list` shows it")
    remove.set_defaults(run=cmd_remove)
    listing = commands.add_parser("list", help="list a collection's articles")
    listing.set_defaults(run=cmd_list)
    for parser in (add, remove, listing):
        parser.add_argument("--collection", default=DEFAULT_COLLECTION, help="collection name")
        add_store_option(parser)
    return [add, remove, listing]


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="DSN",
        help="a PostgreSQL database (postgresql://user@host:5432/db) holding the collection, "
        "shared by app servers (default: a local collection in the data folder)",
    )


def add_ask_options(ask: argparse.ArgumentParser) -> None:
    """`article-qa ask`'s options for asking a collection instead of one article."""
    ask.add_argument(
        "--collection",
        help=f"ask this collection's articles (with --store alone: {DEFAULT_COLLECTION})",
    )
    add_store_option(ask)
    ask.add_argument("--since", metavar="YYYY-MM-DD", help="only articles dated on or after")
    ask.add_argument("--until", metavar="YYYY-MM-DD", help="only articles dated on or before")
    ask.add_argument(
        "--in",
        dest="articles",
        metavar="ARTICLE_ID",
        nargs="+",
        action="extend",
        help="only these articles of the collection (ids as `article-qa list` shows them)",
    )
