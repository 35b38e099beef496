"""Hyperpartisan or not: is the article one-sided, inflammatory, written to rally one side (the
SemEval-2019 Task 4 definition)?

One logistic regression (``models/hyperpartisan/MODEL_CARD.md``) reads the article's words and the
evidence the other detectors found: the author's technique density, tone, the genre model's opinion
probability and how the quotes and claims are sourced (:mod:`.features`).  ``profile.hyperpartisan``
holds ``probability``, ``hyperpartisan`` (the probability at or above ``threshold``), ``evidence``
(the figures that moved the decision most, each with its ``weight`` in the log-odds, positive
towards hyperpartisan) and ``words`` (the words' summed weight and the terms that pushed most each
way).  Without the techniques, quotes, claims, tone or genre detectors in the run the figures they
give count as zero, so a reduced run reads the words and the punctuation only; the evidence says so.
"""

from __future__ import annotations

from spinscope.detectors.base import BaseDetector, Findings


class HyperpartisanDetector(BaseDetector):
    """Adds ``hyperpartisan`` (probability, decision, evidence) to the profile."""

    name = "hyperpartisan"
    version = "1"
    kind = "profile"
    labels = frozenset()
    default_min_score = 0.0
    requires = frozenset({"spans.technique", "spans.quote", "spans.claim", "profile.tone", "profile.genre_scores"})
    assigns = frozenset({"profile.hyperpartisan"})

    def detect(self, doc, article, spans=None, ran=None, profile=None) -> Findings:
        from spinscope.detectors.genre.detector import model_input
        from spinscope.detectors.hyperpartisan import features
        from spinscope.detectors.hyperpartisan import model as hp_model

        bundle = hp_model.load(self.model_path)
        text = model_input(article)
        figures = features.compute(article.text, spans or [], profile or {})
        found = hp_model.explain(bundle, text, figures)
        threshold = float(bundle["threshold"])
        missing = sorted(EVIDENCE_FROM - set(ran or ()))
        return Findings(profile={"hyperpartisan": {**found, "hyperpartisan": found["probability"] >= threshold, "threshold": threshold, **({"not_run": missing} if missing else {})}})

    def models(self):
        from spinscope.detectors.hyperpartisan.model import NAME
        from spinscope.model import ModelInfo

        return [ModelInfo(name=NAME, version=self.version)]


EVIDENCE_FROM = frozenset({"techniques", "quotes", "claims", "tone", "genre"})
