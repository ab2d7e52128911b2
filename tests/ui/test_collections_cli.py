"""`article-qa add | list | remove` on a real 1,000-article folder, interrupted and resumed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
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


def start_add(folder: Path, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "ARTICLE_QA_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "add", str(folder), "--collection", "town"],
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
    assert f"removed {article_id} (3 sentences)" in capsys.readouterr().out
    assert main(["remove", article_id, "--collection", "town"]) == 2
    assert "article-qa: error: no article" in capsys.readouterr().err
    assert main(["add", str(tmp_path / "nope.txt"), "--collection", "town"]) == 0
    assert "skipped" in capsys.readouterr().err
