"""Propaganda density on hand-made technique spans."""

from __future__ import annotations

import pytest

from spinscope import nlp
from spinscope.detectors.propaganda import detector as prop
from spinscope.model import Article, Span

TEXT = "They are traitors and cowards. Only we can save the nation. Make it great again now."


def _span(start, end, label, kind="technique"):
    return Span(start=start, end=end, kind=kind, label=label, score=0.9)


@pytest.fixture(scope="module")
def parsed():
    return Article(text=TEXT), next(nlp.pipe([TEXT]))


def test_propaganda_density_exact_numbers(parsed):
    article, doc = parsed
    words = prop.count_words(doc)
    assert words == 16
    spans = [
        _span(9, 17, "Name_Calling,Labeling"),
        _span(9, 29, "Loaded_Language"),  # overlaps the first: union counts once
        _span(22, 29, "Name_Calling,Labeling"),
        _span(60, 82, "Slogans"),
        _span(0, 4, "PERSON", kind="entity"),  # not a technique: ignored
    ]
    found = prop.PropagandaDetector().detect(doc, article, spans=spans)
    p = found.profile["propaganda"]
    assert found.spans == []
    assert p["techniques"] == 4
    assert p["per_1000_words"] == 250.0
    assert p["char_share"] == round((20 + 22) / len(TEXT), 4)
    assert p["counts"] == {"Loaded_Language": 1, "Name_Calling,Labeling": 2, "Slogans": 1}
    assert p["top"] == ["Name_Calling,Labeling", "Loaded_Language", "Slogans"]
    assert p["level"] == "high"


def test_propaganda_omitted_without_technique_detector(parsed):
    article, doc = parsed
    assert prop.PropagandaDetector().detect(doc, article).profile == {}


def test_propaganda_omitted_when_spans_hold_no_technique(parsed):
    article, doc = parsed
    entity = [_span(0, 4, "PERSON", kind="entity")]
    assert prop.PropagandaDetector().detect(doc, article, spans=entity).profile == {}
    assert prop.PropagandaDetector().detect(doc, article, spans=entity, ran={"entities"}).profile == {}


def test_propaganda_zero_when_detector_ran_and_found_nothing(parsed):
    article, doc = parsed
    p = prop.PropagandaDetector().detect(doc, article, spans=[], ran={"techniques"}).profile["propaganda"]
    assert p["techniques"] == 0 and p["char_share"] == 0.0 and p["top"] == [] and p["level"] == "low"


def test_propaganda_covered_union_of_nested_and_touching():
    spans = [_span(0, 10, "Doubt"), _span(2, 5, "Doubt"), _span(10, 12, "Doubt"), _span(20, 21, "Doubt")]
    assert prop.covered(spans) == 13


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.0, "low"), (prop.LOW_BELOW - 0.01, "low"), (prop.LOW_BELOW, "medium"), (prop.HIGH_FROM - 0.01, "medium"), (prop.HIGH_FROM, "high")],
)
def test_propaganda_level_thresholds(value, expected):
    assert prop.level(value) == expected


def test_propaganda_gold_percentiles_of_ptc(shared_data):
    from spinscope_train.propaganda import thresholds

    values = thresholds.article_densities(shared_data / "ptc2020")
    assert len(values) == 371
    assert thresholds.thresholds(values) == (11.03, 20.49)  # the reference figures in docs/profile.md


def test_propaganda_thresholds_match_the_shipped_detector_on_ptc(shared_data):
    from spinscope_train.propaganda import thresholds

    values = thresholds.detected_densities(shared_data / "ptc2020")
    assert len(values) == 90
    assert thresholds.thresholds(values) == (prop.LOW_BELOW, prop.HIGH_FROM)
