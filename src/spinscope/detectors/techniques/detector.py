"""Propaganda techniques as spans of kind ``technique``, one of the 14 PTC labels each."""

from __future__ import annotations

import functools
from pathlib import Path

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.detectors.techniques.labels import TECHNIQUES
from spinscope.model import ModelInfo, Span

MODEL_NAME = "spinscope/techniques-minilm-l6"
MODEL_VERSION = "4"
# the best validation SI F1 threshold of the shipped model (config.json "default_min_score"; a test keeps them equal)
DEFAULT_MIN_SCORE = 0.12


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
    """Finds technique spans with fine-tuned MiniLM models (two seeds averaged; ONNX Runtime, int8).

    ``score`` is a calibrated probability that the span overlaps a span of
    the same technique in PTC-style annotation.  Spans of different
    techniques may overlap.
    """

    name = "techniques"
    version = "1"
    kind = "technique"
    labels = frozenset(TECHNIQUES)
    default_min_score = DEFAULT_MIN_SCORE

    def detect(self, doc, article) -> Findings:
        model = _model(str(Path(self.model_path).resolve()) if self.model_path else None)
        spans = [
            Span(start=s, end=e, kind=self.kind, label=tech, score=round(score, 4))
            for tech, s, e, score in model.predict(article.text)
            if e > s
        ]
        return Findings(spans=spans)

    def models(self) -> list[ModelInfo]:
        return [ModelInfo(name=MODEL_NAME, version=MODEL_VERSION)]
