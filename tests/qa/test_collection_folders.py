"""The chat's folder collection: add, list, get, remove, and persistence across restarts."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from index.article_folders import article_id
from qa.collection import BUNDLED_ID, FolderCollection, UnknownArticle
from qa.errors import InvalidArticle
from tests.conftest import FakeEmbedder

FERRY = "Ferry returns to Oban\nThe ferry left Oban at noon on March 3.\nIt reached Mull later.\n"
BRIDGE = "Bridge reopens\nThe bridge over the Clyde reopened on May 9.\n"


@pytest.fixture
def folders(tmp_path: Path, fake_embedder: FakeEmbedder) -> FolderCollection:
    return FolderCollection(tmp_path, embedder=fake_embedder)


def test_added_article_is_listed_and_saved(folders: FolderCollection, tmp_path: Path) -> None:
    entry = folders.add(FERRY, source="ferry.txt")
    assert entry.id == article_id(FERRY)
    assert (entry.title, entry.source, entry.bundled) == (
        "Ferry returns to Oban",
        "ferry.txt",
        False,
    )
    assert [e.id for e in folders.entries()] == [BUNDLED_ID, entry.id]
    folder = tmp_path / "articles" / entry.id
    assert (folder / "article.txt").read_text("utf-8") == FERRY
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert meta["title"] == "Ferry returns to Oban" and meta["source"] == "ferry.txt"
    assert (folder / "index" / "CURRENT").is_file()
    assert not [p for p in (tmp_path / "articles").iterdir() if p.name.startswith(".new-")]


def test_articles_and_indexes_survive_a_restart(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    entry = FolderCollection(tmp_path, embedder=fake_embedder).add(BRIDGE, "The bridge")
    restarted = FolderCollection(tmp_path, embedder=fake_embedder)
    assert [e.title for e in restarted.entries()] == [restarted.entries()[0].title, "The bridge"]
    bot = restarted.get(entry.id)
    assert bot.index_note.startswith("loaded")  # the saved index, not a rebuild
    assert bot.title == "The bridge"
    answer = bot.ask("When did the bridge reopen?")
    assert answer.evidence[0].position == 1


def test_the_same_text_twice_is_one_article(folders: FolderCollection) -> None:
    first = folders.add(FERRY, "First")
    again = folders.add(FERRY, "Second")
    assert again == first
    assert len(folders.entries()) == 2


def test_progress_is_reported_while_indexing(folders: FolderCollection) -> None:
    reports: list[tuple[float, str]] = []
    folders.add(FERRY, progress=lambda done, what: reports.append((done, what)))
    assert reports[0][0] == 0.0 and reports[-1] == (1.0, "Ready")
    assert (0.0, "Indexing: 0 of 3 sentences") in reports  # counted in sentences
    assert (1.0, "Indexing: 3 of 3 sentences") in reports
    assert all(0.0 <= done <= 1.0 for done, _ in reports)


def test_remove_deletes_the_article(folders: FolderCollection, tmp_path: Path) -> None:
    entry = folders.add(FERRY)
    folders.get(entry.id)
    folders.remove(entry.id)
    assert [e.id for e in folders.entries()] == [BUNDLED_ID]
    assert list((tmp_path / "articles").glob(f"*{entry.id}*")) == []
    with pytest.raises(UnknownArticle):
        folders.get(entry.id)


def test_the_bundled_article_is_always_there_and_stays(folders: FolderCollection) -> None:
    assert folders.entries()[0].bundled
    assert BUNDLED_ID in folders
    with pytest.raises(InvalidArticle, match="cannot be removed"):
        folders.remove(BUNDLED_ID)
    assert folders.get(BUNDLED_ID).sentences[13].text.startswith("According to the Israeli")


@pytest.mark.parametrize("bad_id", ["nope", "../../etc", "0123456789ab", ""])
def test_unknown_ids_are_refused(folders: FolderCollection, bad_id: str) -> None:
    with pytest.raises(UnknownArticle, match="no loaded article"):
        folders.get(bad_id)
    with pytest.raises(UnknownArticle):
        folders.remove(bad_id)
    assert bad_id not in folders


def test_bad_text_is_refused_and_nothing_is_saved(
    folders: FolderCollection, tmp_path: Path
) -> None:
    with pytest.raises(InvalidArticle, match="empty"):
        folders.add("  \n ")
    with pytest.raises(InvalidArticle, match="binary"):
        folders.add("a\x00b")
    assert len(folders.entries()) == 1


class BrokenEmbedder(FakeEmbedder):
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        raise RuntimeError("out of memory")


def test_a_failed_add_leaves_nothing_behind(tmp_path: Path) -> None:
    folders = FolderCollection(tmp_path, embedder=BrokenEmbedder())
    with pytest.raises(RuntimeError):
        folders.add(FERRY)
    assert [e.id for e in folders.entries()] == [BUNDLED_ID]
    assert [p.name for p in (tmp_path / "articles").iterdir() if p.name != ".lock"] == []


def test_a_damaged_article_folder_is_skipped(folders: FolderCollection, tmp_path: Path) -> None:
    entry = folders.add(FERRY)
    (tmp_path / "articles" / entry.id / "meta.json").write_text("{not json", "utf-8")
    assert [e.id for e in folders.entries()] == [BUNDLED_ID]
    # Adding it again repairs it.
    assert folders.add(FERRY).id == entry.id
    assert len(folders.entries()) == 2


def test_concurrent_adds(folders: FolderCollection) -> None:
    texts = [f"Story {i}\nThe ferry number {i} left Oban.\n" for i in range(4)] + [FERRY] * 4
    errors: list[BaseException] = []

    def add(text: str) -> None:
        try:
            folders.add(text)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=add, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(folders.entries()) == 1 + 5
