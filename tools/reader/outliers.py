"""The feed-forward channels whose activations dwarf the rest, kept out of int8 at export.

int8 dynamic quantisation reads each MatMul's input on one grid per run, scaled to its
largest value. After the GELU of the reader's layers 0-3, one or two of the 1,536 channels
reach 14-23 where the others stay under ~6 (v15 over the bundled article's windows), so
the feed-forward's second MatMul read everything on a grid three to four times coarser
than the rest needed. That MatMul is where int8 lost the reader's F1 on the validation
split (`python -m tools.reader.evaluate --validation 4`): v15 fp32 77.62, int8 76.96, int8
with that MatMul alone left in fp32 77.53 (each other kind of MatMul left in fp32:
76.92-77.23). Left in fp32 outright it cost ~12% of the reader's time; instead each
layer's few peak channels get a feed-forward path of their own (their rows of the first
MatMul, their columns of the second), kept in fp32, and the rest stays int8 on a grid
fitted to it: v15 77.51 / 77.47 / 77.32 with 2 / 4 / 8 channels a layer, v10 (its
weights dequantised from the shipped file) 76.91 / 77.10 with 2 / 4 against 76.79. The
sum is the same function (in fp32, up to the order of additions).

Peaks are measured on questions of the training side of tools.reader.split, never on the
validation split or ../shared/eval.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import torch
from torch import nn

# The name part of the fp32 paths' MatMuls in the exported graph (export.quantize_int8
# leaves them out of quantisation).
SIDE = "peaks"


class SplitIntermediate(nn.Module):
    """BertIntermediate as two paths: the ordinary channels, and the peak channels."""

    def __init__(self, intermediate: Any, peaks: Sequence[int]) -> None:
        super().__init__()
        dense = intermediate.dense
        self.main = _rows(dense, _ordinary(dense.out_features, peaks))
        setattr(self, SIDE, _rows(dense, list(peaks)))
        self.act = intermediate.intermediate_act_fn

    def forward(self, hidden: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.act(self.main(hidden)), self.act(getattr(self, SIDE)(hidden))


class SplitOutputDense(nn.Module):
    """BertOutput's dense layer over the two paths of SplitIntermediate, added."""

    def __init__(self, dense: nn.Linear, peaks: Sequence[int]) -> None:
        super().__init__()
        self.main = _columns(dense, _ordinary(dense.in_features, peaks), bias=True)
        setattr(self, SIDE, _columns(dense, list(peaks), bias=False))

    def forward(self, paths: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
        main, side = paths
        return self.main(main) + getattr(self, SIDE)(side)


def _ordinary(count: int, peaks: Sequence[int]) -> list[int]:
    """The channels of `count` that are not peak channels, in order (both paths of a
    layer split its channels the same way)."""
    peak = set(peaks)
    return [c for c in range(count) if c not in peak]


def _rows(dense: nn.Linear, channels: list[int]) -> nn.Linear:
    """The output channels `channels` of `dense`, as a Linear of their own."""
    part = nn.Linear(dense.in_features, len(channels))
    with torch.no_grad():
        part.weight.copy_(dense.weight[channels])
        part.bias.copy_(dense.bias[channels])
    return part


def _columns(dense: nn.Linear, channels: list[int], bias: bool) -> nn.Linear:
    """`dense` read from the input channels `channels` only (its bias where `bias`)."""
    part = nn.Linear(len(channels), dense.out_features, bias=bias)
    with torch.no_grad():
        part.weight.copy_(dense.weight[:, channels])
        if bias:
            part.bias.copy_(dense.bias)
    return part


def channel_peaks(model: Any, batches: Iterable[dict[str, torch.Tensor]]) -> list[torch.Tensor]:
    """For each layer, each feed-forward channel's largest |activation| after the GELU
    over `batches` (the model's keyword inputs)."""
    layers = model.bert.encoder.layer
    peaks: list[torch.Tensor | None] = [None] * len(layers)

    def keep(index: int) -> Any:
        def hook(_module: nn.Module, _inputs: Any, output: torch.Tensor) -> None:
            seen = output.detach().abs().reshape(-1, output.shape[-1]).amax(0)
            known = peaks[index]
            peaks[index] = seen if known is None else torch.maximum(known, seen)

        return hook

    handles = [layer.intermediate.register_forward_hook(keep(i)) for i, layer in enumerate(layers)]
    try:
        with torch.no_grad():
            for batch in batches:
                model(**batch)
    finally:
        for handle in handles:
            handle.remove()
    if any(p is None for p in peaks):
        raise ValueError("no batch to measure the feed-forward peaks on")
    return [p for p in peaks if p is not None]


def split_peaks(model: Any, peaks: Sequence[torch.Tensor], count: int) -> list[list[int]]:
    """Give each layer's `count` highest-peaking channels a feed-forward path of their
    own (in place); returns them, by layer."""
    chosen = []
    for layer, peak in zip(model.bert.encoder.layer, peaks, strict=True):
        channels = sorted(torch.topk(peak, count).indices.tolist())
        layer.intermediate = SplitIntermediate(layer.intermediate, channels)
        layer.output.dense = SplitOutputDense(layer.output.dense, channels)
        chosen.append(channels)
    return chosen
