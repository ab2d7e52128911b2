"""tools.reader.average: the mean of checkpoints' weights, refused for different models."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from tools.reader.average import average, main


def _checkpoint(folder: Path, weights: dict[str, torch.Tensor]) -> Path:
    folder.mkdir(parents=True)
    save_file(weights, str(folder / "model.safetensors"))
    (folder / "config.json").write_text('{"model_type": "bert"}')
    return folder


def test_the_weights_are_averaged_and_the_config_kept(tmp_path: Path) -> None:
    first = _checkpoint(tmp_path / "a", {"w": torch.tensor([1.0, 2.0]), "b": torch.tensor([0.0])})
    second = _checkpoint(tmp_path / "b", {"w": torch.tensor([3.0, 6.0]), "b": torch.tensor([1.0])})
    out = average([first, second], tmp_path / "soup")
    mean = load_file(str(out / "model.safetensors"))
    assert torch.equal(mean["w"], torch.tensor([2.0, 4.0]))
    assert torch.equal(mean["b"], torch.tensor([0.5]))
    assert (out / "config.json").read_text() == '{"model_type": "bert"}'


def test_different_models_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _checkpoint(tmp_path / "a", {"w": torch.zeros(2)})
    other = _checkpoint(tmp_path / "b", {"w": torch.zeros(3)})
    assert main([str(first), str(other), "--out", str(tmp_path / "soup")]) == 2
    assert capsys.readouterr().err.strip().endswith("is not the same model as " + str(first))
    assert main([str(first), "--out", str(tmp_path / "soup")]) == 2
    assert not (tmp_path / "soup").exists()
