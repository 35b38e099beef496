"""Train, evaluate and save the genre model (``spinscope train genre`` / ``evaluate genre``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from spinscope_train.genre import data
from spinscope_train.genre.data import GENRES, Example

DATELINE = re.compile(r"^([^\n]*\n\n)[A-Z][A-Z .,'’]{2,40}(?:, [A-Z][A-Za-z .]{1,20})?—")
SHORT_NEWS_CHARS = 700  # the satire pieces' typical length; the check also scores news cut to this


def augment(examples: list[Example]) -> list[Example]:
    """Add a copy of each written satire piece without its wire-style dateline, so that
    the model learns the register, not the one typographic habit of a single outlet."""
    extra = []
    for e in examples:
        if e.source == "satire_train":
            stripped = DATELINE.sub(r"\1", e.text, count=1)
            if stripped != e.text:
                extra.append(Example(e.id + "-nodateline", stripped, e.genre, e.source))
    return examples + extra


POLNEAR_WEIGHT = 0.1  # extra reporting examples from another domain count a tenth each


def fit(examples: list[Example], seed: int = 13):
    from spinscope.detectors.genre.features import build_model

    model = build_model(seed=seed)
    model.fit([e.text for e in examples], [e.genre for e in examples], clf__sample_weight=weights(examples))
    _shrink(model)
    return model


def weights(examples: list[Example]) -> list[float]:
    """Sample weights: each genre weighs the same in total (so both the regression and its
    calibration assume equal priors: satire is rare in the data, not in what users ask
    about), and the PolNeAR articles count :data:`POLNEAR_WEIGHT` each within reporting."""
    raw = [POLNEAR_WEIGHT if e.source.startswith("polnear") else 1.0 for e in examples]
    totals = {g: sum(w for w, e in zip(raw, examples) if e.genre == g) for g in GENRES}
    mean = len(examples) / len(GENRES)
    return [w * mean / totals[e.genre] for w, e in zip(raw, examples)]


def _shrink(model) -> None:
    """Drop the vectorisers' record of pruned terms: not needed to predict, and most of the file."""
    for _, step in model.named_steps["features"].transformer_list:
        if hasattr(step, "stop_words_"):
            step.stop_words_ = None


def scores(model, examples: list[Example]) -> dict:
    """Macro-F1 over the genres present in the gold labels, and F1 per genre."""
    from sklearn.metrics import f1_score

    gold = [e.genre for e in examples]
    pred = list(model.predict([e.text for e in examples]))
    present = [g for g in GENRES if g in gold]
    per_class = f1_score(gold, pred, labels=present, average=None, zero_division=0)
    two = [f for g, f in zip(present, per_class) if g != "satire"]
    return {
        "macro_f1": round(float(per_class.mean()), 4),
        "macro_f1_opinion_reporting": round(float(sum(two) / max(len(two), 1)), 4),
        "per_class_f1": {g: round(float(f), 4) for g, f in zip(present, per_class)},
        "support": {g: gold.count(g) for g in GENRES},
        "predicted": {g: pred.count(g) for g in GENRES},
    }


def satire_accuracy(model, examples: list[Example], news_chars: int | None = None) -> dict:
    """Satire versus not-satire accuracy on the check set (news optionally cut to ``news_chars``)."""
    texts = [e.text if e.genre == "satire" or news_chars is None else _cut(e.text, news_chars) for e in examples]
    pred = model.predict(texts)
    right = [(p == "satire") == (e.genre == "satire") for p, e in zip(pred, examples)]
    satire = [r for r, e in zip(right, examples) if e.genre == "satire"]
    news = [r for r, e in zip(right, examples) if e.genre != "satire"]
    return {
        "accuracy": round(sum(right) / len(right), 4),
        "satire_recall": round(sum(satire) / len(satire), 4),
        "news_kept": round(sum(news) / len(news), 4),
        "n": len(right),
    }


def _cut(text: str, chars: int) -> str:
    """The first ``chars`` characters, ended at a sentence or line boundary."""
    if len(text) <= chars:
        return text
    head = text[:chars]
    end = max(head.rfind(". "), head.rfind("\n"))
    return head[: end + 1] if end > chars // 2 else head


def report(model, data_root: Path, seed: int = 13) -> dict:
    _, validation = data.split(data.semeval(data_root / "semeval2023-en"))
    check = data.satire_check(data_root, seed)
    return {
        "validation": scores(model, validation),
        "satire_check": satire_accuracy(model, check),
        "satire_check_short_news": satire_accuracy(model, check, SHORT_NEWS_CHARS),
        "validation_kept_when_cut": kept_when_cut(model, validation),
    }


BRIEF_CHARS = 600


def kept_when_cut(model, examples: list[Example], chars: int = BRIEF_CHARS) -> dict:
    """The share of articles longer than twice ``chars`` whose predicted genre stays the same when
    only their first ``chars`` characters are read (a brief, or a page cut short): length must not decide."""
    long = [e for e in examples if len(e.text) > 2 * chars]
    full = model.predict([e.text for e in long])
    cut = model.predict([_cut(e.text, chars) for e in long])
    return {"chars": chars, "articles": len(long), "kept": round(float(sum(a == b for a, b in zip(full, cut)) / max(len(long), 1)), 4), "cut_to_satire": int(sum(c == "satire" for c in cut))}


VALIDATION_RULE = "per genre, SemEval article ids ordered by sha1(id).hexdigest(); every 5th from the first is validation"


def train(data_root: Path, out: Path, seed: int = 13, crossval: dict | None = None) -> dict:
    """Fit on the training split, score, save model and ``scores.json`` (with the design's
    cross-validated figures, :func:`.cv.cross_validate`, when given); returns the scores."""
    import sklearn

    examples = augment(data.training_set(data_root, seed))
    model = fit(examples, seed)
    result = report(model, data_root, seed)
    counts = {g: sum(1 for e in examples if e.genre == g) for g in GENRES}
    meta = {"cross_validation": crossval, **result, "training_examples": counts, "seed": seed, "sklearn": sklearn.__version__, "validation_rule": VALIDATION_RULE}
    save(model, out, meta)
    return meta


def save(model, out: Path, meta: dict) -> None:
    import joblib

    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib", compress=3)
    (out / "scores.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
