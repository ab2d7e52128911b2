"""What the operator of `article-qa serve` sets and sees: time budgets, and the log.

`--answer-seconds` and `--index-seconds` bound one question and one article's indexing
(index.budget); past them the work stops and the user is told in one line. The log goes
to stderr, a line per article indexed ("article-qa: indexed 'Title' (12,345 characters,
120 sentences) in 1.4 s") and per indexing stopped.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from index.budget import ANSWER_SECONDS, ANSWERING, INDEX_SECONDS, INDEXING, check_seconds

LOGGER = "article_qa"


def add_budget_options(parser: argparse.ArgumentParser) -> None:
    """--answer-seconds and --index-seconds."""
    parser.add_argument(
        "--answer-seconds",
        type=float,
        default=ANSWER_SECONDS,
        metavar="S",
        help=f"stop answering a question after S seconds (default: {ANSWER_SECONDS:g})",
    )
    parser.add_argument(
        "--index-seconds",
        type=float,
        default=INDEX_SECONDS,
        metavar="S",
        help=f"stop indexing an added article after S seconds (default: {INDEX_SECONDS:g})",
    )


def budgets(args: argparse.Namespace) -> dict[str, Any]:
    """The budgets given, as FolderCollection's keyword arguments; a bad one raises
    ArticleQAError naming its option."""
    return {
        "answer_seconds": check_seconds(args.answer_seconds, ANSWERING),
        "index_seconds": check_seconds(args.index_seconds, INDEXING),
    }


def log_to_stderr() -> None:
    """Show the operator's log ("article-qa: ..." lines) on stderr, once per process."""
    logger = logging.getLogger(LOGGER)
    if not any(getattr(handler, "article_qa", False) for handler in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("article-qa: %(message)s"))
        handler.article_qa = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
