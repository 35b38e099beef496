"""The ``actors`` detector: merged actors in ``Analysis.actors`` and one ``actor`` span per mention.

It runs after the other detectors (its ``requires``) so that an actor's
portrayal can list the technique, quote and claim spans about it.  The
clustering itself (:mod:`.resolve`) is shared with the quotes detector through
the parsed ``Doc``, so quote spans' ``attrs.actor`` use the same ids.
"""

from __future__ import annotations

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.model import Actor, Span

MENTION_SCORES = {"name": 1.0, "title": 1.0, "demonym": 0.8, "role": 0.7, "pronoun": 0.6}


class ActorsDetector(BaseDetector):
    """People, organisations, countries and groups merged across spellings, with their portrayal."""

    name = "actors"
    version = "1"
    kind = "actor"
    labels = frozenset({"person", "organisation", "country", "group"})
    default_min_score = 0.0
    requires = frozenset({"spans.technique", "spans.quote", "spans.claim", "doc.actor_clusters"})
    assigns = frozenset({"spans.actor", "analysis.actors"})

    @staticmethod
    def stream_stage():
        """One actor naming across a stream: an actor met before keeps its first name and id."""
        from spinscope.detectors.actors.merge import StreamingMerger

        return StreamingMerger()

    def detect(self, doc, article, spans=None, ran=None) -> Findings:
        from spinscope.detectors.actors.portrayal import ArticleIndex, portray
        from spinscope.detectors.actors.resolve import cluster

        resolved = cluster(doc).actors
        index = ArticleIndex([(s.start_char, s.end_char) for s in doc.sents], spans or [], article.text)
        out_spans, actors = [], []
        for a in resolved:
            for m in a.mentions:
                out_spans.append(Span(start=m.start, end=m.end, kind=self.kind, label=a.type, score=MENTION_SCORES.get(m.kind, 0.5), attrs={"actor": a.id, "mention": m.kind}))
            actors.append(Actor(id=a.id, name=a.name, type=a.type, aliases=a.aliases, mentions=sorted((m.start, m.end) for m in a.mentions), portrayal=portray(a, index)))
        return Findings(spans=out_spans, extras={"actors": actors})
