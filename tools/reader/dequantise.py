"""Recover float weights from the shipped int8 reader, to train on from where it stands.

    python -m tools.reader.dequantise --out /work/reader-start

The shipped `qa/reader/model/reader.onnx` is `quantize_dynamic` output: every linear layer
is an int8 matrix with a per-output-channel scale and zero point, the embeddings uint8 with
one scale each; biases and LayerNorms stayed float. The original float checkpoint is not
kept in the repository, so continuing training (on more data) starts from these weights
dequantised, `(q - zero_point) * scale`, which is within half a quantisation step of the
weights that were exported. Each weight is found by the module path that the exporter
wrote into the name of the node that consumes it.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

os.environ["HF_HUB_OFFLINE"] = "1"

import numpy as np  # noqa: E402

SHIPPED = Path(__file__).resolve().parents[2] / "qa" / "reader" / "model" / "reader.onnx"
PREFIX = "inner."  # the export wrapper's attribute holding the BertForQuestionAnswering
# "/inner/bert/encoder/layer.0/attention/self/query/MatMul_output_0_output_quantized"
MATMUL_OUTPUT = re.compile(r"^/inner/(?P<module>.+)/MatMul_output_0_output_quantized$")


def _dequantised(tensors: dict[str, np.ndarray], name: str, axis: int) -> np.ndarray:
    q = tensors[f"{name}_quantized"].astype(np.float32)
    scale = tensors[f"{name}_scale"].astype(np.float32)
    zero = tensors[f"{name}_zero_point"].astype(np.float32)
    if scale.ndim == 1:  # per channel: one scale per output column of the [in, out] matrix
        shape = [1, 1]
        shape[axis] = -1
        scale, zero = scale.reshape(shape), zero.reshape(shape)
    return (q - zero) * scale


def float_state_dict(onnx_path: Path = SHIPPED) -> dict[str, np.ndarray]:
    """The BertForQuestionAnswering state dict (numpy) held in the quantised ONNX file."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(onnx_path))
    tensors = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    state: dict[str, np.ndarray] = {}
    for name, value in tensors.items():
        if name.startswith(PREFIX) and value.dtype == np.float32 and value.ndim >= 1:
            state[name[len(PREFIX) :]] = value  # biases and LayerNorm weights, as exported
    for name in tensors:
        if name.startswith(PREFIX) and name.endswith("_quantized"):
            base = name[: -len("_quantized")]
            state[base[len(PREFIX) :]] = _dequantised(tensors, base, axis=1)
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        match = MATMUL_OUTPUT.match(node.output[0])
        if match is None:
            raise ValueError(f"unexpected MatMulInteger output {node.output[0]!r}")
        module = match["module"].replace("/", ".")
        weight = node.input[1][: -len("_quantized")]
        # ONNX multiplies x @ W with W as [in, out]; torch's Linear keeps [out, in].
        state[f"{module}.weight"] = _dequantised(tensors, weight, axis=1).T.copy()
    return state


def reader_with_weights(state: dict[str, Any], config_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """A BertForQuestionAnswering of `config_dir`'s config.json (default: the bundled base
    model's folder) carrying `state` (torch tensors), every weight of it: only the config
    is read there, so a machine without the base model's package (a lent GPU) passes a
    folder holding a copy of that config.json."""
    from transformers import BertConfig, BertForQuestionAnswering
    from transformers.utils import logging as hf_logging

    from tools.reader.train import base_model_path

    hf_logging.set_verbosity_error()
    model = BertForQuestionAnswering(BertConfig.from_pretrained(config_dir or base_model_path()))
    expected = {k for k in model.state_dict() if not k.endswith("position_ids")}
    missing = expected - set(state)
    unexpected = set(state) - expected
    if missing or unexpected:
        raise ValueError(f"weights do not match the model: missing {missing}, extra {unexpected}")
    model.load_state_dict(state, strict=False)
    return model


def load_float_reader(onnx_path: Path = SHIPPED, config_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """A BertForQuestionAnswering carrying the shipped reader's dequantised weights (the
    architecture from `config_dir`, as for reader_with_weights)."""
    import torch

    state = {k: torch.from_numpy(np.array(v)) for k, v in float_state_dict(onnx_path).items()}
    return reader_with_weights(state, config_dir)


def main(argv: list[str] | None = None) -> int:
    """Write the dequantised reader as a Hugging Face folder."""
    parser = argparse.ArgumentParser(prog="python -m tools.reader.dequantise", description=__doc__)
    parser.add_argument("--onnx", type=Path, default=SHIPPED)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--config", type=Path, default=None, help="folder with the base model's config.json"
    )
    args = parser.parse_args(argv)
    load_float_reader(args.onnx, args.config).save_pretrained(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
