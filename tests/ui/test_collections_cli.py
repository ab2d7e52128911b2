"""`article-qa add | list | remove` on a real 1,000-article folder, interrupted and resumed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from ui.cli import main

ARTICLES = 1000
TOPICS = ["harbour", "museum", "election", "bridge", "festival", "library", "railway", "school"]


def write_folder(folder: Path) -> None:
    folder.mkdir()
    for n in range(ARTICLES):
        topic = TOPICS[n % len(TOPICS)]
        (folder / f"story-{n:04d}.txt").write_text(
            f"Story {n} about the {topic}. "
            f"The {topic} council met on day {n}. "
            f"Officials said item {n} would be decided later.\n",
            encoding="utf-8",
        )


def counts(database: Path) -> tuple[int, int, int]:
    """(articles, sentences, duplicated (article, position) pairs), read-only."""
    if not database.exists():
        return 0, 0, 0
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        sentences = db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
        duplicates = db.execute(
            "SELECT COUNT(*) FROM (SELECT article, position FROM sentences "
            "GROUP BY article, position HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        return articles, sentences, duplicates
    except sqlite3.OperationalError:  # tables not created yet
        return 0, 0, 0
    finally:
        db.close()


# `article-qa` as a terminal runs it, whatever this test inherited: a suite started in
# the background by a non-interactive shell (`make test &`, a CI script) runs with SIGINT
# ignored, every child inherits that, and Python then never raises KeyboardInterrupt: the
# child would add all the articles and never say "interrupted" (the flaky failure).
AS_FROM_A_TERMINAL = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from ui.cli import main; sys.exit(main())"
)


def start_add(folder: Path, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "ARTICLE_QA_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-c", AS_FROM_A_TERMINAL, "add", str(folder), "--collection", "town"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def stop_when(process: subprocess.Popen[str], database: Path, articles: int, sig: int) -> str:
    deadline = time.monotonic() + 240
    while counts(database)[0] < articles:
        assert process.poll() is None, process.communicate()[1][-2000:]
        assert time.monotonic() < deadline, "adding made no progress"
        time.sleep(0.05)
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    return err


def test_add_folder_interrupted_and_resumed(tmp_path: Path) -> None:
    folder, data = tmp_path / "stories", tmp_path / "data"
    write_folder(folder)
    database = data / "collections" / "town" / "archive.sqlite3"

    err = stop_when(start_add(folder, data), database, 150, signal.SIGINT)
    assert "interrupted after" in err and "Run the same command again" in err
    assert "adding to town" in err  # the progress bar was shown
    first = counts(database)
    assert first[0] >= 150 and first[1] == 3 * first[0] and first[2] == 0

    stop_when(start_add(folder, data), database, first[0] + 150, signal.SIGKILL)
    second = counts(database)
    assert second[1] == 3 * second[0] and second[2] == 0  # never half an article

    finished = start_add(folder, data)
    out, err = finished.communicate(timeout=600)
    assert finished.returncode == 0, err[-2000:]
    assert counts(database) == (ARTICLES, 3 * ARTICLES, 0)
    assert f"{ARTICLES} articles in town" in out
    assert f"{second[0]} unchanged" in out or "unchanged" in out


def test_list_and_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ARTICLE_QA_DATA_DIR", str(tmp_path / "data"))
    story = tmp_path / "story.txt"
    story.write_text("Bridge reopens\n\nThe old bridge reopened on Friday. Traffic returned.\n")
    assert main(["add", str(story), "--collection", "town"]) == 0
    assert "1 added" in capsys.readouterr().out
    assert main(["list", "--collection", "town"]) == 0
    listing = capsys.readouterr().out
    assert "Bridge reopens" in listing and "1 articles in town" in listing
    article_id = listing.split()[0]
    assert main(["remove", article_id, "--collection", "town"]) == 0
    # Two: the headline is the title, not a sentence (qa.article_head).
    assert f"removed {article_id} (2 sentences)" in capsys.readouterr().out
    assert main(["remove", article_id, "--collection", "town"]) == 2
    assert "article-qa: error: no article" in capsys.readouterr().err
    assert main(["add", str(tmp_path / "nope.txt"), "--collection", "town"]) == 0
    assert "skipped" in capsys.readouterr().err


STORIES = [
    {
        "id": "harbour",
        "title": "Harbour reopens",
        "date": "2025-11-20",
        "source": "Daily",
        "text": "The city harbour reopened on Monday after the storm. "
        "Ferries to the islands resumed at noon.",
    },
    {
        "id": "museum",
        "title": "Museum buys a painting",
        "date": "2025-11-22",
        "source": "Gazette",
        "text": "The national museum bought a landscape painting by Turner. "
        "It paid four million pounds for the work.",
    },
    {
        "id": "ferry",
        "title": "New ferry ordered",
        "date": "2025-11-24",
        "source": "Daily",
        "text": "The island council ordered a new ferry. "
        "The ferry will sail from the harbour every hour.",
    },
]


def write_feed(tmp_path: Path) -> Path:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(story) for story in STORIES) + "\n", encoding="utf-8")
    return feed


def ids_by_title(listing: str) -> dict[str, str]:
    rows = [line.split() for line in listing.splitlines() if "sentences" in line]
    return {" ".join(row[4:6]): row[0] for row in rows}  # the title's first two words


def test_ask_a_local_collection_with_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_QA_DATA_DIR", str(tmp_path / "data"))
    assert main(["add", str(write_feed(tmp_path)), "--collection", "news"]) == 0
    assert "3 added" in capsys.readouterr().out
    ask = ["ask", "When did the ferries resume?", "--collection", "news", "--no-reader"]
    assert main(ask) == 0
    out = capsys.readouterr().out
    assert "Ferries to the islands resumed at noon." in out
    assert "  Harbour reopens (2025-11-20, Daily)  id " in out
    assert main([*ask, "--since", "2025-11-21", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {e["article_date"] for e in answer["evidence"]} <= {"2025-11-22", "2025-11-24"}
    assert answer["evidence"][0]["article"] == "New ferry ordered"
    assert main(["list", "--collection", "news"]) == 0
    museum = ids_by_title(capsys.readouterr().out)["Museum buys"]
    assert main([*ask, "--in", museum, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {e["article_id"] for e in answer["evidence"]} == {museum}
    assert main([*ask, "--until", "2025-01-01"]) == 0
    assert "no article in the collection matches the filters" in capsys.readouterr().out
    assert main([*ask, "--since", "22/11"]) == 2
    assert "article-qa: error: date '22/11' is not YYYY-MM-DD" in capsys.readouterr().err


def test_collections_in_postgres(
    pg_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_QA_DATA_DIR", str(tmp_path / "data"))
    name = f"cli{uuid.uuid4().hex[:10]}"
    where = ["--collection", name, "--store", pg_dsn]
    try:
        assert main(["add", str(write_feed(tmp_path)), *where]) == 0
        out = capsys.readouterr().out
        assert f"3 added, 0 updated, 0 unchanged, 0 skipped; 3 articles in {name} at " in out
        assert "postgres@127.0.0.1" in out and pg_dsn not in out
        assert main(["add", str(write_feed(tmp_path)), *where]) == 0  # another server, say
        assert "0 added, 0 updated, 3 unchanged" in capsys.readouterr().out
        assert main(["list", *where]) == 0
        ids = ids_by_title(capsys.readouterr().out)
        assert set(ids) == {"Harbour reopens", "Museum buys", "New ferry"}
        ask = ["ask", "When did the ferries resume?", *where, "--no-reader", "--json"]
        assert main(ask) == 0
        assert json.loads(capsys.readouterr().out)["evidence"][0]["article"] == "Harbour reopens"
        assert main([*ask, "--since", "2025-11-21", "--until", "2025-11-23"]) == 0
        answer = json.loads(capsys.readouterr().out)
        assert {e["article"] for e in answer["evidence"]} == {"Museum buys a painting"}
        assert main([*ask, "--in", ids["New ferry"], "--in", ids["Museum buys"]]) == 0
        answer = json.loads(capsys.readouterr().out)
        assert answer["evidence"][0]["article"] == "New ferry ordered"
        assert main(["remove", ids["Harbour reopens"], *where]) == 0
        assert f"removed {ids['Harbour reopens']} (2 sentences) from {name}" in (
            capsys.readouterr().out
        )
        assert main(["list", *where]) == 0
        assert f"2 articles in {name}" in capsys.readouterr().out
        assert main(["list", "--collection", name]) == 0  # the local one is another collection
        assert f"0 articles in {name}" in capsys.readouterr().out
    finally:
        from index.collection.postgres import PgCollectionStorage

        with PgCollectionStorage(pg_dsn, name) as storage:
            storage.drop()


def test_store_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_QA_DATA_DIR", str(tmp_path / "data"))
    assert main(["list", "--store", "postgresql://postgres@127.0.0.1:1/nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("article-qa: error: cannot connect to PostgreSQL at ")
    assert "postgres@127.0.0.1:1/nowhere" in err and len(err.strip().splitlines()) == 1
    assert main(["list", "--store", str(tmp_path / "x.db")]) == 2
    assert "is not a PostgreSQL URL" in capsys.readouterr().err
    bad = ["remove", "x", "--collection", "a b", "--store", "postgresql://h/db"]
    assert main(bad) == 2
    assert "collection name 'a b' cannot name PostgreSQL tables" in capsys.readouterr().err
    assert main(["ask", " ", "--store", "postgresql://h/db"]) == 2
    assert "the question is empty" in capsys.readouterr().err
    assert main(["ask", "Who?", "--article", "a.txt", "--collection", "news"]) == 2
    assert "either --article/--url or --collection/--store" in capsys.readouterr().err
    assert main(["ask", "Who?", "--since", "2025-11-20"]) == 2
    assert "filter a collection: add --collection" in capsys.readouterr().err
