"""tools.reader.export: the graph it writes is the one the CPU runs fastest, with the
checkpoint's own logits."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from qa.reader.onnx_reader import DEFAULT_MODEL_PATH


def _op_counts(path: Path) -> Counter[str]:
    import onnx

    return Counter(node.op_type for node in onnx.load(str(path)).graph.node)


def test_export_writes_an_eager_attention_graph_with_the_checkpoints_logits(
    tiny_checkpoint: Path, tmp_path: Path
) -> None:
    import onnxruntime as ort
    import torch
    from transformers import BertForQuestionAnswering

    from tools.reader.export import export

    out = export(tiny_checkpoint, tmp_path / "reader.onnx", fp32_path=tmp_path / "fp32.onnx")
    assert out.is_file() and (tmp_path / "tokenizer.json").is_file()
    # SDPA's trace guards each softmax with IsNaN and masks with a Where per layer.
    fp32_ops = _op_counts(tmp_path / "fp32.onnx")
    assert fp32_ops["IsNaN"] == 0 and fp32_ops["Softmax"] == 2
    assert fp32_ops["Where"] <= 2, fp32_ops  # the mask is built once, not once per layer
    assert _op_counts(out)["IsNaN"] == 0

    # A padded batch: the second row's last three tokens are padding.
    ids = torch.tensor([[2, 5, 9, 14, 3, 7, 8, 3], [2, 6, 3, 11, 3, 0, 0, 0]])
    mask = (ids != 0).long()
    types = torch.tensor([[0, 0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 0, 0, 0]])
    model = BertForQuestionAnswering.from_pretrained(tiny_checkpoint).eval()  # SDPA, as trained
    with torch.no_grad():
        expected = model(input_ids=ids, attention_mask=mask, token_type_ids=types)
    session = ort.InferenceSession(str(tmp_path / "fp32.onnx"), providers=["CPUExecutionProvider"])
    start, end = session.run(
        ["start_logits", "end_logits"],
        {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": types.numpy()},
    )
    for got, want in ((start, expected.start_logits), (end, expected.end_logits)):
        real = mask.numpy().astype(bool)  # padding's logits are never read
        np.testing.assert_allclose(got[real], want.numpy()[real], atol=1e-5)


def test_the_shipped_reader_is_the_eager_attention_export() -> None:
    ops = _op_counts(DEFAULT_MODEL_PATH)
    assert ops["IsNaN"] == 0 and ops["Where"] <= 2, ops
    assert ops["MatMulInteger"] >= 36  # int8: six weight matrices in each of six layers
