"""Design B, kept for comparison: a classical model with no neural encoder.

SI: a logistic regression tags each word as inside/outside a technique span
from hashed features of the word and its neighbours; runs of tagged words
are the spans.  TC: a logistic regression over word and character n-grams
of the span plus the same article-level extras as the neural span head.
Run ``python -m spinscope.detectors.techniques.baseline --data DIR`` to print
its validation scores.
"""

from __future__ import annotations

import argparse
import re

import numpy as np

from spinscope.detectors.techniques import data, encoding, scorer

WORD = re.compile(r"\w+|[^\w\s]")


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def word_features(text: str, toks: list[tuple[int, int]], i: int) -> list[str]:
    """Hashed-feature names for word ``i``: itself, shape, and two neighbours each side."""
    feats = []
    for d in (-2, -1, 0, 1, 2):
        j = i + d
        w = text[toks[j][0] : toks[j][1]].lower() if 0 <= j < len(toks) else "<pad>"
        feats.append(f"w{d}={w}")
    w = text[toks[i][0] : toks[i][1]]
    feats += [f"suf={w[-3:].lower()}", f"cap={w[:1].isupper()}", f"upper={w.isupper() and len(w) > 1}", "bias"]
    return feats


def si_examples(articles: list[data.Labelled]):
    rows, labels, index = [], [], []
    for art in articles:
        toks = words(art.text)
        inside = np.zeros(len(art.text) + 1, dtype=bool)
        for _, s, e in art.spans:
            inside[s:e] = True
        for i, (s, e) in enumerate(toks):
            rows.append(word_features(art.text, toks, i))
            labels.append(bool(inside[s:e].any()))
            index.append((art.id, s, e))
    return rows, np.array(labels), index


def tc_text(art: data.Labelled, s: int, e: int) -> str:
    return art.text[s:e].lower()


def run(ptc) -> dict:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train, validation = data.split(data.load_ptc(ptc))
    hasher = FeatureHasher(n_features=2**20, input_type="string")
    rows, y, _ = si_examples(train)
    tagger = LogisticRegression(C=0.5, max_iter=300).fit(hasher.transform(rows), y)
    rows_v, _, index_v = si_examples(validation)
    p = tagger.predict_proba(hasher.transform(rows_v))[:, 1]
    gold = {a.id: [(s, e) for _, s, e in a.spans] for a in validation}
    best = (0.0, 0.0, {})
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        pred: dict[str, list] = {}
        for (aid, s, e), on in zip(index_v, p >= threshold):
            spans = pred.setdefault(aid, [])
            if on and spans and spans[-1][2]:
                spans[-1] = (spans[-1][0], e, True)
            elif on:
                spans.append((s, e, True))
            elif spans and spans[-1][2]:
                spans[-1] = (spans[-1][0], spans[-1][1], False)
        result = scorer.span_identification({k: [(s, e) for s, e, _ in v] for k, v in pred.items()}, gold)
        if result["f1"] > best[0]:
            best = (result["f1"], threshold, result)
    vec_w = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    vec_c = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True)

    def matrix(arts, fit=False):
        texts = [tc_text(a, s, e) for a in arts for _, s, e in a.spans]
        extras = csr_matrix([encoding.span_extras(a.text, s, e, len(words(a.text[s:e]))) for a in arts for _, s, e in a.spans])
        if fit:
            return hstack([vec_w.fit_transform(texts), vec_c.fit_transform(texts), extras]).tocsr()
        return hstack([vec_w.transform(texts), vec_c.transform(texts), extras]).tocsr()

    clf = LogisticRegression(C=5.0, max_iter=2000, class_weight="balanced")
    clf.fit(matrix(train, fit=True), [t for a in train for t, _, _ in a.spans])
    pred_tc = clf.predict(matrix(validation))
    tc = scorer.technique_classification(pred_tc, [t for a in validation for t, _, _ in a.spans])
    return {"si": best[2], "si_threshold": best[1], "tc": tc}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(data.data_dir() / "ptc2020"))
    result = run(__import__("pathlib").Path(parser.parse_args().data))
    print(
        f"B classical  SI P {result['si']['precision']:.4f} R {result['si']['recall']:.4f} F1 {result['si']['f1']:.4f} (word threshold {result['si_threshold']})  TC micro-F1 {result['tc']['f1']:.4f}"
    )


if __name__ == "__main__":
    main()
