"""CpuModel: every core for a run alone, one core per run when runs overlap, and the same
outputs either way."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import onnx_cpu
from index.onnx_cpu import CpuModel, default_threads


class FakeSession:
    """Records the thread count of each run; a run can be held until told to finish."""

    def __init__(self, threads: int, log: list[int], hold: threading.Event | None) -> None:
        self.threads, self.log, self.hold = threads, log, hold
        self.started = threading.Event()

    def get_inputs(self) -> list[Any]:
        return []

    def run(self, outputs: list[str], feeds: dict[str, Any]) -> list[int]:
        self.log.append(self.threads)
        self.started.set()
        if self.hold is not None and feeds.get("hold"):
            assert self.hold.wait(10)
        return [self.threads]


@pytest.fixture
def fake_sessions(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], threading.Event]:
    log: list[int] = []
    hold = threading.Event()
    monkeypatch.setattr(
        onnx_cpu, "cpu_session", lambda model, threads: FakeSession(threads, log, hold)
    )
    return log, hold


def test_a_run_alone_gets_every_thread_and_an_overlapping_run_gets_one(
    fake_sessions: tuple[list[int], threading.Event],
) -> None:
    log, hold = fake_sessions
    model = CpuModel("model.onnx", threads=2)
    assert model.run(["out"], {}) == [2]
    first = threading.Thread(target=model.run, args=(["out"], {"hold": True}))
    first.start()
    assert model._wide.started.wait(10)
    assert model.run(["out"], {}) == [1]  # the first is still running: one thread
    hold.set()
    first.join(10)
    assert model.run(["out"], {}) == [2]  # alone again: every thread
    assert log == [2, 2, 1, 2]


def test_one_thread_needs_no_second_session(
    fake_sessions: tuple[list[int], threading.Event],
) -> None:
    model = CpuModel("model.onnx", threads=1)
    assert model._narrow is model._wide


def test_the_default_is_one_thread_per_usable_core_within_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(onnx_cpu, "usable_cores", lambda: 2)
    assert default_threads() == 2
    monkeypatch.setattr(onnx_cpu, "usable_cores", lambda: 64)
    assert default_threads() == onnx_cpu.MAX_THREADS


@pytest.mark.slow
def test_the_reader_gives_the_same_logits_on_one_thread_as_on_two() -> None:
    from qa.reader.onnx_reader import (
        DEFAULT_MODEL_PATH,
        DEFAULT_TOKENIZER_PATH,
        encode_pairs,
        load_tokenizer,
        pad_batch,
    )

    passages = [
        "The strike hit a building in Beirut. Officials said it housed a commander.",
        "Talks were held in Ras EnNakoura on November 19.",
        "Lebanon's foreign ministry hailed the talks as a breakthrough for the region.",
    ]
    tokenizer = load_tokenizer(DEFAULT_TOKENIZER_PATH)
    encodings = encode_pairs(tokenizer, "Where were the talks held?", passages)
    one, two = CpuModel(DEFAULT_MODEL_PATH, threads=1), CpuModel(DEFAULT_MODEL_PATH, threads=2)
    feeds = {k: v for k, v in pad_batch(encodings).items() if k in one.input_names}
    outputs = ["start_logits", "end_logits"]
    for alone, shared in zip(one.run(outputs, feeds), two.run(outputs, feeds), strict=True):
        assert np.array_equal(alone, shared)


@pytest.mark.slow
def test_the_optimised_copy_is_written_once_and_answers_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import onnxruntime as ort

    from qa.reader.onnx_reader import DEFAULT_MODEL_PATH

    monkeypatch.setenv(onnx_cpu.CACHE_ENV, str(tmp_path))
    copy = onnx_cpu.optimised_model(DEFAULT_MODEL_PATH)
    assert copy.parent == tmp_path / "models" and copy.is_file()
    written = copy.stat().st_mtime_ns
    assert onnx_cpu.optimised_model(DEFAULT_MODEL_PATH) == copy  # found, not rebuilt
    assert copy.stat().st_mtime_ns == written
    assert [p.name for p in copy.parent.iterdir() if p.suffix == ".partial"] == []

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Exact int8 products, as cpu_session asks (tests/index/test_int8_exact.py).
    options.add_session_config_entry("session.x64quantprecision", "1")
    source = ort.InferenceSession(
        str(DEFAULT_MODEL_PATH), options, providers=["CPUExecutionProvider"]
    )
    opened = onnx_cpu.cpu_session(DEFAULT_MODEL_PATH, 2)
    rng = np.random.default_rng(0)
    ids = rng.integers(1000, 20000, size=(3, 40), dtype=np.int64)
    ids[:, 0] = 101  # [CLS]
    feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    feeds["token_type_ids"] = np.zeros_like(ids)
    feeds = {k: v for k, v in feeds.items() if k in {i.name for i in source.get_inputs()}}
    for expected, got in zip(source.run(None, feeds), opened.run(None, feeds), strict=True):
        assert np.array_equal(expected, got)


def test_a_changed_model_gets_a_new_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from qa.reader.onnx_reader import DEFAULT_MODEL_PATH

    monkeypatch.setenv(onnx_cpu.CACHE_ENV, str(tmp_path / "cache"))
    model = tmp_path / "reader.onnx"
    model.write_bytes(DEFAULT_MODEL_PATH.read_bytes())
    first = onnx_cpu.optimised_model(model)
    os.utime(model, ns=(1, 1))  # as a reinstall would leave it
    second = onnx_cpu.optimised_model(model)
    assert first != second and first.is_file() and second.is_file()


def test_an_unwritable_cache_opens_the_model_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qa.reader.onnx_reader import DEFAULT_MODEL_PATH

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(onnx_cpu.CACHE_ENV, str(blocker))
    assert onnx_cpu.optimised_model(DEFAULT_MODEL_PATH) == DEFAULT_MODEL_PATH.resolve()


def test_a_new_copy_removes_copies_unused_for_a_month_and_keeps_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    from qa.reader.onnx_reader import DEFAULT_MODEL_PATH

    monkeypatch.setenv(onnx_cpu.CACHE_ENV, str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "models"
    folder.mkdir(parents=True)
    day = 86400 * 10**9
    now = time.time_ns()
    stale = folder / "reader-optimised-0000000000000000.onnx"  # an earlier release's copy
    recent = folder / "model-optimised-1111111111111111.onnx"  # opened last week
    other = folder / "notes.txt"  # not a copy: never touched
    for path, days in ((stale, 40), (recent, 7), (other, 400)):
        path.write_bytes(b"x")
        os.utime(path, ns=(now - days * day, now - days * day))

    copy = onnx_cpu.optimised_model(DEFAULT_MODEL_PATH)
    assert copy.is_file() and not stale.exists() and recent.exists() and other.exists()

    # Opening a copy marks it used (access time), keeping when it was built (mtime).
    built = copy.stat().st_mtime_ns
    os.utime(copy, ns=(now - 40 * day, built))
    assert onnx_cpu.optimised_model(DEFAULT_MODEL_PATH) == copy
    assert copy.stat().st_atime_ns > now - day and copy.stat().st_mtime_ns == built
