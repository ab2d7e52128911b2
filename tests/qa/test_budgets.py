"""Answering and indexing under time budgets: stopped work says what to do and stores
nothing; a killed writer's leftovers go at the next start; each indexing is logged."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from index.article_folders import STAGING, WRITER, ArticleFolders, SavedArticle
from index.budget import ANSWERING, INDEXING, Budget, Stopped, checkpoint
from index.errors import ArticleQAError
from index.sentence_index import EMBED_STEP
from qa.bot import ArticleQA
from qa.collection import FolderCollection
from tests.conftest import REPO, FakeEmbedder

FERRY = "Ferry returns to Oban\nThe ferry left Oban at noon on March 3.\nIt reached Mull later.\n"
LONG = "Long story\n" + "".join(f"Item {n} of the long story happened.\n" for n in range(400))


class ModelEmbedder(FakeEmbedder):
    """The fake embedder under another model id: stands for int8 beside int8-fast."""

    def __init__(self, model_id: str) -> None:
        self.model_id = model_id


class CancelOnFirstBatch(FakeEmbedder):
    """Cancels the budget in force as an outer caller would (the user pressed cancel)."""

    def __init__(self) -> None:
        self.budget: Budget | None = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.budget is not None:
            self.budget.cancel("cancelled; nothing was stored")
        return super().embed(texts)


def test_answering_stops_when_its_budget_runs_out(fake_embedder: FakeEmbedder) -> None:
    bot = ArticleQA(FERRY, embedder=fake_embedder, reader=False, answer_seconds=1e-9)
    with pytest.raises(Stopped) as stopped:
        bot.ask("When did the ferry leave?")
    assert str(stopped.value).startswith("answering stopped after 1e-09 s before ")
    assert str(stopped.value).endswith(
        ": ask a shorter question with less history or raise --answer-seconds"
    )


def test_answering_stops_when_the_caller_cancels(fake_embedder: FakeEmbedder) -> None:
    bot = ArticleQA(FERRY, embedder=fake_embedder, reader=False)
    waiting = Budget(None, ANSWERING)  # the server's, cancelled when the client leaves
    with waiting.applied():
        assert bot.ask("When did the ferry leave?").evidence  # answered while waited for
        waiting.cancel("nobody is waiting for it any more")
        with pytest.raises(Stopped, match="^answering stopped before ranking the sentences: "):
            bot.ask("When did the ferry leave?")


def test_a_bad_time_limit_is_refused_at_once(fake_embedder: FakeEmbedder, tmp_path: Path) -> None:
    with pytest.raises(ArticleQAError, match="^--answer-seconds must be a number of seconds"):
        ArticleQA(FERRY, embedder=fake_embedder, reader=False, answer_seconds=0)
    with pytest.raises(ArticleQAError, match="^--index-seconds must be a number of seconds"):
        FolderCollection(tmp_path, embedder=fake_embedder, index_seconds=-5)


def test_stopped_indexing_stores_nothing_and_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    embedder = CancelOnFirstBatch()
    folders = FolderCollection(tmp_path, embedder=embedder, reader=False)
    embedder.budget = Budget(None, INDEXING)
    caplog.set_level(logging.INFO, logger="article_qa")
    with embedder.budget.applied(), pytest.raises(Stopped) as stopped:
        folders.add(LONG, source="long.txt")
    assert str(stopped.value) == (
        f"indexing stopped at sentence {EMBED_STEP} of 401: cancelled; nothing was stored"
    )
    assert [entry.id for entry in folders.entries()] == ["bundled"]
    assert list((tmp_path / "articles").iterdir()) == [tmp_path / "articles" / ".lock"]
    assert caplog.messages == [
        f"'Long story' ({len(LONG):,} characters): indexing stopped at sentence {EMBED_STEP} "
        "of 401: cancelled; nothing was stored"
    ]


def test_each_indexing_is_logged_with_its_size_and_time(
    tmp_path: Path, fake_embedder: FakeEmbedder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="article_qa")
    FolderCollection(tmp_path, embedder=fake_embedder, reader=False).add(FERRY)
    (line,) = caplog.messages
    assert line.startswith(
        f"indexed 'Ferry returns to Oban' ({len(FERRY)} characters, 3 sentences) in "
    )
    assert line.endswith(" s") and float(line.split(" in ")[1][:-2]) >= 0


def test_added_articles_are_asked_with_the_model_that_indexed_them(tmp_path: Path) -> None:
    default, bulk = ModelEmbedder("model/default"), ModelEmbedder("model/bulk")
    folders = FolderCollection(tmp_path, embedder=default, bulk_embedder=bulk, reader=False)
    entry = folders.add(FERRY)
    bot = FolderCollection(tmp_path, embedder=default, bulk_embedder=bulk, reader=False).get(
        entry.id
    )
    assert bot.embedder is bulk and bot.index_note.startswith("loaded")  # no rebuild
    # An article indexed before, by the default model, keeps it: no rebuild either.
    older = FolderCollection(tmp_path / "older", embedder=default, bulk_embedder=default)
    old = older.add(FERRY)
    reopened = FolderCollection(tmp_path / "older", embedder=default, bulk_embedder=bulk)
    bot = reopened.get(old.id)
    assert bot.embedder is default and bot.index_note.startswith("loaded")


def test_leftovers_of_dead_writers_go_and_live_ones_stay(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    articles = tmp_path / "articles"
    (articles / f"{STAGING}0123456789ab-dead").mkdir(parents=True)  # a writer killed
    (articles / f"{STAGING}0123456789ab-dead" / "article.txt").write_text("half")
    (articles / ".removed-0123456789ab-1-2").mkdir()  # a removal killed half-way
    building, release = threading.Event(), threading.Event()

    def build(folder: Path) -> None:  # a live writer, as another server would be
        building.set()
        release.wait(60)

    saved = SavedArticle("ba5eba11ba5e", "Live", None, "2025-01-01T00:00:00+00:00")
    writer = threading.Thread(target=ArticleFolders(articles).save, args=(saved, "x\n", build))
    writer.start()
    try:
        assert building.wait(60)
        FolderCollection(tmp_path, embedder=fake_embedder)  # a second server starts
        left = sorted(path.name for path in articles.iterdir() if path.name != ".lock")
        assert len(left) == 1 and left[0].startswith(f"{STAGING}ba5eba11ba5e-")
        assert (articles / left[0] / WRITER).is_file()
    finally:
        release.set()
        writer.join(60)
    assert [path.name for path in articles.iterdir()] == [".lock", "ba5eba11ba5e"]


KILLED_WRITER = """
import sys, time
from pathlib import Path
from qa.collection import FolderCollection
from qa.limits import MAX_ARTICLE_TOKENS
from tests.conftest import FakeEmbedder

class Slow(FakeEmbedder):
    def embed(self, texts):
        time.sleep(0.2)
        return super().embed(texts)

sentences = range(MAX_ARTICLE_TOKENS // 12)  # as many as the limits allow
text = "Long story\\n" + "".join(f"Item {n} of the long story.\\n" for n in sentences)
FolderCollection(Path(sys.argv[1]), embedder=Slow(), reader=False).add(text)
"""


def test_a_writer_killed_while_indexing_leaves_nothing_after_a_restart(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    articles = tmp_path / "articles"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], cwd=REPO)
    try:
        deadline = time.monotonic() + 120
        while not (articles.is_dir() and any(articles.glob(f"{STAGING}*"))):
            assert writer.poll() is None, "the writer ended before indexing"
            assert time.monotonic() < deadline, "the writer never started indexing"
            time.sleep(0.05)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(60)
    assert list(articles.glob(f"{STAGING}*"))  # kill -9: no cleanup ran
    restarted = FolderCollection(tmp_path, embedder=fake_embedder)
    assert not list(articles.glob(f"{STAGING}*"))
    assert [entry.id for entry in restarted.entries()] == ["bundled"]
    checkpoint()  # nothing of the test's own is in force
