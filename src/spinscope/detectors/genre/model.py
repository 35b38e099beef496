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


def cues(model, text: str, genre: str, top: int = 3) -> list[str]:
    """The words of ``text`` that pushed the model most towards ``genre`` over the other genres
    (weight above the genres' mean, times the word's TF-IDF value): the reason a reader can check."""
    import numpy as np

    words = dict(model.named_steps["features"].transformer_list)["words"]
    classes = [str(c) for c in model.classes_]
    if genre not in classes:
        return []
    coef = model.named_steps["clf"].coef_
    vocabulary = saved_models.vocabulary(words)
    coef = coef[:, : len(vocabulary)]
    lean = coef[classes.index(genre)] - coef.mean(axis=0)
    row = words.transform([text])
    weights = lean[row.indices] * row.data
    order = np.argsort(-weights, kind="stable")
    return [t for t in (str(vocabulary[row.indices[i]]) for i in order if weights[i] > 0) if saved_models.telling(t)][:top]
