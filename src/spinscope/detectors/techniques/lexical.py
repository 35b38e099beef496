"""A lexical technique classifier for spans: hashed word and character n-grams.

It complements the neural span head (the classical design B of the model
card): the exact words of a slogan, a cliché or a flag-waving phrase are
strong cues.  Features are hashed with CRC32, so training (scikit-learn) and
inference (numpy only) compute them identically without a stored vocabulary.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from spinscope.detectors.techniques import encoding

BITS = 17
WORD = re.compile(r"\w+|[^\w\s]")


def features(text: str, start: int, end: int) -> dict[int, float]:
    """Hashed, l2-normalised n-gram counts of the span, plus the shared extras at fixed slots."""
    span = text[start:end].lower()
    tokens = WORD.findall(span)
    grams = [f"w:{t}" for t in tokens] + [f"b:{a} {b}" for a, b in zip(tokens, tokens[1:])]
    padded = f" {' '.join(tokens)} "
    grams += [f"c:{padded[i : i + n]}" for n in (3, 4, 5) for i in range(max(len(padded) - n + 1, 0))]
    counts: dict[int, float] = {}
    for g in grams:
        key = zlib.crc32(g.encode("utf-8")) & ((1 << BITS) - 1)
        counts[key] = counts.get(key, 0.0) + 1.0
    values = {k: 1.0 + np.log(v) for k, v in counts.items()}
    norm = float(np.sqrt(sum(v * v for v in values.values()))) or 1.0
    result = {k: v / norm for k, v in values.items()}
    extras = encoding.span_extras(text, start, end, len(tokens))
    for i, value in enumerate(extras):
        result[(1 << BITS) + i] = float(value)
    return result


def n_features() -> int:
    return (1 << BITS) + encoding.N_EXTRA


def matrix(rows: list[dict[int, float]]):
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for row in rows:
        indices.extend(row.keys())
        data.extend(row.values())
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), n_features()), dtype=np.float32)


def fit(rows: list[dict[int, float]], labels: list[int], n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression with balanced class weights; returns ``(weight, bias)``."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=5.0, max_iter=1000, class_weight="balanced").fit(matrix(rows), labels)
    weight = np.zeros((n_features(), n_classes), dtype=np.float32)
    bias = np.full(n_classes, -30.0, dtype=np.float32)
    weight[:, clf.classes_] = clf.coef_.T
    bias[clf.classes_] = clf.intercept_
    return weight, bias


def probs(weight: np.ndarray, bias: np.ndarray, row: dict[int, float]) -> np.ndarray:
    """Class probabilities for one span's features."""
    keys = np.fromiter(row.keys(), dtype=np.int64, count=len(row))
    vals = np.fromiter(row.values(), dtype=np.float32, count=len(row))
    z = vals @ weight[keys].astype(np.float32) + bias
    e = np.exp(z - z.max())
    return e / e.sum()


def train_head(articles, out) -> None:
    """Fit on the gold spans of ``articles`` and write ``lexical_head.npz`` into ``out``."""
    from spinscope.detectors.techniques.labels import INDEX, TECHNIQUES

    rows = [features(a.text, s, e) for a in articles for _, s, e in a.spans]
    labels = [INDEX[t] for a in articles for t, _, _ in a.spans]
    weight, bias = fit(rows, labels, len(TECHNIQUES))
    np.savez_compressed(out / "lexical_head.npz", weight=weight.astype(np.float16), bias=bias)
