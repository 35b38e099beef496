"""Emotional tone of an article, from the shared spaCy ``doc``.

Polarity comes from VADER, scored sentence by sentence over spaCy's sentences
(VADER splits a sentence on whitespace itself; its rules for "not", "very" and
capitals need the surface text).  Emotions come from NRC EmoLex looked up by
spaCy lemma (falling back to the lower-cased word), normalised per 1,000 words
so that long and short articles compare.
"""

from __future__ import annotations

from collections import Counter

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.detectors.tone import lexicons

POSITIVE_FROM = 0.05  # VADER's own cut-offs for a positive / negative sentence
NEGATIVE_TO = -0.05
CHARGED = 3


class ToneDetector(BaseDetector):
    """Adds ``tone`` (VADER polarity, NRC emotions per 1,000 words, most charged sentences) to the profile."""

    name = "tone"
    version = "1"
    kind = "profile"
    labels = frozenset()
    default_min_score = 0.0
    assigns = frozenset({"profile.tone"})

    def detect(self, doc, article) -> Findings:
        words = [t for t in doc if not (t.is_punct or t.is_space)]
        scored = sentence_polarity(doc)
        return Findings(profile={"tone": {**polarity(scored), "emotions": emotions(words), "charged": charged(scored)}})

    def models(self):
        from spinscope.model import ModelInfo

        return [ModelInfo(name=name, version=v) for name, v in lexicons.versions().items()]


def sentence_polarity(doc) -> list[tuple[int, int, float]]:
    """``(start, end, compound)`` for each sentence with a word in it, offsets trimmed of whitespace."""
    analyser = lexicons.vader()
    scored = []
    for sent in doc.sents:
        if not any(not (t.is_punct or t.is_space) for t in sent):
            continue
        text = sent.text
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        start = sent.start_char + lead
        scored.append((start, start + len(body), analyser.polarity_scores(body)["compound"]))
    return scored


def polarity(scored: list[tuple[int, int, float]]) -> dict:
    if not scored:
        return {"compound_mean": None, "positive_share": None, "negative_share": None, "sentences": 0}
    n = len(scored)
    return {
        "compound_mean": round(sum(s[2] for s in scored) / n, 4),
        "positive_share": round(sum(1 for s in scored if s[2] >= POSITIVE_FROM) / n, 4),
        "negative_share": round(sum(1 for s in scored if s[2] <= NEGATIVE_TO) / n, 4),
        "sentences": n,
    }


def emotions(words) -> dict[str, float]:
    """Each NRC emotion's word count per 1,000 words."""
    table = lexicons.emolex()
    counts: Counter[str] = Counter()
    for tok in words:
        hit = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
        if hit:
            counts.update(hit)
    n = len(words)
    return {e: round(1000.0 * counts[e] / n, 2) if n else 0.0 for e in lexicons.EMOTIONS}


def charged(scored: list[tuple[int, int, float]], top: int = CHARGED) -> list[dict]:
    """The ``top`` sentences by absolute compound score, strongest first (ties: earlier first)."""
    ranked = sorted(scored, key=lambda s: (-abs(s[2]), s[0]))
    return [{"start": s, "end": e, "score": round(c, 4)} for s, e, c in ranked[:top] if c != 0.0]
