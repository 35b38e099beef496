"""Fit, cross-validate, score and save the hyperpartisan model.

The model: one logistic regression over two blocks of input, each article's

- **words**: TF-IDF over word unigrams and bigrams of the title and text, the training publishers'
  own names masked (:func:`spinscope.detectors.hyperpartisan.model.mask`), scaled by ``text_weight``;
- **evidence**: the figures of :mod:`spinscope.detectors.hyperpartisan.features` (technique
  density, tone, genre, sourcing, punctuation), standardised.

Every publisher weighs the same, and so do the two classes (:func:`weights`).  ``C`` and ``text_weight`` are chosen by leave-one-publisher-out cross-validation on
PolNeAR's training folder and the PTC articles: every fold holds out all of one publisher's articles,
so the figure says how the model reads an outlet it has never seen (the position of every article a
user brings).  The score is the mean over the eight folds of the held-out publisher's accuracy.

The decision threshold is chosen on the same folds' out-of-fold probabilities (:func:`choose_threshold`):
the one with the best accuracy when hyperpartisan articles are ``PRIOR`` of all (37%: SemEval-2019's
by-article set, 238 of 645, as its task paper reports; most news is not hyperpartisan), each class's
recall taken with every publisher weighing the same.

Computing the evidence runs the analysis (quotes, claims, techniques, tone, genre) over every
article, about a second each; the figures are kept in ``OUT/figures.jsonl`` and read back on the
next run with the same spinscope version (``--reuse``).
"""

from __future__ import annotations

import json
from pathlib import Path

from spinscope_train.hyperpartisan import data

C_VALUES = (0.3, 1.0)
TEXT_WEIGHTS = (0.0, 0.3, 0.6, 1.0)  # 0: the evidence alone
THRESHOLD = 0.5  # before a threshold is chosen
PRIOR = 0.37
THRESHOLDS = tuple(round(0.3 + 0.01 * i, 2) for i in range(41))
EVIDENCE_DETECTORS = ("quotes", "claims", "techniques", "tone", "genre")


def figures(examples, cache: Path | None = None, reuse: bool = False) -> dict[str, dict[str, float]]:
    """Article id -> evidence figures, computed by a default-setting analysis of each article."""
    from spinscope import engine
    from spinscope.detectors.hyperpartisan import features
    from spinscope.model import Article
    from spinscope.version import __version__

    known: dict[str, dict] = {}
    if reuse and cache and cache.is_file():
        for line in cache.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("version") == __version__:
                known[row["id"]] = row["figures"]
    todo = [e for e in examples if e.id not in known]
    if todo:
        articles = [Article(id=e.id, text=e.text) for e in todo]
        for analysis in engine.analyze_many(articles, detectors=list(EVIDENCE_DETECTORS)):
            known[analysis.id] = features.compute(analysis.text, analysis.spans, analysis.profile.model_dump())
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("".join(json.dumps({"id": i, "version": __version__, "figures": known[i]}) + "\n" for i in sorted(known)), encoding="utf-8")
    return known


def fit(examples, figs, C: float, text_weight: float, seed: int = 13, group_weight: dict[str, float] | None = None) -> dict:
    """A bundle: the fitted vectoriser, scaler and classifier, and the knobs."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from spinscope.detectors.hyperpartisan import features, model

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True, max_features=30000, strip_accents="unicode")
    tfidf.fit([model.mask(e.text) for e in examples])  # masked as the detector masks it
    tfidf.stop_words_ = None  # the pruned terms: not needed to predict, most of the file
    dense = np.array([features.vector(figs[e.id]) for e in examples])
    scaler = StandardScaler().fit(dense)
    bundle = {"tfidf": tfidf, "scaler": scaler, "text_weight": text_weight, "features": list(features.NAMES), "threshold": THRESHOLD, "C": C, "version": 1}
    X = model.inputs(bundle, [e.text for e in examples], [figs[e.id] for e in examples])
    clf = LogisticRegression(C=C, max_iter=5000, random_state=seed)
    bundle["clf"] = clf.fit(X, [e.label for e in examples], sample_weight=weights(examples, group_weight))
    return bundle


def weights(examples, group_weight: dict[str, float] | None = None) -> list[float]:
    """Sample weights: every publisher weighs the same in total (times ``group_weight[publisher]``, 1 by
    default), and the two classes weigh the same in total, so neither a large publisher nor the class
    with more publishers sets the model's prior."""
    group_weight = group_weight or {}
    sizes: dict[str, int] = {}
    for e in examples:
        sizes[e.publisher] = sizes.get(e.publisher, 0) + 1
    raw = [group_weight.get(e.publisher, 1.0) / sizes[e.publisher] for e in examples]
    totals = {label: sum(w for w, e in zip(raw, examples) if e.label == label) for label in (0, 1)}
    return [w * len(examples) / (2 * totals[e.label]) for w, e in zip(raw, examples)]


def probabilities(bundle: dict, examples, figs) -> list[float]:
    from spinscope.detectors.hyperpartisan import model

    return model.probabilities(bundle, [e.text for e in examples], [figs[e.id] for e in examples])


