"""Set the decoding knobs of a trained model on the validation split.

The validation articles are split once more by id parity of their hash: the
score calibration (Platt scaling) is fitted on one half and the reliability
table is read off the other half, so the table is not measured on the data
that fitted it.  Thresholds are chosen for the best span-identification F1
on the whole validation split.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from spinscope.detectors.techniques import data, runtime, scorer
from spinscope.detectors.techniques.labels import TECHNIQUES

RUN_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
LEXICAL_WEIGHTS = (0.0, 0.3, 0.4, 0.5, 0.6)
SECOND_LABEL = (0.25, 0.4, 1.01)
MIN_SCORES = tuple(round(x, 2) for x in np.arange(0.0, 0.91, 0.02))
BINS = tuple(round(x, 1) for x in np.arange(0.0, 1.01, 0.1))


def calibration_half(article_id: str) -> bool:
    """Validation articles used to fit the calibration (the rest measure it)."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) // 5 % 2 == 0


def raw_candidates(model: runtime.TechniqueModel, articles: list[data.Labelled], outputs: dict, run_threshold: float) -> list[tuple]:
    """``(article, start, end, p_span, label_probs)`` for every candidate span."""
    found = []
    for art in articles:
        out = outputs[art.id]
        for s, e, p_span in runtime.candidates(out, art.text, run_threshold):
            found.append((art, s, e, p_span, model.span_probs(out, art.text, s, e)))
    return found


def labelled(cands: list[tuple], second: float) -> list[tuple]:
    """``(article, technique, start, end, p_span, p_label)`` with the second label where it is likely enough."""
    rows = []
    for art, s, e, p_span, probs in cands:
        order = np.argsort(-probs)
        for rank, k in enumerate(order[:2]):
            if rank == 0 or probs[k] >= second:
                rows.append((art, TECHNIQUES[k], s, e, p_span, float(probs[k])))
    return rows


def is_right(row: tuple) -> bool:
    """A technique span is right when it overlaps a gold span of the same technique."""
    art, tech, s, e = row[:4]
    return any(t == tech and gs < e and s < ge for t, gs, ge in art.spans)


def fit_calibration(rows: list[tuple]) -> list[float]:
    from sklearn.linear_model import LogisticRegression

    x = np.array([[runtime._logit(r[4]), runtime._logit(r[5])] for r in rows])
    y = np.array([is_right(r) for r in rows])
    if len(set(y)) < 2:
        return [1.0, 1.0, 0.0]
    lr = LogisticRegression(C=10.0).fit(x, y)
    return [float(lr.coef_[0][0]), float(lr.coef_[0][1]), float(lr.intercept_[0])]


def si_f1(rows: list[tuple], articles: list[data.Labelled], scores: np.ndarray, threshold: float) -> float:
    pred: dict[str, list] = {}
    for row, score in zip(rows, scores):
        if score >= threshold:
            pred.setdefault(row[0].id, []).append(row[2:4])
    gold = {a.id: [(s, e) for _, s, e in a.spans] for a in articles}
    return scorer.span_identification(pred, gold)["f1"]


def reliability(rows: list[tuple], scores: np.ndarray) -> list[dict]:
    """Share of right spans per score bin."""
    table = []
    for lo, hi in zip(BINS[:-1], BINS[1:]):
        inside = [is_right(r) for r, s in zip(rows, scores) if lo <= s < hi or (hi == 1.0 and s == 1.0)]
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "spans": len(inside), "right": round(float(np.mean(inside)), 3) if inside else None})
    return table


def choose_lexical_weight(model: runtime.TechniqueModel, articles: list[data.Labelled], outputs: dict, log=print) -> float:
    """The mix of neural and lexical span probabilities with the best TC micro-F1 on validation."""
    if model.lexical is None:
        return 0.0
    gold = [t for a in articles for t, _, _ in a.spans]
    best = (-1.0, 0.0)
    for mix in LEXICAL_WEIGHTS:
        model.config["lexical_weight"] = mix
        pred = [TECHNIQUES[int(np.argmax(model.span_probs(outputs[a.id], a.text, s, e)))] for a in articles for _, s, e in a.spans]
        f1 = scorer.technique_classification(pred, gold)["f1"]
        log(f"lexical_weight {mix}: TC micro-F1 {f1:.4f}")
        best = max(best, (f1, mix))
    model.config["lexical_weight"] = best[1]
    return best[1]


def tune(folder: Path, validation: list[data.Labelled], log=print) -> dict:
    """Choose run threshold, second-label threshold, calibration and default min score."""
    best = None
    (folder / "config.json").write_text(json.dumps({"run_threshold": 0.5, "second_label": 1.01, "calibration": [1, 1, 0]}))
    model = runtime.TechniqueModel(folder)
    outputs = {a.id: model.token_outputs(a.text) for a in validation}
    mix = choose_lexical_weight(model, validation, outputs, log)
    for run_t in RUN_THRESHOLDS:
        cands = raw_candidates(model, validation, outputs, run_t)
        for second in SECOND_LABEL:
            rows = labelled(cands, second)
            calib = fit_calibration([r for r in rows if calibration_half(r[0].id)])
            scores = np.array([runtime.calibrate({"calibration": calib}, r[4], r[5]) for r in rows])
            f1, min_score = max((si_f1(rows, validation, scores, t), t) for t in MIN_SCORES)
            log(f"run_threshold {run_t} second_label {second}: SI F1 {f1:.4f} at min score {min_score}")
            if best is None or f1 > best[0]:
                held = [i for i, r in enumerate(rows) if not calibration_half(r[0].id)]
                table = reliability([rows[i] for i in held], scores[held])
                best = (f1, {"lexical_weight": mix, "run_threshold": run_t, "second_label": second, "calibration": calib, "default_min_score": float(min_score), "reliability": table})
    return best[1]
