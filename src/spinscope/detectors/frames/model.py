"""Loading the shipped frames model and scoring texts with it.

The model is a scikit-learn pipeline saved with joblib (a pickle) beside its frame names and
decision threshold: load only files from a source you trust, such as the one shipped in
``spinscope/models/frames/``.
"""

from __future__ import annotations

import functools
from pathlib import Path

from spinscope.detectors import saved_models

NAME = "spinscope/frames"
DEFAULT = Path(__file__).resolve().parents[2] / "models" / "frames"


def model_file(path: str | Path | None = None) -> Path:
    """The ``model.joblib`` inside a model folder (or the file itself)."""
    return saved_models.model_file(DEFAULT, path)


@functools.lru_cache(maxsize=4)
def load(path: str | None = None) -> dict:
    """``{"model", "frames", "threshold"}`` of a saved frames model."""
    return saved_models.load_joblib(NAME, model_file(path), check=_check)


def _check(bundle) -> None:
    if not isinstance(bundle, dict) or not {"model", "frames", "threshold"} <= set(bundle):
        raise ValueError("not a frames model: it lacks model, frames or threshold")


def scores(bundle: dict, texts: list[str]) -> list[dict[str, float]]:
    """Per text, the probability of each frame (independent: they do not sum to 1)."""
    rows = bundle["model"].predict_proba(texts)
    return [{f: float(p) for f, p in zip(bundle["frames"], row)} for row in rows]


def chosen(frame_scores: dict[str, float], threshold: float) -> list[str]:
    """The frames at or above ``threshold``, most probable first; always at least the most probable one."""
    ranked = sorted(frame_scores, key=lambda f: (-frame_scores[f], f))
    return [f for f in ranked if frame_scores[f] >= threshold] or ranked[:1]


def cues(bundle: dict, text: str, frames: list[str], top: int = 3) -> dict[str, list[str]]:
    """For each of ``frames``, the words of ``text`` that raised its score most (the terms present
    whose weight times TF-IDF value is largest and positive): the reason a reader can check."""
    import numpy as np

    tfidf = bundle["model"].named_steps["tfidf"]
    estimators = bundle["model"].named_steps["clf"].estimators_
    row = tfidf.transform([text])
    present, values = row.indices, row.data
    vocabulary = saved_models.vocabulary(tfidf)
    out = {}
    for frame in frames:
        coef = estimators[bundle["frames"].index(frame)].coef_[0]
        weights = coef[present] * values
        order = np.argsort(-weights, kind="stable")
        out[frame] = [term for term in (str(vocabulary[present[i]]) for i in order if weights[i] > 0) if saved_models.telling(term)][:top]
    return out