def accuracy(examples, probs, threshold: float = THRESHOLD) -> dict:
    """Accuracy over the articles and per publisher."""
    right = [int((p >= threshold) == bool(e.label)) for e, p in zip(examples, probs)]
    by: dict[str, list[int]] = {}
    for e, r in zip(examples, right):
        by.setdefault(e.publisher, []).append(r)
    per = {k: round(sum(v) / len(v), 4) for k, v in sorted(by.items())}
    return {"articles": len(examples), "accuracy": round(sum(right) / len(right), 4), "publisher_mean": round(sum(per.values()) / len(per), 4), "per_publisher": per}


def prior_accuracy(examples, probs, threshold: float, prior: float = PRIOR) -> float:
    """``prior`` x recall of hyperpartisan + (1 - ``prior``) x recall of the rest, each recall the mean
    over the class's publishers: the accuracy expected where hyperpartisan articles are ``prior`` of all."""

    def recall(label: int) -> float:
        per = []
        for pub in sorted({e.publisher for e in examples if e.label == label}):
            mine = [p for e, p in zip(examples, probs) if e.publisher == pub]
            per.append(sum((p >= threshold) == bool(label) for p in mine) / len(mine))
        return sum(per) / len(per)

    return round(prior * recall(1) + (1 - prior) * recall(0), 4)


def choose_threshold(examples, probs, prior: float = PRIOR) -> tuple[float, float]:
    """The threshold of :data:`THRESHOLDS` with the best :func:`prior_accuracy`, and that accuracy;
    ties go to the threshold nearest 0.5."""
    scored = {t: prior_accuracy(examples, probs, t, prior) for t in THRESHOLDS}
    best = max(scored, key=lambda t: (scored[t], -abs(t - 0.5)))
    return best, scored[best]


def out_of_fold(examples, figs, C: float, text_weight: float, seed: int = 13, group_weight: dict[str, float] | None = None) -> list[float]:
    """Each article's probability from the model fitted without its publisher."""
    probs = [0.0] * len(examples)
    for publisher in sorted({e.publisher for e in examples}):
        train = [e for e in examples if e.publisher != publisher]
        held = [i for i, e in enumerate(examples) if e.publisher == publisher]
        bundle = fit(train, figs, C, text_weight, seed, group_weight)
        for i, p in zip(held, probabilities(bundle, [examples[i] for i in held], figs)):
            probs[i] = p
    return probs


def leave_publisher_out(examples, figs, C: float, text_weight: float, seed: int = 13, group_weight: dict[str, float] | None = None) -> dict:
    return accuracy(examples, out_of_fold(examples, figs, C, text_weight, seed, group_weight))


def train(root: Path, out: Path, seed: int = 13, reuse: bool = False) -> dict:
    """Choose the knobs by leave-one-publisher-out CV on the training folder, fit on it, score on dev, write the model."""
    import joblib

    train_part, dev = data.load(root, "train") + data.load_ptc(root), data.load(root, "dev")
    figs = figures(train_part + dev, out / "figures.jsonl", reuse)
    oof = {(C, w): out_of_fold(train_part, figs, C, w, seed) for C in C_VALUES for w in TEXT_WEIGHTS}
    grid = {f"C={C} text_weight={w}": (C, w, accuracy(train_part, probs)) for (C, w), probs in oof.items()}
    name = max(grid, key=lambda k: (grid[k][2]["publisher_mean"], -grid[k][1], -grid[k][0]))
    C, weight, cv = grid[name]
    threshold, at_prior = choose_threshold(train_part, oof[(C, weight)])
    bundle = fit(train_part, figs, C, weight, seed)
    bundle["threshold"] = threshold
    result = {
        "data": "PolNeAR train/dev articles, labelled by their publisher's Media Bias/Fact Check bias (sources/mbfc-combined.json), wire copy left out; PTC-2020's 90 unlabelled test articles as hyperpartisan",
        "labels": {**data.labels(root / "sources"), data.PTC: 1},
        "training_articles": {p: sum(1 for e in train_part if e.publisher == p) for p in sorted({e.publisher for e in train_part})},
        "chosen": {"C": C, "text_weight": weight},
        "cross_validation": {"how": "leave one publisher out, on the training folder; score: mean of the held-out publishers' accuracy", **cv},
        "threshold": {
            "chosen": threshold,
            "how": f"best out-of-fold accuracy at a {PRIOR:.0%} hyperpartisan prior, class recalls averaged over publishers",
            "accuracy_at_prior": at_prior,
            "accuracy_at_prior_threshold_0.5": prior_accuracy(train_part, oof[(C, weight)], 0.5),
            "cross_validation_at_threshold": accuracy(train_part, oof[(C, weight)], threshold),
        },
        "grid": {k: v[2]["publisher_mean"] for k, v in grid.items()},
        "dev": accuracy(dev, probabilities(bundle, dev, figs), threshold),
        "dev_at_0.5": accuracy(dev, probabilities(bundle, dev, figs)),
        "evidence_only_dev": accuracy(dev, probabilities(fit(train_part, figs, C, 0.0, seed), dev, figs)),
    }
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, out / "model.joblib", compress=3)
    (out / "scores.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def report(bundle: dict, root: Path) -> dict:
    """The dev figures of a saved model (``evaluate hyperpartisan``)."""
    dev = data.load(root, "dev")
    figs = figures(dev)
    return {"dev": accuracy(dev, probabilities(bundle, dev, figs), float(bundle["threshold"]))}
