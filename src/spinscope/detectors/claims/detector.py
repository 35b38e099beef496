"""Spans of kind ``claim``: every sentence scored for check-worthiness, with its source and quantities.

``attrs.attributed`` is true when a source stands behind the sentence that a reader could ask:
a named person or body, an unnamed one ("a senior official"), a document, or the author.  A
crowd or an impersonal voice ("experts say", "many believe") keeps its words in ``attrs.source``
with ``source_type`` ``vague`` but does not make the claim attributed."""

from __future__ import annotations

import functools
import unicodedata

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.detectors.claims import attribution, features, quantities
from spinscope.model import ModelInfo, Span

# Sources that no reader can hold to account: a claim they stand behind is not attributed ("Experts say …")
UNACCOUNTABLE = frozenset({"vague", "none"})


@functools.lru_cache(maxsize=1)
def _shipped_threshold() -> float:
    """The shipped model's F1-maximising threshold (a small JSON read; the model itself loads later)."""
    from spinscope.detectors.claims.model import read_config

    try:
        return float(read_config()["threshold"])
    except (OSError, KeyError, ValueError):
        return 0.5


class ClaimsDetector(BaseDetector):
    """Check-worthy claims.  ``score`` is the probability that the sentence is a check-worthy factual claim."""

    name = "claims"
    version = "1"
    kind = "claim"
    labels = frozenset({"check_worthy"})
    default_min_score = _shipped_threshold()
    requires = frozenset({"spans.quote", "doc.actor_clusters"})
    assigns = frozenset({"spans.claim"})
    # Runs after the quotes detector and is told which detectors run: when the actors or
    # quotes detector does, a source is linked to its actor (``attrs.actor``) through the
    # shared actor clustering, which it reads only then (it costs about a tenth of the parse).

    def detect(self, doc, article, spans=None, ran=None) -> Findings:
        model = self._model()
        sents = attribution.claim_units(doc)
        if not sents:
            return Findings()
        tags = [features.tag_string(s) for s in sents] if model.uses_linear else None
        scores = model.score([s.text.strip() for s in sents], tags)
        from spinscope.detectors.source_types import classify, hedged

        text = article.text
        actors = _actors(doc, ran)
        found = []
        for sent, source, score in zip(sents, attribution.sources(sents), scores):
            trimmed = _trim(text, sent.start_char, sent.end_char)
            if trimmed is None:
                continue
            start, end = trimmed
            actor = _source_actor(actors, doc, source)
            source_type = classify(doc, *(source or (None, None)), actor_type=actors.type_of(actor) if actors is not None else None)
            if source is None and hedged(sent):
                source_type = "vague"  # "They are reportedly holed up …", "It has been reported that …"
            attrs = {
                "attributed": source is not None and source_type not in UNACCOUNTABLE,
                "source": None if source is None else {"start": source[0], "end": source[1], "text": text[source[0] : source[1]]},
                "actor": actor,
                "source_type": source_type,
                "quantities": quantities.quantities(sent),
            }
            found.append(Span(start=start, end=end, kind=self.kind, label="check_worthy", score=round(float(score), 4), attrs=attrs))
        return Findings(spans=found)

    def models(self) -> list[ModelInfo]:
        from spinscope.detectors.claims.model import NAME, TRANSFORMER_NAME

        model = self._model()
        if model.scores_all:
            return [ModelInfo(name=model.name, version=model.version)]
        found = [ModelInfo(name=NAME, version=model.version)]
        if model.cascade:
            found.append(ModelInfo(name=TRANSFORMER_NAME, version=model.version))
        return found

    def _model(self):
        if "_loaded" not in self.__dict__:
            from spinscope.detectors.claims import model

            self._loaded = model.load(self.model_path)
            self.default_min_score = self._loaded.threshold
        return self._loaded


ACTOR_DETECTORS = frozenset({"actors", "quotes"})


def _actors(doc, ran):
    """The article's actor clustering when a detector that names actors runs too (it is computed
    once per parse and shared), else None: the clustering costs about a tenth of the parse."""
    if not ran or not ACTOR_DETECTORS & set(ran):
        return None
    from spinscope.detectors.actors.resolve import cluster

    return cluster(doc)


def _source_actor(actors, doc, source: tuple[int, int] | None) -> str | None:
    """The id of the actor whose mention heads the source ("Reznikov", "the minister", "he"), or None.

    A "he"/"she" source gets the person the actors' clustering resolved it to (24 of 25 sampled
    on PolNeAR dev right).  Only the head word counts, so "his aides" or "a document on the
    Trump campaign's website" link to nobody."""
    if actors is None or source is None:
        return None
    span = doc.char_span(source[0], source[1], alignment_mode="expand")
    if span is None:
        return None
    return actors.actor_at(span.root.i)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A sentence's span without the spaces, no-break spaces and zero-width characters at its edges;
    None when nothing is left."""
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    return (start, end) if end > start else None


def _blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"
