"""Fit, score and save the frames model.

The model: TF-IDF over word unigrams and bigrams (sublinear counts, terms in at least two
articles), one logistic regression per frame with balanced class weights, and one decision
threshold for all frames, the one with the best micro-F1 in five-fold cross-validation on the
training part (a threshold per frame would be chosen from a handful of positives for the rare
frames).  An article always gets its most probable frame, so no article is left without one.
"""

from __future__ import annotations

import json
from pathlib import Path

from spinscope_train.frames import data

C = 16.0  # of 1, 4 and 16, the best five-fold micro-F1 on the training part (0.6772, 0.6852, 0.6865)
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(25)]
FOLDS = 5


def build(frames: list[str], seed: int = 13):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True, max_features=40000, strip_accents="unicode")),
            ("clf", OneVsRestClassifier(LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=seed))),
        ]
    )


def matrix(examples, frames: list[str]):
    import numpy as np

    return np.array([[int(f in e.frames) for f in frames] for e in examples])


def fit(examples, frames: list[str], seed: int = 13):
    model = build(frames, seed)
    model.fit([e.text for e in examples], matrix(examples, frames))
    model.named_steps["tfidf"].stop_words_ = None  # the pruned terms: not needed to predict, most of the file
    return model


def choose(probs, gold, threshold: float):
    """0/1 predictions: frames at or above ``threshold``, and always the most probable one."""
    import numpy as np

    chosen = (probs >= threshold).astype(int)
    chosen[np.arange(len(probs)), probs.argmax(axis=1)] = 1
    return chosen


def f1s(gold, pred, frames: list[str]) -> dict:
    from sklearn.metrics import f1_score

    return {
        "micro_f1": round(float(f1_score(gold, pred, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(gold, pred, average="macro", zero_division=0)), 4),
        "per_frame": {f: round(float(v), 4) for f, v in zip(frames, f1_score(gold, pred, average=None, zero_division=0))},
    }


def cross_validated_threshold(examples, frames: list[str], seed: int = 13) -> tuple[float, dict]:
    """The threshold with the best micro-F1 over five folds of ``examples`` (each fold scored by a model of the other four)."""
    import numpy as np
    from sklearn.metrics import f1_score

    gold = matrix(examples, frames)
    probs = np.zeros(gold.shape)
    for fold in range(FOLDS):
        train = [e for i, e in enumerate(examples) if i % FOLDS != fold]
        held = [i for i in range(len(examples)) if i % FOLDS == fold]
        model = fit(train, frames, seed)
        probs[held] = model.predict_proba([examples[i].text for i in held])
    scores = {t: round(float(f1_score(gold, choose(probs, gold, t), average="micro", zero_division=0)), 4) for t in THRESHOLDS}
    best = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
    return best, scores


def baseline(train, held, frames: list[str]) -> dict:
    """The figure to beat: every validation article given the training part's most common frames,
    as many as a training article has in the median."""
    import numpy as np

    gold = matrix(train, frames)
    k = int(np.median(gold.sum(axis=1)))
    top = np.argsort(-gold.mean(axis=0), kind="stable")[:k]
    pred = np.zeros((len(held), len(frames)), dtype=int)
    pred[:, top] = 1
    return {"frames_given": [frames[i] for i in top], **f1s(matrix(held, frames), pred, frames)}


def score(model, threshold: float, examples, frames: list[str]) -> dict:
    probs = model.predict_proba([e.text for e in examples])
    gold = matrix(examples, frames)
    return {"articles": len(examples), **f1s(gold, choose(probs, gold, threshold), frames)}


def train(root: Path, out: Path, seed: int = 13) -> dict:
    """Choose the threshold on the training part, fit on it, score on the validation part, write the model."""
    import joblib

    frames = data.frame_names(root)
    train_part, held = data.split(data.load(root))
    threshold, cv = cross_validated_threshold(train_part, frames, seed)
    model = fit(train_part, frames, seed)
    result = {
        "data": "SemEval-2023 Task 3 English, subtask 2 (train-labels-subtask-2.txt)",
        "split": f"validation: every {data.VALIDATION_EVERY}th article in sha1(id) order ({len(held)}); training: the other {len(train_part)}",
        "threshold": threshold,
        "cv_micro_f1": cv[threshold],
        "validation": score(model, threshold, held, frames),
        "baseline_validation": baseline(train_part, held, frames),
    }
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": model, "frames": frames, "threshold": threshold, "version": 1}, out / "model.joblib", compress=3)
    (out / "scores.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def report(bundle, root: Path) -> dict:
    """The validation figures of a saved model (``evaluate frames``)."""
    frames = bundle["frames"]
    train_part, held = data.split(data.load(root))
    return {"validation": score(bundle["model"], bundle["threshold"], held, frames), "baseline_validation": baseline(train_part, held, frames), "threshold": bundle["threshold"]}
