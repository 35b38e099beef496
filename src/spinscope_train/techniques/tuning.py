"""Set the decoding knobs of a trained model on the validation split.

The validation articles are split once more by id parity of their hash: the
score calibration (Platt scaling) is fitted on one half and the reliability
table is read off the other half, so the table is not measured on the data
that fitted it.  Thresholds are chosen for the best span-identification F1
on the whole validation split, in two stages: the candidate-span knobs
(seed and extension thresholds, gap, minimum length) by the SI F1 of all
candidates, then for the best few of those the second-label threshold, the
calibration and the default minimum score.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from spinscope.detectors.techniques import runtime
from spinscope.detectors.techniques.labels import TECHNIQUES
from spinscope_train.techniques import data, scorer

RUN_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
SEED_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
INNER_THRESHOLDS = (None, 0.5, 0.6)
TECHNIQUE_INNER_THRESHOLDS = (None, 0.4, 0.5, 0.6)
SI_TOLERANCE = 0.005
GAPS = (0, 1, 2)
MIN_TOKENS = (1, 2)
KEEP_DECODINGS = 4
LEXICAL_WEIGHTS = (0.0, 0.3, 0.4, 0.5, 0.6)
SECOND_LABEL = (0.25, 0.4, 1.01)
MIN_SCORES = tuple(round(x, 2) for x in np.arange(0.0, 0.91, 0.02))
BINS = tuple(round(x, 1) for x in np.arange(0.0, 1.01, 0.1))


def calibration_half(article_id: str) -> bool:
    """Validation articles used to fit the calibration (the rest measure it)."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) // 5 % 2 == 0


def raw_candidates(model: runtime.TechniqueModel, articles: list[data.Labelled], outputs: dict, decoding: dict, cache: dict | None = None) -> list[tuple]:
    """``(article, start, end, p_span, label_probs)`` for every candidate span (``decoding``: see :func:`runtime.decoding`)."""
    cache = {} if cache is None else cache
    found = []
    for art in articles:
        out = outputs[art.id]
        for s, e, p_span in runtime.spans_to_label(out, art.text, **decoding):
            key = (art.id, s, e)
            if key not in cache:
                cache[key] = model.span_probs(out, art.text, s, e)
            found.append((art, s, e, p_span, cache[key]))
    return found


def decodings() -> list[dict]:
    """Every candidate-span setting searched: plain runs, and runs seeded by a higher threshold."""
    grid = []
    for run_t in RUN_THRESHOLDS:
        for seed in (None,) + tuple(t for t in SEED_THRESHOLDS if t > run_t):
            for gap in GAPS:
                for min_tokens in MIN_TOKENS:
                    grid.append({"threshold": run_t, "seed": seed, "gap": gap, "min_tokens": min_tokens, "inner": None, "technique_inner": None})
    return grid


def best_decodings(articles: list[data.Labelled], outputs: dict, log=print) -> list[dict]:
    """The ``KEEP_DECODINGS`` settings whose unfiltered candidates give the best SI F1."""
    gold = {a.id: [(s, e) for _, s, e in a.spans] for a in articles}
    ranked = []
    for setting in decodings():
        pred = {a.id: [(s, e) for s, e, _ in runtime.spans_to_label(outputs[a.id], a.text, **setting)] for a in articles}
        ranked.append((scorer.span_identification(pred, gold)["f1"], len(ranked), setting))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    for f1, _, setting in ranked[:KEEP_DECODINGS]:
        log(f"candidates {setting}: SI F1 {f1:.4f} before filtering")
    return [setting for _, _, setting in ranked[:KEEP_DECODINGS]]


def as_config(decoding: dict) -> dict:
    """A decoding setting in ``config.json``'s keys (read back by :func:`runtime.decoding`)."""
    return {
        "run_threshold": decoding["threshold"],
        "seed_threshold": decoding["seed"],
        "gap_tokens": decoding["gap"],
        "min_tokens": decoding["min_tokens"],
        "inner_threshold": decoding["inner"],
        "technique_inner_threshold": decoding["technique_inner"],
    }


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


def calibration_features(row: tuple) -> list[float]:
    """What the score is calibrated on: span and label logits, span length, and the technique."""
    tech, s, e, p_span, p_label = row[1:6]
    return [runtime._logit(p_span), runtime._logit(p_label), float(np.log1p(e - s))] + [float(tech == t) for t in TECHNIQUES]


