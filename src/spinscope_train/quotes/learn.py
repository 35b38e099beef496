"""Training the candidate scorer on PolNeAR ``train``: logistic regression, cut-off by cross-validation.

A candidate (:mod:`.candidates`) is a positive example when its span matches
a gold content of the article (overlap over union >= 0.5, the evaluation's
criterion).  The cut-off is the one that maximises content F1 of the whole
extractor (direct quotes included) over five article folds of ``train``, each
fold scored by a model fitted on the other four; the shipped weights are then
fitted on all of ``train``.  ``dev`` is never read here.
"""

from __future__ import annotations

import json
from pathlib import Path

C = 0.5  # inverse L2 strength, chosen on train folds
MIN_COUNT = 3  # features seen fewer times in train are dropped
THRESHOLDS = [round(0.25 + 0.025 * i, 3) for i in range(17)]
FOLDS = 5
BEST_VARIANT = True  # of the spans one cue/dependent pair offers, only the closest to the gold is a positive


def examples(doc, gold) -> tuple[list[dict], list[int]]:
    """Features and 0/1 labels of every candidate of one parsed article.

    A candidate is positive when it matches a gold content and no other span
    of the same cue/dependent pair matches it better, so the scorer learns
    which span to choose as well as whether to keep one.
    """
    from spinscope.detectors.quotes.candidates import candidates, features
    from spinscope.detectors.quotes.lexicon import ACCORDING
    from spinscope.detectors.quotes.marks import quote_spans
    from spinscope.detectors.quotes.rules import _inside
    from spinscope_train.quotes.evaluate import THRESHOLD, iou

    marks = quote_spans(doc.text)
    spans = [(g.start, g.end) for g in gold]
    found = [c for c in candidates(doc, lambda pos: _inside(pos, marks)) if c.cue.lower_ != ACCORDING]
    overlap = [max((iou((c.start, c.end), s) for s in spans), default=0.0) for c in found]
    best: dict[tuple[int, int], float] = {}
    for c, o in zip(found, overlap):
        key = (c.cue.i, c.child.i)
        best[key] = max(best.get(key, 0.0), o)
    X = [features(c) for c in found]
    y = [int(o >= THRESHOLD and (not BEST_VARIANT or o >= best[(c.cue.i, c.child.i)] - 1e-9)) for c, o in zip(found, overlap)]
    return X, y


def fit(X: list[dict], y: list[int]) -> dict:
    """A logistic regression as a JSON-ready table: intercept and feature weights."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for x in X for k in x)
    X = [{k: v for k, v in x.items() if counts[k] >= MIN_COUNT} for x in X]
    vec = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(vec.fit_transform(X), y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-4}
    return {"intercept": round(float(model.intercept_[0]), 5), "weights": weights, "threshold": 0.5}


def choose_threshold(articles, docs) -> tuple[float, dict]:
    """The cut-off with the best cross-validated content F1 on ``train``, and F1 per cut-off."""
    from spinscope.detectors.quotes.rules import assemble, scored
    from spinscope.detectors.quotes.scorer import Scorer
    from spinscope_train.quotes.evaluate import Scores

    data = [examples(doc, a.quotes) for a, doc in zip(articles, docs)]
    scores = {t: Scores() for t in THRESHOLDS}
    for fold in range(FOLDS):
        train = [d for i, d in enumerate(data) if i % FOLDS != fold]
        table = fit([x for X, _ in train for x in X], [v for _, y in train for v in y])
        scorer = Scorer(table["weights"], table["intercept"], 0.5)
        for i in range(fold, len(docs), FOLDS):
            candidates = scored(docs[i], scorer)
            for t in THRESHOLDS:
                scores[t].add(assemble(docs[i], candidates, t), articles[i].quotes)
    f1 = {t: s.report()["all"]["f1"] for t, s in scores.items()}
    return max(f1, key=f1.get), f1


def train_scorer(root, out: Path, limit: int | None = None) -> dict:
    """Parse PolNeAR ``train`` and write the fitted scorer JSON to ``out``."""
    from spinscope import nlp
    from spinscope_train.quotes.data import load

    articles = load(root, "train", limit)
    return fit_scorer(articles, list(nlp.pipe_batched(a.text for a in articles)), out)


def fit_scorer(articles, docs, out: Path, part: str = "train") -> dict:
    """Choose the cut-off by cross-validation, fit on all the given articles, write the scorer JSON."""
    threshold, f1 = choose_threshold(articles, docs)
    data = [examples(doc, a.quotes) for a, doc in zip(articles, docs)]
    table = fit([x for X, _ in data for x in X], [v for _, y in data for v in y])
    table["threshold"] = threshold
    table["trained_on"] = {"part": part, "articles": len(articles), "C": C, "min_count": MIN_COUNT, "cv_f1": {str(t): v for t, v in f1.items()}}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return {"threshold": threshold, "cv_f1": f1[threshold], "features": len(table["weights"])}
