"""Indexing an added article into its folder: under a time budget, with progress counted
in sentences, and a line in the operator's log.

The log ("article_qa" logger; `article-qa serve` shows it on stderr) has a line per
article indexed, "indexed 'Title' (12,345 characters, 120 sentences) in 1.4 s", and one
per indexing stopped, saying why and where.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from index.article_folders import ArticleFolders, SavedArticle
from index.budget import INDEXING, Budget, Stopped
from index.embedder import Embedder
from index.persist import open_index
from qa.errors import InvalidArticle
from qa.limits import indexable_sentences

log = logging.getLogger("article_qa")

Progress = Callable[[float, str], None]  # (fraction done 0..1, what is happening)


def indexing(done: int, total: int) -> str:
    """The progress line while an article is indexed: "Indexing: 1,200 of 8,000 sentences"."""
    return f"Indexing: {done:,} of {total:,} sentences"


def index_article(
    folders: ArticleFolders,
    saved: SavedArticle,
    text: str,
    embedder: Embedder,
    seconds: float,
    report: Progress,
    name: str,
) -> None:
    """Index `text` with `embedder` and save it whole under `saved.id`, within `seconds`.

    Raises index.budget.Stopped when the time runs out or a budget in force is
    cancelled (nothing is stored then), and InvalidArticle, naming the article `name`,
    when it has no sentences.
    """
    sentences: list[int] = []

    def build_index(folder: Path) -> None:
        try:
            index, _ = open_index(folder, text, embedder, indexable_sentences)
        except ValueError as exc:  # no sentences at all
            raise InvalidArticle(f"{name} has no sentences") from exc
        sentences.append(len(index.sentences))

    def listen(done: int, total: int) -> None:
        report(done / total, indexing(done, total))

    started = time.monotonic()
    try:
        with Budget(seconds, INDEXING, listen).applied():
            folders.save(saved, text, build_index)
    except Stopped as stopped:
        log.warning("%r (%s characters): %s", saved.title, f"{len(text):,}", stopped)
        raise
    log.info(
        "indexed %r (%s characters, %s sentences) in %.1f s",
        saved.title,
        f"{len(text):,}",
        f"{sentences[0]:,}",
        time.monotonic() - started,
    )
