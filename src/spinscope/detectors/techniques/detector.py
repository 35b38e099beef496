"""Propaganda techniques as spans of kind ``technique``, one of the 14 PTC labels each."""

from __future__ import annotations

import functools
from pathlib import Path

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.detectors.techniques.labels import TECHNIQUES
from spinscope.model import ModelInfo, Span

MODEL_NAME = "spinscope/techniques-minilm-l6"
MODEL_VERSION = "5"
# the best validation SI F1 threshold of the shipped default model (config.json "default_min_score"; a test keeps them
# equal); a detector with another model takes that model's own once it has loaded it
DEFAULT_MIN_SCORE = 0.06


@functools.lru_cache(maxsize=4)
def _model(path: str | None):
    from spinscope.detectors.techniques.runtime import TechniqueModel
    from spinscope.errors import PipelineError

    model = TechniqueModel(path)
    try:
        model.session()
    except Exception as exc:  # a missing or broken checkpoint: say which and why
        raise PipelineError("E302", name=MODEL_NAME, path=str(model.path), detail=str(exc)) from exc
    return model


class TechniquesDetector(BaseDetector):
    """Finds technique spans with a fine-tuned MiniLM model (ONNX Runtime, int8); the accurate setting averages two.

    ``score`` is a calibrated probability that the span overlaps a span of
    the same technique in PTC-style annotation.  Spans of different
    techniques may overlap.  ``attrs.voice`` is ``"author"``, or ``"quoted"``
    when the span lies in a quote or in what a third party is reported to
    have called someone, with ``speaker`` (and ``actor``, the speaker's actor
    id, when the quotes detector knows it).
    """

    name = "techniques"
    version = "2"
    kind = "technique"
    labels = frozenset(TECHNIQUES)
    default_min_score = DEFAULT_MIN_SCORE
    requires = frozenset({"spans.quote"})
    assigns = frozenset({"spans.technique"})
    # quote spans tell the author's techniques from the ones the article quotes (attrs.voice)

    def detect(self, doc, article, spans=None, ran=None) -> Findings:
        from spinscope.detectors.techniques.voice import another_voice, voice_of

        model = self._model()
        quotes = [s for s in spans or [] if s.kind == "quote" and another_voice(s, doc)]
        found = [Span(start=s, end=e, kind=self.kind, label=tech, score=round(score, 4), attrs=voice_of(s, e, quotes, doc).attrs()) for tech, s, e, score in model.predict(article.text) if e > s]
        return Findings(spans=found)

    def _model(self):
        model = _model(str(Path(self.model_path).resolve()) if self.model_path else None)
        self.default_min_score = float(model.config.get("default_min_score", DEFAULT_MIN_SCORE))
        return model

    def models(self) -> list[ModelInfo]:
        setting = self._model().config.get("setting")
        return [ModelInfo(name=MODEL_NAME, version=f"{MODEL_VERSION}-{setting}" if setting else MODEL_VERSION)]
