"""The chat's articles: the bundled one plus those the user loaded, each in its own folder
with its saved index (index.article_folders), so they survive restarts.

The bundled article is always present and cannot be removed.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from index.article_folders import ArticleFolders, SavedArticle, article_id
from index.budget import ANSWER_SECONDS, ANSWERING, INDEX_SECONDS, INDEXING, check_seconds
from index.embedder import Embedder
from index.paths import data_dir
from index.persist import saved_model_id
from qa.article import BUNDLED_TITLE, check_article_text, read_article
from qa.bot import ArticleQA
from qa.collection.entries import Answerer, ArticleEntry, UnknownArticle
from qa.collection.indexing import Progress, index_article, log
from qa.errors import InvalidArticle
from qa.extract import article_title, default_title
from qa.reading import SpanReader
from qa.unicode import check_unicode

__all__ = ["BUNDLED_ID", "FolderCollection", "Progress", "article_id", "default_title"]

BUNDLED_ID = "bundled"


class FolderCollection:
    """The chat's articles by id: the bundled one plus those the user added. Thread-safe.

    Args:
        root: the data folder (default index.paths.data_dir()); articles live in
            root/articles.
        embedder: embeds the bundled article and its questions (default: the bundled
            model, `$ARTICLE_QA_EMBEDDER` or int8-fast).
        reader: the span reader for ArticleQA (True: the shipped one; False: sentences only).
        bundled: the bundled article's ArticleQA, when the caller already has one.
        bulk_embedder: embeds added articles and their questions (default: `embedder`
            when one is given, else the default one).
        answer_seconds: how long one question may take (index.budget).
        index_seconds: how long indexing one article may take.

    Opening it removes what a killed writer left in the folder (staging folders).
    """

    def __init__(
        self,
        root: Path | None = None,
        *,
        embedder: Embedder | None = None,
        reader: SpanReader | bool | None = True,
        bundled: ArticleQA | None = None,
        bulk_embedder: Embedder | None = None,
        answer_seconds: float = ANSWER_SECONDS,
        index_seconds: float = INDEX_SECONDS,
    ) -> None:
        self.root = Path(root) if root is not None else data_dir()
        self.folders = ArticleFolders(self.root / "articles")
        self.folder = self.folders.folder
        self.answer_seconds = check_seconds(answer_seconds, ANSWERING)
        self.index_seconds = check_seconds(index_seconds, INDEXING)
        leftovers = self.folders.remove_leftovers()
        if leftovers:
            log.info("removed %d unfinished article folders left by a crash", len(leftovers))
        self._embedder = embedder
        self._bulk = bulk_embedder or embedder
        self._reader = reader
        self._bots: dict[str, ArticleQA] = {}
        if bundled is not None:
            self._bots[BUNDLED_ID] = bundled
        self._lock = threading.RLock()

    # -- reading -------------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from index.embedder import default_embedder

            self._embedder = default_embedder()
        return self._embedder

    @property
    def bulk_embedder(self) -> Embedder:
        """What indexes added articles (see the class's arguments)."""
        if self._bulk is None:
            from index.embedder import default_embedder

            # An embedder chosen by the user (--embedder, $ARTICLE_QA_EMBEDDER) indexes
            # everything.
            self._bulk = default_embedder()
        return self._bulk

    def _embedder_for(self, index_dir: Path) -> Embedder:
        """The embedder of the model a saved index was built with: its questions must be
        embedded by the same model. An index of neither model is rebuilt by the bulk one."""
        model = saved_model_id(index_dir)
        if model is not None and model != self.bulk_embedder.model_id:
            if model == self.embedder.model_id:
                return self.embedder
        return self.bulk_embedder

    def _bundled_entry(self) -> ArticleEntry:
        title = self._bots[BUNDLED_ID].title if BUNDLED_ID in self._bots else BUNDLED_TITLE
        return ArticleEntry(BUNDLED_ID, title, None, "", bundled=True)

    def entries(self) -> list[ArticleEntry]:
        """Every loaded article: the bundled one first, then the others oldest first."""
        return [self._bundled_entry(), *(_entry(saved) for saved in self.folders.saved())]

    def entry(self, article: str) -> ArticleEntry:
        """The entry for one id, or raise UnknownArticle."""
        if article == BUNDLED_ID:
            return self._bundled_entry()
        saved = self.folders.read(article)
        if saved is None:
            raise UnknownArticle(f"no loaded article has the id {article!r}")
        return _entry(saved)

    def __contains__(self, article: object) -> bool:
        if not isinstance(article, str):
            return False
        try:
            self.entry(article)
        except UnknownArticle:
            return False
        return True

    def _new_bot(
        self,
        text: str,
        title: str,
        index_dir: Path | None,
        date: str | None = None,
        embedder: Embedder | None = None,
        byline: str | None = None,
    ) -> ArticleQA:
        return ArticleQA(
            text,
            title,
            embedder=embedder or self.embedder,
            index_dir=index_dir,
            reader=self._reader,
            date=date,
            byline=byline,
            answer_seconds=self.answer_seconds,
            index_seconds=self.index_seconds,
        )

    def get(self, article: str = BUNDLED_ID) -> ArticleQA:
        """The ArticleQA of one loaded article, loaded from disk on first use."""
        # Checked on disk every time: another process sharing the folder may have removed it.
        entry = self.entry(article)
        with self._lock:
            if article in self._bots:
                return self._bots[article]
            if article == BUNDLED_ID:
                bot = self._load_bundled()
            else:
                try:
                    text = read_article(self.folders.text_file(article))
                except InvalidArticle:
                    self.entry(article)  # removed by another process meanwhile: UnknownArticle
                    raise
                index_dir = self.folders.index_dir(article)
                embedder = self._embedder_for(index_dir)
                bot = self._new_bot(
                    text, entry.title, index_dir, entry.date, embedder, entry.byline
                )
            self._bots[article] = bot
            return bot

    def answerer(self, article: str = BUNDLED_ID) -> Answerer:
        """What answers questions about the entry `article` (see qa.collection.view)."""
        return self.get(article)

    def _load_bundled(self) -> ArticleQA:
        from qa.article import BUNDLED_ARTICLE
        from qa.bot import bundled

        if self._embedder is None and isinstance(self._reader, bool):
            return bundled(self._reader)  # shared with qa.ask(), saved under the data folder
        # Another embedder's index must not overwrite the shared one: keep it in memory.
        return self._new_bot(BUNDLED_ARTICLE.read_text("utf-8"), BUNDLED_TITLE, None)

    # -- writing -------------------------------------------------------------------------

    def add(
        self,
        text: str,
        title: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
        *,
        date: str | None = None,
        byline: str | None = None,
    ) -> ArticleEntry:
        """Index and save an article; returns its entry (the existing one if already loaded).

        Args:
            text: the article's clean text.
            title: shown in the picker (default: its first line).
            source: the file it came from, if uploaded.
            progress: called with (fraction, description) while indexing; the
                description counts sentences ("Indexing: 1,200 of 8,000 sentences").
            date: the article's own date (YYYY-MM-DD) from its head; relative dates
                ("yesterday") are counted from it.
            byline: who wrote it, from its head.

        Indexing stops after `index_seconds`, or when a budget in force is cancelled (the
        user pressed cancel, the client went away), with index.budget.Stopped; nothing
        of the article is stored then.
        """
        for given, what in ((title, "the title"), (source, "the file name")):
            check_unicode(given or "", what, InvalidArticle)  # before they name it in errors
        text = check_article_text(text, source or "the article")
        existing = self.folders.read(article_id(text))
        if existing is not None:
            return _entry(existing)
        report = progress or (lambda fraction, description: None)
        saved = SavedArticle(
            article_id(text),
            article_title(text, title),
            Path(source).name if source else None,
            datetime.now(UTC).isoformat(timespec="seconds"),
            date,
            byline,
        )

        embedder = self.bulk_embedder  # loaded before the clock starts
        report(0.0, "Splitting into sentences")
        name = source or "the article"
        index_article(self.folders, saved, text, embedder, self.index_seconds, report, name)
        report(1.0, "Ready")
        return self.entry(saved.id)

    def remove(self, article: str) -> None:
        """Forget an article and delete its files; the bundled one cannot be removed."""
        if article == BUNDLED_ID:
            raise InvalidArticle("the bundled article cannot be removed")
        self.entry(article)  # raises UnknownArticle
        with self._lock:
            self._bots.pop(article, None)
            if not self.folders.remove(article):  # another process removed it just now
                raise UnknownArticle(f"no loaded article has the id {article!r}")


def _entry(saved: SavedArticle) -> ArticleEntry:
    return ArticleEntry(
        saved.id, saved.title, saved.source, saved.added, date=saved.date, byline=saved.byline
    )
