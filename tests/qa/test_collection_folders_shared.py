"""Two server processes on one data folder: their adds and removes interleave, nothing breaks.

Each process adds its own articles (removing every other one) and the same shared
articles as the other, at the same time. Afterwards the folder holds exactly what both
meant: every article whole, loadable and answering, no half-written or leftover folders.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qa.collection import BUNDLED_ID, FolderCollection
from tests.conftest import REPO, FakeEmbedder

ROUNDS = 6
SERVER = """
import sys
from pathlib import Path
from qa.collection import FolderCollection
from tests.conftest import FakeEmbedder

folders = FolderCollection(Path(sys.argv[1]), embedder=FakeEmbedder(), reader=False)
tag = sys.argv[2]
for i in range({rounds}):
    own = folders.add(f"Story {{tag}} {{i}}\\nThe ferry {{tag}}{{i}} left Oban at noon.\\n")
    folders.add(f"Shared story {{i}}\\nBoth servers add the ferry number {{i}}.\\n")
    if i % 2:
        folders.remove(own.id)
print("done")
"""


def test_two_processes_sharing_a_data_folder(tmp_path: Path) -> None:
    script = SERVER.format(rounds=ROUNDS)
    servers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path), tag],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("a", "b")
    ]
    for server in servers:
        out, err = server.communicate(timeout=240)
        assert server.returncode == 0 and out.strip() == "done", err[-2000:]

    folders = FolderCollection(tmp_path, embedder=FakeEmbedder(), reader=False)
    titles = sorted(e.title for e in folders.entries() if e.id != BUNDLED_ID)
    kept = [f"Story {tag} {i}" for tag in ("a", "b") for i in range(0, ROUNDS, 2)]
    shared = [f"Shared story {i}" for i in range(ROUNDS)]
    assert titles == sorted(kept + shared)  # each shared article once, removed ones gone
    for entry in folders.entries()[1:]:
        answer = folders.get(entry.id).ask("Which ferry left Oban?")
        assert answer.evidence and answer.evidence[0].article == entry.title
    leftovers = [p.name for p in (tmp_path / "articles").iterdir() if p.name.startswith(".")]
    assert leftovers in ([], [".lock"])
