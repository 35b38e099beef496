"""Tone on hand-made sentences."""

from __future__ import annotations

import pytest

from spinscope import nlp
from spinscope.detectors.tone.detector import ToneDetector
from spinscope.detectors.tone.lexicons import EMOTIONS
from spinscope.model import Article

ANGRY = "I am furious and disgusted with these corrupt liars! They should be ashamed of their hateful attacks."
CALM = "The committee met on Tuesday.\n\n  The weather was lovely and everyone enjoyed a wonderful, happy lunch.\nThe meeting ended at noon."


def _tone(text: str) -> dict:
    doc = next(nlp.pipe([text]))
    return ToneDetector().detect(doc, Article(text=text)).profile["tone"]


def test_tone_angry_text_scores_anger_and_negative():
    tone = _tone(ANGRY)
    assert tone["emotions"]["anger"] > 0
    assert tone["emotions"]["disgust"] > 0
    assert tone["compound_mean"] < -0.5
    assert tone["negative_share"] == 1.0 and tone["positive_share"] == 0.0


def test_tone_calm_text_scores_joy_not_anger():
    tone = _tone(CALM)
    assert tone["emotions"]["joy"] > 0
    assert tone["emotions"]["anger"] == 0
    assert tone["compound_mean"] > 0
    assert set(tone["emotions"]) == set(EMOTIONS)


def test_tone_charged_sentences_offsets_inside_text():
    tone = _tone(CALM)
    charged = tone["charged"]
    assert 1 <= len(charged) <= 3
    assert abs(charged[0]["score"]) >= abs(charged[-1]["score"])
    for item in charged:
        assert 0 <= item["start"] < item["end"] <= len(CALM)
        piece = CALM[item["start"] : item["end"]]
        assert piece == piece.strip() and piece
    assert CALM[charged[0]["start"] : charged[0]["end"]].startswith("The weather was lovely")


def test_tone_emotions_per_thousand_words():
    text = "Anger anger anger. Table table table table table table table."
    tone = _tone(text)
    # 3 of 10 words are "anger" (NRC: anger); per 1,000 words -> 300
    assert tone["emotions"]["anger"] == pytest.approx(300.0)


def test_tone_empty_of_words():
    tone = _tone("...")
    assert tone["sentences"] == 0 and tone["compound_mean"] is None and tone["charged"] == []
    assert all(v == 0.0 for v in tone["emotions"].values())
