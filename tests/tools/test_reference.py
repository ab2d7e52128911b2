"""tools.reader.reference writes the int8 reference the shipped models are held to."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from tools.reader.reference import REFERENCE, main


def test_the_reference_written_from_the_shipped_models_is_the_one_held(tmp_path: Path) -> None:
    out = tmp_path / "int8_reference.json"
    assert main(["--out", str(out)]) == 0
    written, held = json.loads(out.read_text()), json.loads(REFERENCE.read_text())
    assert (written["question"], written["passage"]) == (held["question"], held["passage"])
    for key in ("start_logits", "end_logits"):
        assert len(written[key]) == len(held[key])
        assert np.abs(np.subtract(written[key], held[key])).max() < 0.05
    cosines = (np.asarray(written["embeddings"]) * np.asarray(held["embeddings"])).sum(axis=1)
    assert cosines.min() > 0.9995