def fit_calibration(rows: list[tuple]) -> dict:
    """Platt scaling extended by span length and a per-technique offset (each technique is right
    at its own rate: a Loaded_Language span more often than a Doubt span of the same logits)."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([calibration_features(r) for r in rows])
    y = np.array([is_right(r) for r in rows])
    if len(set(y)) < 2:
        return {"calibration": [1.0, 1.0, 0.0]}
    lr = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    w = [float(v) for v in lr.coef_[0]]
    return {
        "calibration": [w[0], w[1], float(lr.intercept_[0])],
        "calibration_length": w[2],
        "calibration_technique": dict(zip(TECHNIQUES, w[3:])),
    }


def calibrated(calib: dict, rows: list[tuple]) -> np.ndarray:
    return np.array([runtime.calibrate(calib, r[4], r[5], r[1], r[3] - r[2]) for r in rows])


def kept(rows: list[tuple], scores: np.ndarray, threshold: float) -> dict[str, list]:
    """``(technique, start, end)`` of the rows scored at least ``threshold``, per article id."""
    pred: dict[str, list] = {}
    for row, score in zip(rows, scores):
        if score >= threshold:
            pred.setdefault(row[0].id, []).append((row[1], row[2], row[3]))
    return pred


def si_f1(rows: list[tuple], articles: list[data.Labelled], scores: np.ndarray, threshold: float) -> float:
    pred = {aid: [(s, e) for _, s, e in found] for aid, found in kept(rows, scores, threshold).items()}
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


def span_technique_f1(rows: list[tuple], articles: list[data.Labelled], scores: np.ndarray, threshold: float) -> float:
    return scorer.span_technique(kept(rows, scores, threshold), {a.id: a.spans for a in articles})["f1"]


def tune(folder: Path, validation: list[data.Labelled], log=print, members: list[str] | None = None) -> dict:
    """Choose the decoding knobs, second-label threshold, calibration and default min score.

    ``members``: the member folders of an ensemble (see :mod:`.runtime`),
    written into the config first so the ensemble is what gets tuned.

    The best SI F1 wins; settings within ``SI_TOLERANCE`` of it are told
    apart by span + technique F1 (that is what nested runs improve).
    """
    trials = []
    kept_keys = {"members": list(members)} if members else {}
    (folder / "config.json").write_text(json.dumps({"run_threshold": 0.5, "second_label": 1.01, "calibration": [1, 1, 0], **kept_keys}))
    model = runtime.TechniqueModel(folder)
    outputs = {a.id: model.token_outputs(a.text) for a in validation}
    mix = choose_lexical_weight(model, validation, outputs, log)
    cache: dict = {}
    for setting in best_decodings(validation, outputs, log):
        for inner in INNER_THRESHOLDS:
            if inner is not None and inner <= setting["threshold"]:
                continue
            for technique_inner in TECHNIQUE_INNER_THRESHOLDS:
                setting = {**setting, "inner": inner, "technique_inner": technique_inner}
                cands = raw_candidates(model, validation, outputs, setting, cache)
                for second in SECOND_LABEL:
                    trials.append(_trial(validation, cands, setting, second, log))
    top = max(t["si"] for t in trials)
    best = max((t for t in trials if t["si"] >= top - SI_TOLERANCE), key=lambda t: (t["st"], t["si"]))
    log(f"chosen: {best['config']} (SI F1 {best['si']:.4f}, span + technique F1 {best['st']:.4f})")
    return {**kept_keys, "lexical_weight": mix, **best["config"]}


def _trial(validation: list[data.Labelled], cands: list[tuple], setting: dict, second: float, log) -> dict:
    """Calibration, min score and scores of one decoding setting."""
    rows = labelled(cands, second)
    calib = fit_calibration([r for r in rows if calibration_half(r[0].id)])
    scores = calibrated(calib, rows)
    f1, min_score = max((si_f1(rows, validation, scores, t), t) for t in MIN_SCORES)
    st = span_technique_f1(rows, validation, scores, min_score)
    log(f"{setting} second_label {second}: SI F1 {f1:.4f}, span + technique F1 {st:.4f} at min score {min_score}")
    held = [i for i, r in enumerate(rows) if not calibration_half(r[0].id)]
    table = reliability([rows[i] for i in held], scores[held])
    config = {**as_config(setting), "second_label": second, **calib, "default_min_score": float(min_score), "reliability": table}
    return {"si": f1, "st": st, "config": config}
