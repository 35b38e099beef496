"""API fixtures: an app client and a fast test-only technique detector (no model to load)."""

from __future__ import annotations

import re

import pytest

from spinscope import detectors as registry
from spinscope.detectors.base import BaseDetector, Findings
from spinscope.model import Span

WORDS = {"traitors": ("Name_Calling,Labeling", 0.9), "corrupt traitors": ("Loaded_Language", 0.4)}


class FakeTechniques(BaseDetector):
    """Marks fixed phrases as techniques: 'traitors' (0.9) and the overlapping 'corrupt traitors' (0.4)."""

    name, kind, version = "fake-techniques", "technique", "1"
    labels = frozenset(label for label, _ in WORDS.values())

    def detect(self, doc, article):
        spans = []
        for phrase, (label, score) in WORDS.items():
            for m in re.finditer(re.escape(phrase), article.text):
                spans.append(Span(start=m.start(), end=m.end(), kind="technique", label=label, score=score))
        return Findings(spans=spans)


@pytest.fixture
def fake_techniques():
    registry.register(FakeTechniques)
    yield FakeTechniques.name
    registry._REGISTRY.pop(FakeTechniques.name, None)


@pytest.fixture
def make_client():
    from fastapi.testclient import TestClient

    from spinscope.api import ApiSettings, create_app

    def make(**settings):
        return TestClient(create_app(ApiSettings(**settings)), raise_server_exceptions=False)

    return make


@pytest.fixture
def client(make_client):
    return make_client()
