"""One way to open an ONNX model for CPU inference, shared by the embedder and the reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def cpu_session(model: Path | str, threads: int) -> Any:
    """An onnxruntime session on the CPU with `threads` intra-op threads and no spinning."""
    import onnxruntime as ort  # imported here so that importing the package stays cheap

    options = ort.SessionOptions()
    # The target machine has 2 cores; more threads only add contention.
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Idle worker threads would otherwise spin for a while after each run, taking the
    # cores from what comes next (tokenising, FAISS, the other model): measured, warm
    # ask() went from ~60 ms to ~33 ms on 2 cores with spinning off.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(
        str(model), sess_options=options, providers=["CPUExecutionProvider"]
    )
