"""Answering from a DatabaseCollection: which articles to read, their pipelines, citations.

A question is embedded once and searched over every sentence the filter allows; the
articles holding the closest sentences are answered with the per-article pipeline
(qa.bot.ArticleQA), kept in a small cache that is checked against each article's text,
since another server may change an article at any time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from index.collection import ArticleFilter, ArticleRow, CollectionStorage
from index.embedder import Embedder
from qa.answer import Answer, Evidence
from qa.bot import ArticleQA
from qa.collection.changes import text_sha256
from qa.errors import ArticleQAError
from qa.reading import SpanReader

SEARCH_SENTENCES = 64  # sentences fetched per question before grouping by article
ARTICLES_READ = 2  # best articles answered with the per-article pipeline
CACHED_BOTS = 16


def check_day(value: str | date | None) -> str | None:
    """A date given as YYYY-MM-DD (or a date), as YYYY-MM-DD; None for none."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ArticleQAError(f"date {value!r} is not YYYY-MM-DD") from None


def article_filter(
    articles: Sequence[str] | None, since: str | date | None, until: str | date | None
) -> ArticleFilter:
    """Only these articles (an id or ids; None: any), dated in [since, until]."""
    if isinstance(articles, str):
        articles = [articles]
    return ArticleFilter(
        tuple(articles) if articles is not None else None, check_day(since), check_day(until)
    )


def rank_articles(
    storage: CollectionStorage,
    embedder: Embedder,
    query: str,
    where: ArticleFilter,
    count: int = ARTICLES_READ,
) -> list[str]:
    """The articles holding the sentences closest to the query, best first."""
    vector = embedder.embed([query])[0]
    ranked: list[str] = []
    for _, article in storage.search(vector, SEARCH_SENTENCES, where):  # best first
        if article not in ranked:
            ranked.append(article)
    return ranked[:count]


def cite(answer: Answer, row: ArticleRow, sentence_ids: list[int]) -> Answer:
    """The answer with each citation naming its article (id, title, date, source) and
    its stable sentence id."""
    return replace(answer, evidence=[cite_sentence(e, row, sentence_ids) for e in answer.evidence])


def cite_sentence(evidence: Evidence, row: ArticleRow, sentence_ids: list[int]) -> Evidence:
    """One citation naming its article and its stable sentence id."""
    position = evidence.position
    return replace(
        evidence,
        article=row.title,
        article_id=row.id,
        article_date=row.date,
        source=row.source,
        sentence_id=sentence_ids[position] if position < len(sentence_ids) else None,
    )


class ArticleBots:
    """The per-article pipelines of a collection's articles, the most recent few cached.

    Their sentence indexes are saved under `folder`/indexes/<article id>/, this
    machine's cache.
    """

    def __init__(
        self,
        storage: CollectionStorage,
        folder: Path,
        embedder: Callable[[], Embedder],
        reader: SpanReader | bool | None,
    ) -> None:
        self.storage = storage
        self.folder = folder
        self._embedder = embedder
        self._reader = reader
        self._lock = threading.RLock()
        self._bots: OrderedDict[str, tuple[str, ArticleQA]] = OrderedDict()  # id: (sha, bot)

    def get(self, article_id: str) -> tuple[ArticleRow, ArticleQA] | None:
        """The article and its pipeline; None if it was removed meanwhile."""
        row = self.storage.article(article_id)
        if row is None:
            return None
        with self._lock:
            cached = self._bots.get(article_id)
            if cached is not None and cached[0] == row.sha256:  # another server may edit it
                self._bots.move_to_end(article_id)
                return row, cached[1]
            text = self.storage.article_text(article_id)
            if text is None:
                return None
            bot = ArticleQA.from_text(
                text,
                row.title,
                embedder=self._embedder(),
                index_dir=self.folder / "indexes" / article_id,
                reader=self._reader if self._reader is not None else False,
                date=row.date,  # metadata beats a dateline when grounding "November 23"
            )
            self._bots[article_id] = (text_sha256(text), bot)
            while len(self._bots) > CACHED_BOTS:
                self._bots.popitem(last=False)
            return row, bot

    def forget(self, article_id: str) -> None:
        with self._lock:
            self._bots.pop(article_id, None)
