from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from index.persist import FORMAT_VERSION, StaleIndex, load_index, open_index, save_index
from index.sentence_index import SentenceIndex

TEXT = "Israel struck Beirut on November 23. The target was a building. Nobody was hurt."


def _current_version(folder: Path) -> Path:
    return folder / (folder / "CURRENT").read_text().strip()


def test_round_trip_keeps_sentences_and_vectors(tmp_path: Path, fake_embedder) -> None:
    built = SentenceIndex.build(TEXT, fake_embedder)
    save_index(built, tmp_path)
    loaded = load_index(tmp_path, TEXT, fake_embedder)
    assert loaded.sentences == built.sentences
    assert np.allclose(loaded.sentence_store.vectors(), built.sentence_store.vectors())
    assert np.allclose(loaded.window_store.vectors(), built.window_store.vectors())


def test_manifest_records_what_the_index_is(tmp_path: Path, fake_embedder) -> None:
    save_index(SentenceIndex.build(TEXT, fake_embedder), tmp_path)
    manifest = json.loads((_current_version(tmp_path) / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION == 3
    assert manifest["model_id"] == fake_embedder.model_id
    assert manifest["dimensions"] == fake_embedder.dimensions
    assert manifest["sentence_count"] == 3
    assert len(manifest["article_sha256"]) == 64


def test_changed_article_is_stale_and_rebuilt(tmp_path: Path, fake_embedder) -> None:
    save_index(SentenceIndex.build(TEXT, fake_embedder), tmp_path)
    changed = TEXT + " A fourth sentence."
    with pytest.raises(StaleIndex, match="article_sha256"):
        load_index(tmp_path, changed, fake_embedder)
    index, note = open_index(tmp_path, changed, fake_embedder)
    assert note.startswith("rebuilt")
    assert len(index.sentences) == 4
    assert load_index(tmp_path, changed, fake_embedder).sentences == index.sentences


def test_foreign_model_is_stale(tmp_path: Path, fake_embedder) -> None:
    save_index(SentenceIndex.build(TEXT, fake_embedder), tmp_path)

    class OtherModel(type(fake_embedder)):
        model_id = "someone/else"

    with pytest.raises(StaleIndex, match="model_id"):
        load_index(tmp_path, TEXT, OtherModel())


def test_an_index_saved_before_straight_quotes_is_rebuilt(tmp_path: Path, fake_embedder) -> None:
    # Version 2 embedded "Lebanon’s" as written; questions are now embedded straight.
    save_index(SentenceIndex.build(TEXT, fake_embedder), tmp_path)
    manifest_path = _current_version(tmp_path) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps({**manifest, "format_version": 2}))
    with pytest.raises(StaleIndex, match="format_version is 2, expected 3"):
        load_index(tmp_path, TEXT, fake_embedder)
    index, note = open_index(tmp_path, TEXT, fake_embedder)
    assert note.startswith("rebuilt") and len(index.sentences) == 3


def test_corrupted_file_is_detected_and_rebuilt(tmp_path: Path, fake_embedder) -> None:
    save_index(SentenceIndex.build(TEXT, fake_embedder), tmp_path)
    target = _current_version(tmp_path) / "sentences.faiss"
    target.write_bytes(target.read_bytes()[:-7])
    with pytest.raises(StaleIndex, match="corrupted"):
        load_index(tmp_path, TEXT, fake_embedder)
    index, note = open_index(tmp_path, TEXT, fake_embedder)
    assert "corrupted" in note
    assert load_index(tmp_path, TEXT, fake_embedder).sentences == index.sentences


def test_interrupted_write_leaves_previous_index_loadable(tmp_path: Path, fake_embedder) -> None:
    save_index(SentenceIndex.build(TEXT, fake_embedder), tmp_path)
    # A crash after the new version's files are written but before CURRENT moves.
    half = tmp_path / "v-crashed"
    half.mkdir()
    (half / "sentences.json").write_text("[{")
    loaded = load_index(tmp_path, TEXT, fake_embedder)
    assert len(loaded.sentences) == 3


def test_no_saved_index_is_reported(tmp_path: Path, fake_embedder) -> None:
    with pytest.raises(StaleIndex, match="no saved index"):
        load_index(tmp_path / "empty", TEXT, fake_embedder)
