"""Training: fit the model on the training splits, pick the F1-maximising threshold, write scores.

Run with ``spinscope train claims --data $SPINSCOPE_DATA/claims --out DIR``.
Single-threaded on purpose: the machine it runs on is shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from spinscope.detectors.claims import features
from spinscope.detectors.claims.model import ClaimModel
from spinscope_train.claims import data, evaluate

C = 0.5  # chosen on a split inside the training data (see MODEL_CARD.md)
CHECKTHAT_WEIGHT = 0.3  # debate lines count less than ClaimBuster sentences (see MODEL_CARD.md)
VERSION = "1"


def fit(lines: list[data.Line], tags: list[str], seed: int = 13) -> ClaimModel:
    """Fit IDF and a class-balanced, sample-weighted logistic regression on ``lines``; threshold left at 0.5."""
    from sklearn.linear_model import LogisticRegression

    raw = features.counts([x.text for x in lines], tags)
    idf = features.idf(raw)
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=seed)
    weights = [1.0 if x.group in ("claimbuster", "corrections") else CHECKTHAT_WEIGHT for x in lines]  # a team's gold counts in full
    clf.fit(features.weigh(raw, idf), [x.label for x in lines], sample_weight=weights)
    return ClaimModel(idf, clf.coef_[0].astype(np.float32), float(clf.intercept_[0]), 0.5, VERSION)


def train(folder: Path, out: Path, seed: int = 13, corrections: Path | None = None) -> dict:
    """Train on ClaimBuster's and CheckThat!'s training splits (and a team's corrected articles,
    :func:`data.from_corrections`), save to ``out``, return the validation scores."""
    cb_train, cb_valid = data.claimbuster(folder)
    ct_train, ct_valid = data.checkthat_split(folder)
    debates = data.checkthat(folder)
    corrected = data.from_corrections(corrections) if corrections is not None else []
    everything = cb_train + cb_valid + [x for debate in debates.values() for x in debate] + corrected
    tags = dict(zip((x.id for x in everything), evaluate.tag_lines(everything)))
    lines = cb_train + [x for debate in ct_train.values() for x in debate] + corrected
    model = fit(lines, [tags[x.id] for x in lines], seed)
    cb_scores = model.score([x.text for x in cb_valid], [tags[x.id] for x in cb_valid])
    model.threshold = evaluate.best_threshold([x.label for x in cb_valid], cb_scores)
    scores = evaluate.report(model, cb_valid, ct_valid, tags=tags)
    scores["cv_map_leave_debates_out"] = cross_validated_map(cb_train, debates, tags, seed)
    trained_on = {"claimbuster": len(cb_train), "checkthat_lines": len(lines) - len(cb_train) - len(corrected)}
    if corrected:
        trained_on |= {"corrections": str(corrections), "corrected_sentences": len(corrected), "corrected_claims": sum(x.label for x in corrected)}
    model.save(out, {"trained_on": trained_on})
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return scores


def cross_validated_map(cb_train: list[data.Line], debates: dict, tags: dict, seed: int, folds: int = 4) -> float:
    """MAP over all debates, each scored by a model trained without its fold of debates."""
    names = sorted(debates)
    aps = []
    for k in range(folds):
        held = names[k::folds]
        lines = cb_train + [x for n in names if n not in held for x in debates[n]]
        model = fit(lines, [tags[x.id] for x in lines], seed)
        aps += evaluate.debate_aps(model, {n: debates[n] for n in held}, tags).values()
    return round(float(np.mean(aps)), 4)
