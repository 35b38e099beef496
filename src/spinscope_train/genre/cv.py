"""Repeated stratified k-fold cross-validation of the genre model over all labelled SemEval articles.

The fixed validation split holds only 6 reporting and 2 satire articles, so one
article more or less right moves its macro-F1 by several points.  The main
figure is therefore cross-validation by article id over all 358 labelled
SemEval-2023 articles: folds stratified by genre, repeated with different
shuffles, reported as mean and standard deviation over folds.  The extra
training data (PolNeAR reporting, project-written satire) is added to every
training fold and never scored, so no fold is scored on an article it was
trained on.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from spinscope_train.genre import data
from spinscope_train.genre.data import GENRES, Example


def folds(examples: list[Example], k: int = 5, repeats: int = 2, seed: int = 13) -> list[tuple[list[Example], list[Example]]]:
    """(training, test) pairs: ``repeats`` shuffles of ``k`` folds stratified by genre."""
    from sklearn.model_selection import RepeatedStratifiedKFold

    ordered = sorted(examples, key=lambda e: e.id)
    labels = [e.genre for e in ordered]
    splitter = RepeatedStratifiedKFold(n_splits=k, n_repeats=repeats, random_state=seed)
    return [([ordered[i] for i in tr], [ordered[i] for i in te]) for tr, te in splitter.split(labels, labels)]


def cross_validate(data_root: Path, seed: int = 13, k: int = 5, repeats: int = 2) -> dict:
    """Fit the shipped design on each training fold (plus the extra data) and score its test fold."""
    from spinscope_train.genre import train

    extra = train.augment(data.extra_training(data_root, seed))
    results = []
    for fold_train, fold_test in folds(data.semeval(data_root / "semeval2023-en"), k, repeats, seed):
        model = train.fit(fold_train + extra, seed)
        results.append(train.scores(model, fold_test))
    return summary(results, k, repeats, seed)


def summary(results: list[dict], k: int, repeats: int, seed: int) -> dict:
    """Mean and standard deviation over folds of each figure in :func:`train.scores`."""

    def stats(values: list[float]) -> dict:
        return {"mean": round(statistics.fmean(values), 4), "sd": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0}

    return {
        "design": f"{repeats} x stratified {k}-fold by article id over all labelled SemEval articles, seed {seed}",
        "folds": len(results),
        "macro_f1": stats([r["macro_f1"] for r in results]),
        "macro_f1_opinion_reporting": stats([r["macro_f1_opinion_reporting"] for r in results]),
        "per_class_f1": {g: stats([r["per_class_f1"].get(g, 0.0) for r in results]) for g in GENRES},
    }
