"""Profile counts, readability formulas and boilerplate counts on hand-made text."""

from __future__ import annotations

import pytest

from spinscope import nlp
from spinscope.detectors.profile.detector import ProfileDetector
from spinscope.model import Article, Boilerplate


def _profile(article: Article) -> dict:
    return ProfileDetector().detect(next(nlp.pipe([article.text])), article).profile


def test_profile_readability_matches_flesch_formulas():
    # 10 words, 2 sentences, 10 syllables: FRE = 206.835 - 1.015*5 - 84.6*1; FK = 0.39*5 + 11.8*1 - 15.59
    p = _profile(Article(text="The cat sat on the mat. The dog ran fast."))
    assert (p["words"], p["sentences"], p["paragraphs"]) == (10, 2, 1)
    r = p["readability"]
    assert r["flesch_reading_ease"] == pytest.approx(117.16)
    assert r["flesch_kincaid_grade"] == pytest.approx(-1.84)
    assert r["avg_sentence_length"] == 5.0


def test_profile_boilerplate_counts_by_label():
    blocks = [Boilerplate(label="newsletter", text="Sign up"), Boilerplate(label="menu", text="Home | World"), Boilerplate(label="newsletter", text="Join")]
    p = _profile(Article(text="A short story.", boilerplate=blocks))
    assert p["boilerplate"] == {"menu": 1, "newsletter": 2}
    assert _profile(Article(text="A short story."))["boilerplate"] == {}
