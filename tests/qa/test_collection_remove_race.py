"""Two servers sharing a data folder remove the same article at once: one removes it, the
other is told it is unknown (UnknownArticle), never a FileNotFoundError.

Both look the article up, then remove it under the folder's lock; the second to take the
lock finds the folder gone. Raced by threads (each with its own FolderCollection, as two
servers have) and by two processes, many rounds each.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from qa.collection import BUNDLED_ID, FolderCollection, UnknownArticle
from tests.conftest import REPO, FakeEmbedder

ROUNDS = 40


def story(number: int) -> str:
    return f"Ferry {number}\nThe ferry number {number} left Oban at noon.\n"


def race(remove: list[Callable[[str], None]], article: str) -> list[str]:
    """Run each `remove(article)` in its own thread, all released at once; what each did."""
    start = threading.Barrier(len(remove))
    outcomes: list[str] = []

    def run(removing: Callable[[str], None]) -> None:
        start.wait()
        try:
            removing(article)
        except UnknownArticle:
            outcomes.append("unknown")
        except Exception as error:  # what the test is about: anything else is a failure
            outcomes.append(f"{type(error).__name__}: {error}")
        else:
            outcomes.append("removed")

    threads = [threading.Thread(target=run, args=(removing,)) for removing in remove]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


def test_threads_removing_one_article_at_once(tmp_path: Path) -> None:
    servers = [FolderCollection(tmp_path, embedder=FakeEmbedder(), reader=False) for _ in "ab"]
    for number in range(ROUNDS):
        article = servers[0].add(story(number)).id
        servers[1].get(article)  # loaded in both, as after a question to each
        outcomes = race([server.remove for server in servers], article)
        assert outcomes == ["removed", "unknown"], (number, outcomes)
        assert article not in servers[0] and article not in servers[1]
    assert [entry.id for entry in servers[1].entries()] == [BUNDLED_ID]
    leftovers = [path.name for path in (tmp_path / "articles").iterdir()]
    assert leftovers in ([], [".lock"])


REMOVER = """
import os
import sys
import time
from pathlib import Path
from qa.collection import FolderCollection, UnknownArticle
from tests.conftest import FakeEmbedder

folders = FolderCollection(Path(sys.argv[1]), embedder=FakeEmbedder(), reader=False)
meeting, tag, other = Path(sys.argv[2]), sys.argv[3], sys.argv[4]
removed = unknown = 0
for article in sys.argv[5:]:
    # Both processes meet before each article, then remove it at the same moment.
    (meeting / f"{article}-{tag}").touch()
    waited_until = time.monotonic() + 60  # a partner that died must not hang this one
    while not os.path.exists(meeting / f"{article}-{other}"):
        if time.monotonic() > waited_until:
            sys.exit(f"the other remover never reached {article}")
    try:
        folders.remove(article)
        removed += 1
    except UnknownArticle:
        unknown += 1
print(removed, unknown)
"""


@pytest.mark.integration
def test_two_processes_removing_the_same_articles(tmp_path: Path) -> None:
    library = FolderCollection(tmp_path / "data", embedder=FakeEmbedder(), reader=False)
    ids = [library.add(story(number)).id for number in range(ROUNDS)]
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    servers = [
        subprocess.Popen(
            [sys.executable, "-c", REMOVER, str(tmp_path / "data"), str(meeting), *tags, *ids],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tags in (("a", "b"), ("b", "a"))
    ]
    counts = []
    for server in servers:
        out, err = server.communicate(timeout=240)
        assert server.returncode == 0, err[-2000:]
        counts.append([int(count) for count in out.split()])
    # Every article removed exactly once, the other attempt told it is unknown.
    assert [sum(column) for column in zip(*counts, strict=True)] == [ROUNDS, ROUNDS]
    assert [entry.id for entry in library.entries()] == [BUNDLED_ID]
