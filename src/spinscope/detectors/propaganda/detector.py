"""Propaganda density from the ``technique`` spans of the technique detector.

The detector reads the technique spans (``requires``) and adds one
``propaganda`` key to the profile.  When no technique detector ran there is
nothing to measure, so the key is left out rather than reported as zero.
The spans alone cannot tell "the technique detector found nothing" from "it
did not run"; unless the caller says which detectors ran (``ran=``), an
article without any technique span gets no ``propaganda`` key either.
"""

from __future__ import annotations

from collections import Counter

from spinscope.detectors.base import BaseDetector, Findings

TECHNIQUE_KIND = "technique"
TECHNIQUE_DETECTOR = "techniques"

# Techniques per 1,000 words that the shipped technique detector finds in the 90
# unlabelled PTC-2020 test articles: low below the 33rd percentile, high from the
# 67th.  Recompute with ``python -m spinscope_train.propaganda.thresholds``
# after a new technique model is shipped; docs/profile.md explains.
LOW_BELOW = 5.89
HIGH_FROM = 21.78


class PropagandaDetector(BaseDetector):
    """Adds ``propaganda`` (density, share of text, counts and level) to the profile.

    The figures count the author's techniques; those inside quoted or reported speech
    (``attrs.voice == "quoted"``) are counted beside them, under ``quoted``."""

    name = "propaganda"
    version = "1"
    kind = "profile"
    labels = frozenset()
    default_min_score = 0.0
    requires = frozenset({"spans.technique"})
    assigns = frozenset({"profile.propaganda"})

    def detect(self, doc, article, spans=None, ran=None) -> Findings:
        if spans is None:
            return Findings()
        techniques = [s for s in spans if s.kind == TECHNIQUE_KIND]
        measured = TECHNIQUE_DETECTOR in ran if ran is not None else bool(techniques)
        if not measured:
            return Findings()
        words = count_words(doc)
        author = [s for s in techniques if (s.attrs or {}).get("voice") != "quoted"]
        quoted = [s for s in techniques if (s.attrs or {}).get("voice") == "quoted"]
        figures = density(author, len(article.text), words)
        figures["quoted"] = {
            "techniques": len(quoted),
            "per_1000_words": round(1000.0 * len(quoted) / words, 2) if words else 0.0,
            "counts": dict(sorted(Counter(s.label for s in quoted).items())),
        }
        return Findings(profile={"propaganda": figures})


def count_words(doc) -> int:
    """Words as the profile counts them: tokens that are neither punctuation nor space."""
    return sum(1 for t in doc if not (t.is_punct or t.is_space))


def density(spans, length: int, words: int) -> dict:
    """Density figures for technique spans in a text of ``length`` characters and ``words`` words."""
    counts = Counter(s.label for s in spans)
    per_1000 = 1000.0 * len(spans) / words if words else 0.0
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "techniques": len(spans),
        "per_1000_words": round(per_1000, 2),
        "char_share": round(covered(spans) / length, 4) if length else 0.0,
        "counts": dict(sorted(counts.items())),
        "top": [name for name, _ in ranked[:3]],
        "level": level(per_1000),
    }


def covered(spans) -> int:
    """Characters inside at least one span (the length of the union of the intervals)."""
    total, reach = 0, 0
    for start, end in sorted((s.start, s.end) for s in spans):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total


def level(per_1000: float, low_below: float = LOW_BELOW, high_from: float = HIGH_FROM) -> str:
    """``low``, ``medium`` or ``high`` against the PTC percentile thresholds."""
    if per_1000 < low_below:
        return "low"
    return "medium" if per_1000 < high_from else "high"
