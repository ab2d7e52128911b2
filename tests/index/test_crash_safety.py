"""kill -9 a process while it writes an index: the folder always holds a whole index."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.persist import StaleIndex, load_index, open_index, save_index
from index.sentence_index import SentenceIndex, article_checksum

pytestmark = pytest.mark.integration

TEXTS = {
    "a": "First article. It has two sentences.",
    "b": "Second article, longer. " * 200 + "The end.",
}
WRITER = """
import sys, itertools
from pathlib import Path
from index.persist import save_index
from index.sentence_index import SentenceIndex
from tests.conftest import FakeEmbedder
texts = {texts!r}
folder = Path(sys.argv[1])
embedder = FakeEmbedder()
print("ready", flush=True)
for key in itertools.cycle(sorted(texts)):
    save_index(SentenceIndex.build(texts[key], embedder), folder)
"""
TRIALS = 20
REPO = Path(__file__).resolve().parents[2]


def _text_of_current(folder: Path) -> str:
    version = (folder / "CURRENT").read_text().strip()
    manifest = json.loads((folder / version / "manifest.json").read_text())
    by_checksum = {article_checksum(t): t for t in TEXTS.values()}
    return by_checksum[manifest["article_sha256"]]


def test_kill_during_writes_never_leaves_a_broken_index(tmp_path: Path, fake_embedder) -> None:
    rng = random.Random(7)
    folder = tmp_path / "index"
    save_index(SentenceIndex.build(TEXTS["a"], fake_embedder), folder)
    script = WRITER.format(texts=TEXTS)
    for _ in range(TRIALS):
        writer = subprocess.Popen(
            [sys.executable, "-c", script, str(folder)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        text = _text_of_current(folder)
        loaded = load_index(folder, text, fake_embedder)
        assert [s.text for s in loaded.sentences] == [
            s.text for s in SentenceIndex.build(text, fake_embedder).sentences
        ]


def test_two_writers_on_one_folder_do_not_corrupt_it(tmp_path: Path, fake_embedder) -> None:
    folder = tmp_path / "shared"
    script = WRITER.format(texts=TEXTS)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(folder)], cwd=REPO, stdout=subprocess.PIPE
        )
        for _ in range(2)
    ]
    time.sleep(3)
    for writer in writers:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    # Whatever was written last is whole; the other article's index is simply stale.
    text = _text_of_current(folder)
    assert load_index(folder, text, fake_embedder).sentences
    other = next(t for t in TEXTS.values() if t != text)
    with pytest.raises(StaleIndex):
        load_index(folder, other, fake_embedder)
    assert open_index(folder, other, fake_embedder)[0].sentences
