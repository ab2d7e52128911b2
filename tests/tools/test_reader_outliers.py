"""tools.reader.outliers: the peak channels' own fp32 path is the same function, and the
export keeps exactly that path out of int8."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import torch


def _model(checkpoint: Path):  # type: ignore[no-untyped-def]
    from transformers import BertForQuestionAnswering

    return BertForQuestionAnswering.from_pretrained(checkpoint, attn_implementation="eager").eval()


def _batches(count: int = 4) -> list[dict]:
    generator = torch.Generator().manual_seed(1)
    return [
        {
            "input_ids": torch.randint(1, 120, (1, 12), generator=generator),
            "attention_mask": torch.ones((1, 12), dtype=torch.long),
            "token_type_ids": torch.zeros((1, 12), dtype=torch.long),
        }
        for _ in range(count)
    ]


def test_peaks_are_each_channels_largest_activation_over_the_batches(
    tiny_checkpoint: Path,
) -> None:
    from tools.reader.outliers import channel_peaks

    model = _model(tiny_checkpoint)
    batches = _batches()
    peaks = channel_peaks(model, batches)
    assert [p.shape for p in peaks] == [torch.Size([64])] * 2  # two layers, 64 channels
    # Layer 1's activations for one batch, taken by hand: no peak is below them.
    seen = []
    hook = model.bert.encoder.layer[1].intermediate.register_forward_hook(
        lambda _m, _i, out: seen.append(out.abs().reshape(-1, 64).amax(0))
    )
    with torch.no_grad():
        for batch in batches:
            model(**batch)
    hook.remove()
    assert torch.equal(peaks[1], torch.stack(seen).amax(0))
    assert not any(
        h for layer in model.bert.encoder.layer for h in layer.intermediate._forward_hooks
    )


def test_the_split_model_is_the_same_function(tiny_checkpoint: Path) -> None:
    from tools.reader.outliers import SIDE, channel_peaks, split_peaks

    model = _model(tiny_checkpoint)
    batch = _batches(1)[0]
    with torch.no_grad():
        before = model(**batch)
    peaks = channel_peaks(model, _batches())
    chosen = split_peaks(model, peaks, 3)
    assert chosen == [sorted(torch.topk(p, 3).indices.tolist()) for p in peaks]
    layer = model.bert.encoder.layer[0]
    assert getattr(layer.intermediate, SIDE).out_features == 3
    assert layer.intermediate.main.out_features == 61
    with torch.no_grad():
        after = model(**batch)
    for got, want in (
        (after.start_logits, before.start_logits),
        (after.end_logits, before.end_logits),
    ):
        torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-5)


def test_the_export_keeps_the_peak_paths_in_fp32_and_the_rest_int8(
    tiny_checkpoint: Path, tmp_path: Path
) -> None:
    import onnx
    import onnxruntime as ort

    from tools.reader.export import export_fp32, quantize_int8
    from tools.reader.outliers import SIDE

    fp32 = export_fp32(tiny_checkpoint, tmp_path / "fp32.onnx", peaks=2, batches=iter(_batches()))
    int8 = quantize_int8(fp32, tmp_path / "int8.onnx")
    nodes = onnx.load(str(int8)).graph.node
    fp32_matmuls = sorted(n.name for n in nodes if n.op_type == "MatMul")
    peak_paths = [name for name in fp32_matmuls if f"/{SIDE}/" in name]
    assert len(peak_paths) == 4  # two per layer: into the peak channels, and out of them
    assert len(fp32_matmuls) == 4 + 4  # and the attention's two activation products per layer
    ops = Counter(n.op_type for n in nodes)
    assert ops["MatMulInteger"] == 2 * 6 + 1  # every weight matrix else, and the QA head
    # The fp32 graph answers as the checkpoint does.
    batch = _batches(1)[0]
    with torch.no_grad():
        want = _model(tiny_checkpoint)(**batch).start_logits.numpy()
    session = ort.InferenceSession(str(fp32), providers=["CPUExecutionProvider"])
    got = session.run(["start_logits"], {k: v.numpy() for k, v in batch.items()})[0]
    np.testing.assert_allclose(got, want, atol=1e-5)
