"""The shipped check-worthiness model: hashed TF-IDF features and a logistic regression.

Stored as plain arrays (``model.npz``) and a ``config.json``, never as a
pickle, so that loading a model cannot run code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.detectors.claims import features

NAME = "spinscope/claims-tfidf-lr"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "models" / "claims"


@dataclass
class ClaimModel:
    """IDF weights, coefficients and intercept of a fitted model, plus its decision threshold."""

    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    version: str

    def score(self, texts: list[str], tags: list[str]) -> np.ndarray:
        """Check-worthiness probability of each sentence."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        matrix = features.weigh(features.counts(texts, tags), self.idf)
        logits = matrix @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float64)))

    def save(self, folder: Path, extra: dict | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "model.npz", idf=self.idf, coef=self.coef.astype(np.float32))
        config = {"name": NAME, "version": self.version, "intercept": self.intercept, "threshold": self.threshold, **(extra or {})}
        (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def read_config(folder: Path | None = None) -> dict:
    return json.loads(((folder or DEFAULT_DIR) / "config.json").read_text(encoding="utf-8"))


def load(folder: str | Path | None = None) -> ClaimModel:
    """Load a model folder (the shipped one by default); raises ``SpinscopeError`` E302 if unusable."""
    from spinscope.errors import SpinscopeError

    path = Path(folder) if folder else DEFAULT_DIR
    try:
        config = read_config(path)
        arrays = np.load(path / "model.npz")
        return ClaimModel(arrays["idf"], arrays["coef"], float(config["intercept"]), float(config["threshold"]), config["version"])
    except (OSError, KeyError, ValueError) as exc:
        raise SpinscopeError("E302", name=NAME, path=path, detail=exc) from exc
