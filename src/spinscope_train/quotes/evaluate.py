"""Scoring quotes against PolNeAR: content-span P/R/F1 and speaker accuracy.

A predicted quote matches a gold one when their overlap over union is at least
0.5; matching is one-to-one (greedy, best overlap first).  Speaker accuracy
counts, among matched quotes with a gold Source, those whose predicted speaker
span overlaps it.  Figures are given for all quotes and for direct and indirect
apart: a matched quote counts under its gold kind, an unmatched prediction
under its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

THRESHOLD = 0.5


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(pred index, gold index)`` with overlap over union >= 0.5."""
    pairs = sorted(((iou(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p, used_g, out = set(), set(), []
    for score, i, j in pairs:
        if score < THRESHOLD:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass
class Tally:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0

    def report(self) -> dict:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_ok / self.speaker_n if self.speaker_n else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "speaker_accuracy": round(acc, 4), "gold": self.n_gold, "predicted": self.n_pred, "matched": self.tp}


@dataclass
class Scores:
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in ("all", "direct", "indirect")})

    def add(self, pred: list, gold: list) -> None:
        """``pred``: objects with start, end, direct, speaker; ``gold``: :class:`GoldQuote`."""
        pairs = match([(p.start, p.end) for p in pred], [(g.start, g.end) for g in gold])
        matched = {i: j for i, j in pairs}
        for kind in ("all", "direct", "indirect"):
            keep = (lambda d: True) if kind == "all" else (lambda d, k=kind: d == (k == "direct"))
            t = self.tallies[kind]
            t.n_gold += sum(keep(g.direct) for g in gold)
            t.n_pred += sum(keep(gold[matched[i]].direct if i in matched else p.direct) for i, p in enumerate(pred))
            for i, j in pairs:
                if keep(gold[j].direct):
                    t.tp += 1
                    if gold[j].source is not None:
                        t.speaker_n += 1
                        t.speaker_ok += overlaps(pred[i].speaker, gold[j].source)

    def report(self) -> dict:
        return {k: t.report() for k, t in self.tallies.items()}


def score_part(root, part: str = "dev", limit: int | None = None, tagger: bool = False) -> dict:
    """Parse a PolNeAR part with the shared pipeline and score the quote rules on it."""
    from spinscope import nlp
    from spinscope.detectors.quotes.detector import find
    from spinscope_train.quotes.data import load

    articles = load(root, part, limit)
    scores = Scores()
    for article, doc in zip(articles, nlp.pipe_batched(a.text for a in articles)):
        scores.add(find(doc, tagger), article.quotes)
    return {"part": part, "articles": len(articles), **scores.report()}
