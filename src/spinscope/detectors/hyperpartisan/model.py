"""Loading the shipped hyperpartisan model, scoring articles with it and saying why.

The model (``models/hyperpartisan/MODEL_CARD.md``) is one logistic regression over the article's
words (TF-IDF) and the evidence figures of :mod:`.features`, saved with joblib (a pickle): load
only files from a source you trust, such as the one shipped in ``spinscope/models/hyperpartisan/``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from spinscope.detectors import saved_models
from spinscope.detectors.hyperpartisan import features

NAME = "spinscope/hyperpartisan"
DEFAULT = Path(__file__).resolve().parents[2] / "models" / "hyperpartisan"
PARTS = ("tfidf", "scaler", "clf", "text_weight", "features", "threshold")

# The training publishers' names for themselves, masked in the text the model reads, so that it
# learns how an article is written, not which of seven sites printed it.
SELF_NAMES = re.compile(
    r"\b(?:Breitbart(?: News)?(?: Network| Daily)?|Western Journal(?:ism)?|Conservative Tribune|Huff(?:ington)? ?Post|HuffPollster|"
    r"New York Times|NYT|Washington Post|Politico|POLITICO|USA TODAY|USA Today)\b"
)


def mask(text: str) -> str:
    """The text with the training publishers' own names replaced by ``the outlet``."""
    return SELF_NAMES.sub("the outlet", text)


def model_file(path: str | Path | None = None) -> Path:
    """The ``model.joblib`` inside a model folder (or the file itself)."""
    return saved_models.model_file(DEFAULT, path)


@functools.lru_cache(maxsize=4)
def load(path: str | None = None) -> dict:
    return saved_models.load_joblib(NAME, model_file(path), check=_check)


def _check(bundle) -> None:
    if not isinstance(bundle, dict) or not set(PARTS) <= set(bundle):
        raise ValueError("not a hyperpartisan model: it lacks " + ", ".join(p for p in PARTS if p not in (bundle if isinstance(bundle, dict) else {})))
    if list(bundle["features"]) != list(features.NAMES):
        raise ValueError("its evidence figures differ from this spinscope's: retrain it with `spinscope train hyperpartisan`")


def inputs(bundle: dict, texts: list[str], figs: list[dict]):
    """The classifier's input rows: the weighted TF-IDF block beside the standardised evidence."""
    import numpy as np
    from scipy import sparse

    words = bundle["tfidf"].transform([mask(t) for t in texts]) * float(bundle["text_weight"])
    dense = bundle["scaler"].transform(np.array([features.vector(f) for f in figs]))
    return sparse.hstack([words, sparse.csr_matrix(dense)]).tocsr()


def probabilities(bundle: dict, texts: list[str], figs: list[dict]) -> list[float]:
    """Per article, the probability that it is hyperpartisan."""
    return [float(p) for p in bundle["clf"].predict_proba(inputs(bundle, texts, figs))[:, 1]]


def explain(bundle: dict, text: str, figs: dict, top: int = 4) -> dict:
    """The probability and what moved it: each evidence figure's and the words' share of the decision.

    ``evidence``: the figures that pushed most, each ``{name, value, weight, says}`` (``weight``: its
    term in the log-odds against an average training article; positive pushes towards hyperpartisan).
    ``words``: the words' summed term and the terms present that pushed most each way."""
    import numpy as np

    X = inputs(bundle, [text], [figs])
    clf = bundle["clf"]
    coef = clf.coef_[0]
    row = X.toarray()[0]
    n_words = len(bundle["tfidf"].vocabulary_)
    terms = coef[:n_words] * row[:n_words]
    dense = coef[n_words:] * row[n_words:]
    vocabulary = saved_models.vocabulary(bundle["tfidf"])
    order = np.argsort(-np.abs(dense), kind="stable")
    evidence = [
        {"name": features.NAMES[i], "value": round(float(figs[features.NAMES[i]]), 4), "weight": round(float(dense[i]), 4), "says": features.DESCRIPTIONS[features.NAMES[i]]}
        for i in order[:top]
        if abs(dense[i]) >= 0.05
    ]
    present = np.flatnonzero(terms)
    towards = [t for t in (str(vocabulary[i]) for i in present[np.argsort(-terms[present], kind="stable")] if terms[i] > 0) if saved_models.telling(t)][:top]
    against = [t for t in (str(vocabulary[i]) for i in present[np.argsort(terms[present], kind="stable")] if terms[i] < 0) if saved_models.telling(t)][:top]
    probability = float(clf.predict_proba(X)[0, 1])
    return {
        "probability": round(probability, 4),
        "evidence": evidence,
        "words": {"weight": round(float(terms.sum()), 4), "towards": towards, "against": against},
    }
