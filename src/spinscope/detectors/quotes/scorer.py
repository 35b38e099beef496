"""The shipped candidate scorer: a logistic regression over :func:`.candidates.features`, read from JSON.

The weights live in ``spinscope/models/quotes/scorer.json`` (written by
``spinscope train quotes``) as a plain feature -> weight table, so scoring a
candidate is a dictionary lookup per feature and needs neither scikit-learn
nor pickle at run time.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "quotes" / "scorer.json"


class Scorer:
    """Probability that a candidate is an attribution's content, and the cut-off chosen on ``train``."""

    def __init__(self, weights: dict[str, float], intercept: float, threshold: float) -> None:
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold

    @classmethod
    def from_json(cls, data: dict) -> "Scorer":
        return cls(data["weights"], data["intercept"], data["threshold"])

    def score(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def load(path: str = str(MODEL_PATH)) -> Scorer:
    """The shipped scorer, read once per process."""
    return Scorer.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
