"""The SemEval-2020 Task 11 measures, written from Da San Martino et al. (2019), section 4.

Spans are ``(start, end)`` character offsets, end exclusive.  For a predicted
span ``s`` and a gold span ``t``, ``C(s, t, h) = |s ∩ t| / h``.  Span
identification (SI) merges overlapping spans within an article first, then

    P = 1/|S| Σ_{s,t} C(s, t, |s|)        R = 1/|T| Σ_{s,t} C(s, t, |t|)

summed over all articles.  Span + technique F1 is the same with credit only
where the labels match (no merging, since spans of different techniques
overlap).  Technique classification (TC) is micro-F1 over gold spans, which
with one prediction per gold span is accuracy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Span = tuple[int, int]
Labelled = tuple[str, int, int]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping (not merely adjacent) spans joined into one, sorted."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _credit(pred: list[Span], gold: list[Span]) -> tuple[float, float]:
    """``(Σ C(s,t,|s|), Σ C(s,t,|t|))`` over all pairs of one article."""
    p = r = 0.0
    for s in pred:
        for t in gold:
            inter = _overlap(s, t)
            if inter:
                p += inter / (s[1] - s[0])
                r += inter / (t[1] - t[0])
    return p, r


def _prf(p_sum: float, n_pred: int, r_sum: float, n_gold: int) -> dict[str, float]:
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": n_pred, "gold": n_gold}


def span_identification(pred: Mapping[str, Iterable[Span]], gold: Mapping[str, Iterable[Span]]) -> dict[str, float]:
    """SI precision, recall and F1 over articles (keys: article ids)."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for aid in set(pred) | set(gold):
        p_spans = merge((s, e) for s, e in pred.get(aid, ()) if e > s)
        g_spans = merge((s, e) for s, e in gold.get(aid, ()) if e > s)
        p, r = _credit(p_spans, g_spans)
        p_sum, r_sum = p_sum + p, r_sum + r
        n_pred, n_gold = n_pred + len(p_spans), n_gold + len(g_spans)
    return _prf(p_sum, n_pred, r_sum, n_gold)


def span_technique(pred: Mapping[str, Iterable[Labelled]], gold: Mapping[str, Iterable[Labelled]], technique: str | None = None) -> dict[str, float]:
    """Partial-credit P/R/F1 where a pair counts only if the techniques match (``technique``: one class only)."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for aid in set(pred) | set(gold):
        preds = [x for x in pred.get(aid, ()) if technique in (None, x[0]) and x[2] > x[1]]
        golds = [x for x in gold.get(aid, ()) if technique in (None, x[0]) and x[2] > x[1]]
        n_pred, n_gold = n_pred + len(preds), n_gold + len(golds)
        for label in {x[0] for x in preds} & {x[0] for x in golds}:
            p, r = _credit([x[1:] for x in preds if x[0] == label], [x[1:] for x in golds if x[0] == label])
            p_sum, r_sum = p_sum + p, r_sum + r
    return _prf(p_sum, n_pred, r_sum, n_gold)


def technique_classification(pred: Iterable[str], gold: Iterable[str]) -> dict[str, float]:
    """Micro-F1 over gold spans; ``pred[i]`` is the technique given to gold span ``i``."""
    pred, gold = list(pred), list(gold)
    if len(pred) != len(gold):
        raise ValueError(f"{len(pred)} predictions for {len(gold)} gold spans")
    right = sum(p == g for p, g in zip(pred, gold))
    return _prf(right, len(pred), right, len(gold))


def per_technique_tc(pred: Iterable[str], gold: Iterable[str], labels: Iterable[str]) -> dict[str, dict[str, float]]:
    """Per-class precision, recall and F1 of a technique classification."""
    pairs = list(zip(pred, gold))
    table = {}
    for label in labels:
        tp = sum(p == g == label for p, g in pairs)
        n_pred = sum(p == label for p, _ in pairs)
        n_gold = sum(g == label for _, g in pairs)
        table[label] = _prf(tp, n_pred, tp, n_gold)
    return table
