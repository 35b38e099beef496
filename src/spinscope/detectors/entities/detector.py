"""Named entities from spaCy's pipeline: people, organisations, places, nationalities."""

from __future__ import annotations

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.model import Span

# spaCy label -> spinscope label
LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "FAC": "FAC",
    "EVENT": "EVENT",
}


class EntitiesDetector(BaseDetector):
    """Spans of kind ``entity``; the score is 1.0 since spaCy's NER gives no probability."""

    name = "entities"
    version = "1"
    kind = "entity"
    labels = frozenset(LABELS.values())
    default_min_score = 0.0
    assigns = frozenset({"spans.entity"})

    def detect(self, doc, article) -> Findings:
        spans = []
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = _trim(article.text, ent.start_char, ent.end_char)
            if end > start:
                spans.append(Span(start=start, end=end, kind=self.kind, label=label, score=1.0))
        return Findings(spans=spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading "the" and surrounding whitespace/punctuation from an entity's span."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    return start, end
