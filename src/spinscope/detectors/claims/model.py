"""The check-worthiness model: a linear model on hashed TF-IDF features, optionally cascaded into a fine-tuned MiniLM.

The linear model scores every sentence; sentences at or above
``cascade["cutoff"]`` (a low cutoff that keeps 98% of check-worthy sentences
on the training side's validation) are rescored by the transformer
(:mod:`.transformer`), whose logit is blended with the linear one and
calibrated (Platt scaling, ``cascade["calibration"]``).  With a null cutoff
the transformer scores every sentence, and when the calibration gives the
linear logit no weight the linear model is not run at all, as in the
distilled student that ``train claims --distil`` writes and the project
ships (:mod:`.distil`).  Stored as plain
arrays (``model.npz``), an ONNX graph and a ``config.json``, never as a
pickle, so that loading a model cannot run code.  A ``config.json`` without
``cascade`` is a linear-only model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.detectors.claims import features

NAME = "spinscope/claims-tfidf-lr"
TRANSFORMER_NAME = "spinscope/claims-minilm-l6-ft"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "models" / "claims"


@dataclass
class ClaimModel:
    """IDF weights, coefficients and intercept of a fitted model, plus its decision threshold."""

    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    version: str
    cascade: dict | None = None
    linear_threshold: float | None = None  # the linear model's own F1-best threshold, when it is a cascade's first stage
    transformer: object = None  # a TransformerScorer when ``cascade`` is set
    name: str = NAME

    def linear(self, texts: list[str], tags: list[str]) -> np.ndarray:
        """The linear model's check-worthiness probability of each sentence."""
        if not texts:
            return np.zeros(0, dtype=np.float64)
        matrix = features.weigh(features.counts(texts, tags), self.idf)
        return _sigmoid(matrix @ self.coef + self.intercept)

    @property
    def scores_all(self) -> bool:
        """True when the transformer scores every sentence (``cascade["cutoff"]`` null): no cutoff to pass."""
        return bool(self.cascade) and self.cascade.get("cutoff") is None

    @property
    def uses_linear(self) -> bool:
        """Whether scoring needs the linear model (and so the sentences' spaCy tag strings)."""
        return not self.scores_all or self.cascade["calibration"][1] != 0

    def score(self, texts: list[str], tags: list[str] | None) -> np.ndarray:
        """Check-worthiness probability of each sentence: the cascade's when there is one, else the linear model's.

        ``tags`` may be None when :attr:`uses_linear` is false.
        """
        if self.scores_all:
            if not texts:
                return np.zeros(0, dtype=np.float64)
            linear = self.linear(texts, tags) if self.uses_linear else np.full(len(texts), 0.5)
            return blend(self.cascade["calibration"], self.transformer.logits(texts), linear)
        scores = self.linear(texts, tags)
        if not self.cascade or not len(scores):
            return scores
        chosen = np.flatnonzero(scores >= self.cascade["cutoff"])
        if len(chosen):
            logits = self.transformer.logits([texts[i] for i in chosen])
            scores[chosen] = blend(self.cascade["calibration"], logits, scores[chosen])
        return scores

    def save(self, folder: Path, extra: dict | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "model.npz", idf=self.idf, coef=self.coef.astype(np.float32))
        config = {"name": NAME, "version": self.version, "intercept": self.intercept, "threshold": self.threshold, **(extra or {})}
        (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def blend(calibration: list[float], transformer_logits: np.ndarray, linear_probs: np.ndarray) -> np.ndarray:
    """Platt-calibrated probability from the transformer's logit and the linear model's logit."""
    a, b, c = calibration
    p = np.clip(np.asarray(linear_probs, dtype=np.float64), 1e-6, 1 - 1e-6)
    return _sigmoid(a * np.asarray(transformer_logits, dtype=np.float64) + b * np.log(p / (1 - p)) + c)


def _sigmoid(x) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


def read_config(folder: Path | None = None) -> dict:
    return json.loads(((folder or DEFAULT_DIR) / "config.json").read_text(encoding="utf-8"))


def load(folder: str | Path | None = None) -> ClaimModel:
    """Load a model folder (the shipped one by default); raises ``SpinscopeError`` E302 if unusable."""
    from spinscope.errors import SpinscopeError

    path = Path(folder) if folder else DEFAULT_DIR
    try:
        config = read_config(path)
        arrays = np.load(path / "model.npz")
        model = ClaimModel(arrays["idf"], arrays["coef"], float(config["intercept"]), float(config["threshold"]), config["version"])
    except (OSError, KeyError, ValueError) as exc:
        raise SpinscopeError("E302", name=NAME, path=path, detail=exc) from exc
    model.name = config.get("name", NAME)
    cascade = config.get("cascade")
    if cascade:
        from spinscope.detectors.claims.transformer import TransformerScorer

        model.cascade = cascade
        model.linear_threshold = float(config.get("linear_threshold", model.threshold))
        model.transformer = TransformerScorer(path / cascade["folder"])
    return model
