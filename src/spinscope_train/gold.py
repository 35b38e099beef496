"""Scoring a detector's spans on a team's own gold: the claim or quote spans of a corrections file
(``spinscope import ... -o FILE``), for ``evaluate claims --gold`` and ``evaluate quotes --gold``.

Each article of the file is analysed again (its text exactly, as exported), and the detector's spans
of the kind are matched one to one with the gold spans of the kind: **exact** (same start and end)
and **overlap** (overlap over union at least 0.5, the PolNeAR quote scorer's match,
:func:`spinscope_train.quotes.evaluate.match`); a matched pair with the same label counts towards
``label_accuracy``.
"""

from __future__ import annotations

from pathlib import Path


def score(corrections_path: Path, kind: str, detectors: tuple[str, ...]) -> dict:
    from spinscope import engine
    from spinscope.exchange import corrections
    from spinscope.model import Article
    from spinscope_train.quotes.evaluate import match

    documents = corrections.read(corrections_path)
    analyses = {a.id: a for a in engine.analyze_many([Article(id=d.id, text=d.text) for d in documents], detectors=list(detectors))}
    exact = overlap = same_label = n_pred = n_gold = 0
    for doc in documents:
        gold = sorted((m.start, m.end, m.label) for m in doc.marks if m.kind == kind)
        pred = sorted((s.start, s.end, s.label) for s in analyses[doc.id].spans if s.kind == kind)
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
        exact += len({(s, e) for s, e, _ in pred} & {(s, e) for s, e, _ in gold})
        pairs = match([(s, e) for s, e, _ in pred], [(s, e) for s, e, _ in gold])
        overlap += len(pairs)
        same_label += sum(1 for i, j in pairs if pred[i][2] == gold[j][2])
    return {
        "gold": str(corrections_path),
        "kind": kind,
        "articles": len(documents),
        "predicted": n_pred,
        "gold_spans": n_gold,
        "exact": _prf(exact, n_pred, n_gold),
        "overlap": _prf(overlap, n_pred, n_gold),
        "label_accuracy": round(same_label / overlap, 4) if overlap else None,
    }


def _prf(hits: int, n_pred: int, n_gold: int) -> dict:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
