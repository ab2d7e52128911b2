"""One way to run an ONNX model on the CPU, shared by the embedder and the reader.

A model answers one question fastest with every core on it, and many questions at once
fastest with one core per question: several runs each asking for every core only queue
for the same cores and wait on each other's threads. So a CpuModel keeps a session with
one intra-op thread per core for a run on its own, and, once two runs overlap, a second
session with one thread, which every run that starts while another is going uses.
Outputs do not depend on the thread count (tests/index/test_onnx_cpu.py).

Sessions open a copy of the model that onnxruntime has already optimised (constants
folded, layers fused), written once to the user's cache folder: the embedder stores int8
weights that optimising unfolds to fp32, which took 140 ms and 215 MB at its peak on
every start, against 100 ms and 140 MB from the optimised copy, with the same outputs.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# More threads than this only add hand-offs for passages of a few hundred tokens.
MAX_THREADS = 4
CACHE_ENV = "ARTICLE_QA_CACHE_DIR"
RECIPE = "extended-v1"  # bump when optimised_model() writes a different graph
# A copy is written per model file and onnxruntime version, so each upgrade leaves the
# last one's behind (23-90 MB each); copies no start has opened for this long are removed
# when a new one is written. Each start marks its copy used (its access time).
UNUSED_DAYS = 30

log = logging.getLogger(__name__)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_threads() -> int:
    """Intra-op threads for a run on its own: one per usable core, at most MAX_THREADS."""
    return max(1, min(MAX_THREADS, usable_cores()))


def model_cache() -> Path:
    """Where models derived from the shipped ones are kept: $ARTICLE_QA_CACHE_DIR, else the
    user's cache folder (e.g. ~/.cache/article-qa), under models/."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured) / "models"
    import platformdirs

    return Path(platformdirs.user_cache_dir("article-qa")) / "models"


def optimised_model(model: Path | str) -> Path:
    """`model` as onnxruntime optimises it, saved once in model_cache(); `model` itself
    when the copy cannot be written (a read-only cache folder, a full disk).

    Saved at the "extended" level, which holds nothing particular to this CPU; the layout
    passes of the "all" level still run when the copy is opened, and are quick.
    """
    import onnxruntime as ort

    source = Path(model).resolve()
    stat = source.stat()
    key = f"{source}|{stat.st_size}|{stat.st_mtime_ns}|{ort.__version__}|{RECIPE}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    target = model_cache() / f"{source.stem}-optimised-{digest}.onnx"
    if target.is_file():
        _mark_used(target)
        return target
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        from filelock import FileLock

        target.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(target.parent / ".build.lock"), timeout=600):
            if not target.is_file():  # another process may have written it meanwhile
                options = ort.SessionOptions()
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
                options.optimized_model_filepath = str(partial)
                ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
                os.replace(partial, target)  # whole or not at all
                _remove_unused(target.parent)
    # Any failure (onnxruntime's errors are plain Exceptions) leaves the source to open,
    # which then succeeds as before or raises its own error where it is really broken.
    except Exception as error:
        log.info("opening %s unoptimised: no copy in %s (%s)", source.name, target.parent, error)
        with contextlib.suppress(OSError):  # there may be no folder to hold it
            partial.unlink(missing_ok=True)
        return source
    return target


def _mark_used(copy: Path) -> None:
    """Set `copy`'s access time to now (its modification time, the build's, is kept)."""
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(copy, ns=(time.time_ns(), copy.stat().st_mtime_ns))


def _remove_unused(folder: Path) -> None:
    """Remove optimised copies that no start has opened for UNUSED_DAYS days."""
    cutoff = time.time() - UNUSED_DAYS * 86400
    for copy in folder.glob("*-optimised-*.onnx"):
        with contextlib.suppress(OSError):  # another process may be removing it too
            if copy.stat().st_atime < cutoff:
                copy.unlink()


def cpu_session(model: Path | str, threads: int) -> Any:
    """An onnxruntime session on the CPU with `threads` intra-op threads and no spinning,
    on the optimised copy of `model` (optimised_model)."""
    import onnxruntime as ort  # imported here so that importing the package stays cheap

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Idle worker threads would otherwise spin for a while after each run, taking the
    # cores from what comes next (tokenising, FAISS, the other model): measured, warm
    # ask() went from ~60 ms to ~33 ms on 2 cores with spinning off.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # x86 CPUs without VNNI (AVX2; AVX-512 before VNNI) add pairs of int8 products in 16
    # bits, which saturate: there the shipped reader's logits moved by up to 0.7 and
    # answers changed (article_dev F1 0.888 against 0.902). Exact (u8u8) products on those
    # CPUs only, ~1.2x the reader's time there; VNNI CPUs and ARM compute exactly anyway.
    options.add_session_config_entry("session.x64quantprecision", "1")
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(
        str(optimised_model(model)), sess_options=options, providers=["CPUExecutionProvider"]
    )


class CpuModel:
    """An ONNX model on the CPU: all cores for a run alone, one core each for runs that
    overlap. Thread-safe; `run` takes and returns what InferenceSession.run does."""

    def __init__(self, model: Path | str, threads: int | None = None) -> None:
        self.model = Path(model)
        self.threads = threads or default_threads()
        self._wide: Any = cpu_session(self.model, self.threads)
        # One thread already: the same session serves overlapping runs.
        self._narrow: Any = self._wide if self.threads == 1 else None
        self._narrow_lock = threading.Lock()
        self._count_lock = threading.Lock()
        self._running = 0

    @property
    def input_names(self) -> set[str]:
        """The model's input names (a model may not take every tokenizer output)."""
        return {i.name for i in self._wide.get_inputs()}

    def _narrow_session(self) -> Any:
        with self._narrow_lock:  # built once, on the first overlap (~50-150 ms)
            if self._narrow is None:
                self._narrow = cpu_session(self.model, 1)
            return self._narrow

    def run(self, outputs: Sequence[str], feeds: Mapping[str, Any]) -> list[Any]:
        """The named outputs for `feeds`: on every core alone, on one when runs overlap."""
        with self._count_lock:
            self._running += 1
            alone = self._running == 1
        try:
            session = self._wide if alone else self._narrow_session()
            return list(session.run(list(outputs), dict(feeds)))
        finally:
            with self._count_lock:
                self._running -= 1
