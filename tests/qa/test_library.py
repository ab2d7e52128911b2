"""The library of loaded articles: add, list, get, remove, and persistence across restarts."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from qa.errors import InvalidArticle
from qa.library import BUNDLED_ID, Library, UnknownArticle, article_id
from tests.conftest import FakeEmbedder

FERRY = "Ferry returns to Oban\nThe ferry left Oban at noon on March 3.\nIt reached Mull later.\n"
BRIDGE = "Bridge reopens\nThe bridge over the Clyde reopened on May 9.\n"


@pytest.fixture
def library(tmp_path: Path, fake_embedder: FakeEmbedder) -> Library:
    return Library(tmp_path, embedder=fake_embedder)


def test_added_article_is_listed_and_saved(library: Library, tmp_path: Path) -> None:
    entry = library.add(FERRY, source="ferry.txt")
    assert entry.id == article_id(FERRY)
    assert (entry.title, entry.source, entry.bundled) == (
        "Ferry returns to Oban",
        "ferry.txt",
        False,
    )
    assert [e.id for e in library.entries()] == [BUNDLED_ID, entry.id]
    folder = tmp_path / "articles" / entry.id
    assert (folder / "article.txt").read_text("utf-8") == FERRY
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert meta["title"] == "Ferry returns to Oban" and meta["source"] == "ferry.txt"
    assert (folder / "index" / "CURRENT").is_file()
    assert not [p for p in (tmp_path / "articles").iterdir() if p.name.startswith(".new-")]


def test_articles_and_indexes_survive_a_restart(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    entry = Library(tmp_path, embedder=fake_embedder).add(BRIDGE, "The bridge")
    restarted = Library(tmp_path, embedder=fake_embedder)
    assert [e.title for e in restarted.entries()] == [restarted.entries()[0].title, "The bridge"]
    bot = restarted.get(entry.id)
    assert bot.index_note.startswith("loaded")  # the saved index, not a rebuild
    assert bot.title == "The bridge"
    answer = bot.ask("When did the bridge reopen?")
    assert answer.evidence[0].position == 1


def test_the_same_text_twice_is_one_article(library: Library) -> None:
    first = library.add(FERRY, "First")
    again = library.add(FERRY, "Second")
    assert again == first
    assert len(library.entries()) == 2


def test_progress_is_reported_while_indexing(library: Library) -> None:
    reports: list[tuple[float, str]] = []
    library.add(FERRY, progress=lambda done, what: reports.append((done, what)))
    assert reports[0][0] == 0.0 and reports[-1] == (1.0, "Ready")
    assert any(what.startswith("Indexing sentences") for _, what in reports)
    assert all(0.0 <= done <= 1.0 for done, _ in reports)


def test_remove_deletes_the_article(library: Library, tmp_path: Path) -> None:
    entry = library.add(FERRY)
    library.get(entry.id)
    library.remove(entry.id)
    assert [e.id for e in library.entries()] == [BUNDLED_ID]
    assert list((tmp_path / "articles").glob(f"*{entry.id}*")) == []
    with pytest.raises(UnknownArticle):
        library.get(entry.id)


def test_the_bundled_article_is_always_there_and_stays(library: Library) -> None:
    assert library.entries()[0].bundled
    assert BUNDLED_ID in library
    with pytest.raises(InvalidArticle, match="cannot be removed"):
        library.remove(BUNDLED_ID)
    assert library.get(BUNDLED_ID).sentences[13].text.startswith("According to the Israeli")


@pytest.mark.parametrize("bad_id", ["nope", "../../etc", "0123456789ab", ""])
def test_unknown_ids_are_refused(library: Library, bad_id: str) -> None:
    with pytest.raises(UnknownArticle, match="no loaded article"):
        library.get(bad_id)
    with pytest.raises(UnknownArticle):
        library.remove(bad_id)
    assert bad_id not in library


def test_bad_text_is_refused_and_nothing_is_saved(library: Library, tmp_path: Path) -> None:
    with pytest.raises(InvalidArticle, match="empty"):
        library.add("  \n ")
    with pytest.raises(InvalidArticle, match="binary"):
        library.add("a\x00b")
    assert len(library.entries()) == 1


class BrokenEmbedder(FakeEmbedder):
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        raise RuntimeError("out of memory")


def test_a_failed_add_leaves_nothing_behind(tmp_path: Path) -> None:
    library = Library(tmp_path, embedder=BrokenEmbedder())
    with pytest.raises(RuntimeError):
        library.add(FERRY)
    assert [e.id for e in library.entries()] == [BUNDLED_ID]
    assert [p.name for p in (tmp_path / "articles").iterdir() if p.name != ".lock"] == []


def test_a_damaged_article_folder_is_skipped(library: Library, tmp_path: Path) -> None:
    entry = library.add(FERRY)
    (tmp_path / "articles" / entry.id / "meta.json").write_text("{not json", "utf-8")
    assert [e.id for e in library.entries()] == [BUNDLED_ID]
    # Adding it again repairs it.
    assert library.add(FERRY).id == entry.id
    assert len(library.entries()) == 2


def test_concurrent_adds(library: Library) -> None:
    texts = [f"Story {i}\nThe ferry number {i} left Oban.\n" for i in range(4)] + [FERRY] * 4
    errors: list[BaseException] = []

    def add(text: str) -> None:
        try:
            library.add(text)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=add, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(library.entries()) == 1 + 5
