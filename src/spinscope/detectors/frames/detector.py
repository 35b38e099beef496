"""Frames: which of the 14 SemEval-2023 frames an article uses (economic, morality, security and
defence, political, …), each with a probability, and the chosen set.

A text classifier (TF-IDF word unigrams and bigrams, one logistic regression per frame; see
``models/frames/MODEL_CARD.md``) reads the title and text.  ``profile.frames`` holds ``scores``
(frame -> probability, rounded to four places), ``chosen`` (the frames at or above the model's
threshold, most probable first, at least one), ``threshold`` and ``cues`` (for each chosen frame,
up to three words of the article that raised its score most).
"""

from __future__ import annotations

from spinscope.detectors.base import BaseDetector, Findings


class FramesDetector(BaseDetector):
    """Adds ``frames`` (``scores``, ``chosen``, ``threshold``, ``cues``) to the profile."""

    name = "frames"
    version = "2"
    kind = "profile"
    labels = frozenset()
    default_min_score = 0.0
    assigns = frozenset({"profile.frames"})

    def detect(self, doc, article) -> Findings:
        from spinscope.detectors.frames import model as frames_model
        from spinscope.detectors.genre.detector import model_input

        bundle = frames_model.load(self.model_path)
        text = model_input(article)
        found = frames_model.scores(bundle, [text])[0]
        threshold = float(bundle["threshold"])
        chosen = frames_model.chosen(found, threshold)
        return Findings(profile={"frames": {"scores": {f: round(p, 4) for f, p in found.items()}, "chosen": chosen, "threshold": threshold, "cues": frames_model.cues(bundle, text, chosen)}})

    def models(self):
        from spinscope.detectors.frames.model import NAME
        from spinscope.model import ModelInfo

        return [ModelInfo(name=NAME, version=self.version)]
