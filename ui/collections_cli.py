"""`article-qa add | remove | list`: keep a collection of articles (qa.archive) up to date."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_COLLECTION = "default"


def collection_folder(name: str) -> Path:
    """Where a named collection lives: <data folder>/collections/<name>."""
    from qa.storage import data_dir

    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"collection name {name!r} must be a plain name like 'news'")
    return data_dir() / "collections" / name


def open_archive(name: str, reader: bool = True):  # type: ignore[no-untyped-def]
    from qa.archive import Archive

    return Archive(collection_folder(name), reader=reader)


def cmd_add(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from qa.archive import Added
    from qa.ingest import ArticleRecord, Skipped, count_inputs, read_articles

    paths = [Path(p) for p in args.paths]
    archive = open_archive(args.collection)
    total = count_inputs([p for p in paths if p.exists()])
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
        archive.add_many(read_articles(paths), progress)
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
    listed = len(archive.articles())
    print(
        f"{counts['added']} added, {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped; {listed} articles in {args.collection}"
    )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    archive = open_archive(args.collection)
    removed = archive.remove(args.id)
    print(f"removed {args.id} ({removed} sentences) from {args.collection}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    archive = open_archive(args.collection)
    articles = archive.articles()
    for a in articles:
        print(
            f"{a.id}  {a.date or '----------'}  {a.sentences:>4} sentences  {a.title}"
            + (f"  [{a.source}]" if a.source else "")
        )
    print(f"{len(articles)} articles in {args.collection}")
    return 0


def add_parsers(commands: argparse._SubParsersAction) -> list[argparse.ArgumentParser]:  # type: ignore[type-arg]
    """Register add/remove/list on the `article-qa` parser; returns the new parsers."""
    add = commands.add_parser("add", help="add articles (files, folders, JSONL) to a collection")
    add.add_argument("paths", nargs="+", help=".txt/.md/.html files, folders, or .jsonl files")
    add.set_defaults(run=cmd_add)
    remove = commands.add_parser("remove", help="remove one article from a collection")
    remove.add_argument("id", help="the article id, as `article-qa list` shows it")
    remove.set_defaults(run=cmd_remove)
    listing = commands.add_parser("list", help="list a collection's articles")
    listing.set_defaults(run=cmd_list)
    for parser in (add, remove, listing):
        parser.add_argument("--collection", default=DEFAULT_COLLECTION, help="collection name")
    return [add, remove, listing]
