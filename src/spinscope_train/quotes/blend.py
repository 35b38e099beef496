"""Mixing the attribution tagger into the candidate scorer: a small logistic regression fitted on the tune part.

Both the candidate scorer and the tagger are fitted on the *fit* part of
PolNeAR ``train`` (:func:`spinscope_train.quotes.tagger.split`); on the
*tune* part, which neither has seen, every scored candidate gets the
features of :func:`spinscope.detectors.quotes.tagger.span_features` and the
label "matches a gold content" (overlap over union >= 0.5).  The cut-off is
the one with the best content F1 of the whole extractor over five article
folds of the tune part, each fold rescored by a blend fitted on the other
four; the shipped blend is then fitted on the whole tune part.  ``dev`` is
never read.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

THRESHOLDS = [round(0.2 + 0.025 * k, 3) for k in range(25)]
FOLDS = 5
C = 1.0
FIT_PART = "train, fit part (int(sha1(name), 16) % 5 != 0)"


def _labels(quotes, gold) -> list[int]:
    from spinscope_train.quotes.evaluate import THRESHOLD, iou

    spans = [(g.start, g.end) for g in gold]
    return [int(max((iou((q.start, q.end), s) for s in spans), default=0.0) >= THRESHOLD) for q in quotes]


def _fit(rows) -> "object":
    from sklearn.linear_model import LogisticRegression

    from spinscope.detectors.quotes.tagger import Blend

    pairs = [(f, y) for quotes, feats, gold in rows for f, y in zip(feats, _labels(quotes, gold)) if f is not None]
    X, y = [f for f, _ in pairs], [y for _, y in pairs]
    model = LogisticRegression(C=C, max_iter=2000).fit(np.array(X), np.array(y))
    return Blend([round(float(w), 5) for w in model.coef_[0]], round(float(model.intercept_[0]), 5), 0.5)


def candidates(doc, tagged, scorer):
    """A document's scored candidates and, for the learned ones, their blend features (None for rule-made ones)."""
    from spinscope.detectors.quotes.rules import scored
    from spinscope.detectors.quotes.tagger import span_features

    quotes = scored(doc, scorer)
    return quotes, [span_features(tagged, q.start, q.end, q.score) if q.learned else None for q in quotes]


def fit_blend(articles, docs, tagged, scorer) -> tuple[object, dict]:
    """The blend and its cut-off for the tune part's ``articles`` (parsed ``docs``, ``tagged`` outputs), and F1 per cut-off."""
    from spinscope.detectors.quotes.rules import assemble, rescore
    from spinscope_train.quotes.evaluate import Scores

    rows = [(*candidates(d, t, scorer), a.quotes) for a, d, t in zip(articles, docs, tagged)]
    scores = {t: Scores() for t in THRESHOLDS}
    for fold in range(FOLDS):
        blend = _fit([r for k, r in enumerate(rows) if k % FOLDS != fold])
        for k in range(fold, len(rows), FOLDS):
            quotes = rescore(rows[k][0], rows[k][1], blend)
            for t in THRESHOLDS:
                scores[t].add(assemble(docs[k], quotes, t), articles[k].quotes)
    f1 = {t: s.report()["all"]["f1"] for t, s in scores.items()}
    blend = _fit(rows)
    blend.threshold = max(f1, key=f1.get)
    return blend, f1


def write(blend, f1: dict, out: Path, record: dict) -> None:
    from spinscope.detectors.quotes.tagger import BLEND_FEATURES

    data = {
        "features": list(BLEND_FEATURES),
        "weights": blend.weights,
        "intercept": blend.intercept,
        "threshold": blend.threshold,
        "trained_on": {**record, "C": C, "cv_f1": {str(t): v for t, v in f1.items()}},
    }
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


TAGGER_FILES = ("model.onnx", "tokenizer.json", "tagger.json")


def train(root: Path, models: Path, epochs: int = 2, threads: int = 2, limit: int | None = None, log=print, reuse: Path | None = None) -> dict:
    """Tagger, candidate scorer and blend, all three, into ``models / "tagger"``; with ``reuse`` (a trained
    tagger's folder), that tagger is copied in and only the scorer and the blend are fitted again."""
    import shutil

    from spinscope import nlp
    from spinscope.detectors.quotes.scorer import Scorer
    from spinscope.detectors.quotes.tagger import Tagger
    from spinscope_train.quotes import learn, tagger
    from spinscope_train.quotes.data import load

    if reuse is None:
        record = tagger.train(root, models / "tagger", epochs=epochs, threads=threads, limit=limit, log=log)
    else:
        missing = [f for f in TAGGER_FILES if not (reuse / f).is_file()]
        if missing:
            raise FileNotFoundError(f"{reuse} is not a trained tagger's folder: it lacks {', '.join(missing)}")
        (models / "tagger").mkdir(parents=True, exist_ok=True)
        for name in TAGGER_FILES:
            if (reuse / name).resolve() != (models / "tagger" / name).resolve():
                shutil.copyfile(reuse / name, models / "tagger" / name)
        record = json.loads((reuse / "tagger.json").read_text(encoding="utf-8"))
    articles = load(root, "train", limit)
    docs = list(nlp.pipe_batched(a.text for a in articles))
    fit_i = [i for i, a in enumerate(articles) if not tagger.is_tune(a.name)]
    tune_i = [i for i, a in enumerate(articles) if tagger.is_tune(a.name)]
    log(f"candidate scorer on {len(fit_i)} fit articles")
    summary = learn.fit_scorer([articles[i] for i in fit_i], [docs[i] for i in fit_i], models / "tagger" / "scorer.json", part=FIT_PART)
    table = json.loads((models / "tagger" / "scorer.json").read_text(encoding="utf-8"))
    scorer = Scorer(table["weights"], table["intercept"], 0.5)
    tagging = Tagger(models / "tagger")
    log(f"blend on {len(tune_i)} tune articles")
    tune = [articles[i] for i in tune_i]
    blend, f1 = fit_blend(tune, [docs[i] for i in tune_i], [tagging.tag(a.text) for a in tune], scorer)
    write(blend, f1, models / "tagger" / "blend.json", record)
    return {"scorer": summary, "tagger": record, "blend_threshold": blend.threshold, "blend_cv_f1": f1[blend.threshold]}
