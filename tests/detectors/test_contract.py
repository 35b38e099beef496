"""One contract every registered detector must keep (like scikit-learn's check_estimator)."""

from __future__ import annotations

import json

import pytest

from spinscope import detectors as registry
from spinscope import nlp
from spinscope.detectors.base import Findings
from spinscope.model import Article

TEXTS = [
    "Leaders meet in Geneva\n\nPresident Maria Lopez met Chancellor Olaf Brandt in Geneva on Tuesday, officials said. "
    "These corrupt traitors will destroy our great nation! According to the U.N., 40 civilians died.\n",
    "Emoji 😀 and combining e\u0301 marks: \u201cThe invaders are monsters,\u201d he said.\r\nNext line.\n",
    "x",
]


@pytest.fixture(scope="module")
def parsed():
    return [(Article(text=t, id=f"t{i}"), doc) for i, (t, doc) in enumerate(zip(TEXTS, nlp.pipe(TEXTS)))]


@pytest.mark.parametrize("name", registry.names())
def test_contract_detector_declares_itself(name):
    cls = registry.get(name)
    assert cls.name == name
    assert cls.kind and isinstance(cls.version, str)
    assert 0.0 <= cls.default_min_score <= 1.0
    det = cls()
    assert isinstance(det, registry.Detector)


@pytest.mark.parametrize("name", registry.names())
def test_contract_spans_in_bounds_labelled_and_json_safe(name, parsed):
    det = registry.get(name)()
    for article, doc in parsed:
        found = det.detect(doc, article)
        assert isinstance(found, Findings)
        for span in found.spans:
            assert 0 <= span.start < span.end <= len(article.text), span
            assert article.text[span.start : span.end].strip(), span
            assert span.kind == det.kind
            if det.labels is not None:
                assert span.label in det.labels
            json.dumps(span.attrs)
        json.dumps(found.profile)


@pytest.mark.parametrize("name", registry.names())
def test_contract_output_is_deterministic(name, parsed):
    article, doc = parsed[0]
    first = registry.get(name)().detect(doc, article)
    second = registry.get(name)().detect(doc, article)
    assert first.spans == second.spans and first.profile == second.profile
