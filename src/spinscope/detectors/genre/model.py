"""Loading the shipped genre model and scoring texts with it.

The model is a scikit-learn pipeline saved with joblib (a pickle): load only
files from a source you trust, such as the one shipped in
``spinscope/models/genre/``.
"""

from __future__ import annotations

import functools
from pathlib import Path

from spinscope.detectors import saved_models

NAME = "spinscope/genre"
DEFAULT = Path(__file__).resolve().parents[2] / "models" / "genre"


def model_file(path: str | Path | None = None) -> Path:
    """The ``model.joblib`` inside a model folder (or the file itself)."""
    return saved_models.model_file(DEFAULT, path)


@functools.lru_cache(maxsize=4)
def load(path: str | None = None):
    return saved_models.load_joblib(NAME, model_file(path))


def probabilities(model, texts: list[str]) -> list[dict[str, float]]:
    """Per text, a probability for each genre (they sum to 1)."""
    rows = model.predict_proba(texts)
    return [{str(c): float(p) for c, p in zip(model.classes_, row)} for row in rows]
