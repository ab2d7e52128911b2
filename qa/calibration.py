"""Turn the answerability features (qa.answerability) into P(answering is right), and
the two cuts on it: `threshold` (answer at all) and `confident_threshold` (answer sure).

The coefficients and cuts are fitted by `python -m tools.calibrate --split` on the
reader's validation split (tools/validation.py) and shipped in qa/data/calibration.json
(calibration-retrieval.json without the reader); nothing here is tuned by hand.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
# One model per answering mode: with the reader its no-answer margin is a feature.
CALIBRATION_FILES = {
    True: DATA / "calibration.json",
    False: DATA / "calibration-retrieval.json",
}


@dataclass(frozen=True)
class Calibration:
    """A logistic model over named features plus the abstention threshold on its output."""

    coefficients: dict[str, float]
    intercept: float
    threshold: float
    fitted_on: str = ""
    # How much the retrieval score of a span's sentence counts beside the reader's margin
    # when picking among the windows' spans (fitted with the rest; unused without reader).
    retrieval_weight: float = 0.0
    # Answers scored at least this were right (F1 >= 0.5) at least 90% of the time on the
    # split: shown as sure. Above any probability until fitted.
    confident_threshold: float = 1.01
    # The first passage's answer is taken without reading the others when its span leads
    # "no answer" by this much (qa.reading.read_spans); None: every passage is read.
    decisive_margin: float | None = None
    # ... and when the best of the top sentences in that passage leads the best outside
    # it by this much in retrieval score (qa.reading.decisive); None: no such condition.
    decisive_lead: float | None = None

    def probability(self, features: dict[str, float]) -> float:
        """P(the article answers) for one question's features."""
        z = self.intercept + sum(c * features[name] for name, c in self.coefficients.items())
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", "utf-8")

    @classmethod
    def load(cls, with_reader: bool) -> Calibration:
        """The shipped calibration for answering with or without the reader."""
        path = CALIBRATION_FILES[with_reader]
        return cls(**json.loads(path.read_text("utf-8")))
