"""Turn retrieval signals into a probability that the article answers, and a threshold.

The coefficients are fitted by `article-qa calibrate` on the dev sets (see
qa/calibrate.py) and shipped in qa/data/calibration.json; nothing here is tuned by hand.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

CALIBRATION_FILE = Path(__file__).parent / "data" / "calibration.json"
FEATURES = ("top_score", "top_dense", "coverage", "margin", "unknown_date")


@dataclass(frozen=True)
class Calibration:
    """A logistic model over FEATURES plus the abstention threshold on its output."""

    coefficients: dict[str, float]
    intercept: float
    threshold: float
    fitted_on: str = ""

    def probability(self, features: dict[str, float]) -> float:
        """P(the article answers) for one question's features."""
        z = self.intercept + sum(self.coefficients[name] * features[name] for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", "utf-8")

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration:
        return cls(**json.loads(path.read_text("utf-8")))
