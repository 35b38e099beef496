"""The linear -> transformer cascade: cutoff choice, calibration, and which sentences reach the transformer."""

from __future__ import annotations

import numpy as np

from spinscope.detectors.claims.model import ClaimModel, blend
from spinscope_train.claims import cascade


class FakeTransformer:
    """Records the sentences it is asked about; logit +3 for sentences with a digit, else -3."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def logits(self, texts):
        self.seen += texts
        return np.array([3.0 if any(c.isdigit() for c in t) else -3.0 for t in texts])


def _model(cutoff: float, intercept: float = 0.0) -> ClaimModel:
    from spinscope.detectors.claims import features

    size = features.WORD_FEATURES + features.CHAR_FEATURES + features.TAG_FEATURES
    model = ClaimModel(np.ones(size, dtype=np.float32), np.zeros(size, dtype=np.float32), intercept, 0.5, "test")
    model.cascade = {"cutoff": cutoff, "calibration": [1.0, 0.0, 0.0]}
    model.transformer = FakeTransformer()
    return model


def test_cascade_cutoff_keeps_the_required_recall():
    labels = [1] * 50 + [0] * 50
    probs = np.r_[np.linspace(0.05, 0.95, 50), np.linspace(0.0, 0.5, 50)]
    cut = cascade.cutoff(labels, probs, recall=0.98)
    assert np.mean(probs[:50] >= cut) >= 0.98
    assert cut > 0.05  # not simply zero: the lowest positive may be dropped


def test_cascade_sentences_below_cutoff_keep_their_linear_score():
    model = _model(cutoff=0.9)  # every linear score is 0.5 (zero weights, zero intercept)
    scores = model.score(["Taxes rose 5%.", "Thank you."], ["", ""])
    assert model.transformer.seen == []
    assert np.allclose(scores, 0.5)


def test_cascade_sentences_above_cutoff_get_the_transformer_score():
    model = _model(cutoff=0.4)
    scores = model.score(["Taxes rose 5%.", "Thank you."], ["", ""])
    assert model.transformer.seen == ["Taxes rose 5%.", "Thank you."]
    assert scores[0] > 0.9 and scores[1] < 0.1


def test_cascade_blend_rises_with_either_logit():
    low = blend([1.0, 0.5, 0.0], np.array([0.0]), np.array([0.3]))
    assert blend([1.0, 0.5, 0.0], np.array([1.0]), np.array([0.3])) > low
    assert blend([1.0, 0.5, 0.0], np.array([0.0]), np.array([0.6])) > low


def test_cascade_calibration_without_linear_ignores_it():
    rng = np.random.default_rng(0)
    labels = np.r_[np.ones(40), np.zeros(60)].astype(int)
    logits = labels * 2.0 - 1.0 + rng.normal(0, 1, 100)
    cal = cascade.calibration(labels, logits, rng.uniform(0.1, 0.9, 100), use_linear=False)
    assert cal[1] == 0.0 and cal[0] > 0


def test_student_model_scores_every_sentence_without_the_linear_model(monkeypatch):
    model = _model(cutoff=0.0)
    model.cascade = {"cutoff": None, "calibration": [1.0, 0.0, 0.0]}
    monkeypatch.setattr(model, "linear", lambda *a: (_ for _ in ()).throw(AssertionError("linear model run")))
    assert model.scores_all and not model.uses_linear
    scores = model.score(["Taxes rose 5%.", "Thank you."], None)
    assert model.transformer.seen == ["Taxes rose 5%.", "Thank you."]
    assert scores[0] > 0.9 and scores[1] < 0.1
    assert model.score([], None).shape == (0,)


def test_student_model_with_linear_weight_runs_both():
    model = _model(cutoff=0.0, intercept=-10.0)  # linear probability ~0: pulls every score down
    model.cascade = {"cutoff": None, "calibration": [1.0, 1.0, 0.0]}
    assert model.uses_linear
    scores = model.score(["Taxes rose 5%."], [""])
    assert model.transformer.seen == ["Taxes rose 5%."]
    assert scores[0] < 0.01
