"""One contract every registered detector must keep: the shipped ``check_detector`` (like scikit-learn's
check_estimator), run with real upstream spans, and shown to catch a detector that breaks it."""

from __future__ import annotations

import pytest

from spinscope import detectors as registry
from spinscope.detectors.base import BaseDetector, Findings
from spinscope.detectors.check import check_detector
from spinscope.model import Span


@pytest.mark.parametrize("name", registry.names())
def test_contract_every_registered_detector_keeps_it(name):
    check_detector(registry.get(name))


def test_contract_span_readers_get_real_upstream_spans():
    """The check runs what a detector requires first: propaganda is handed real technique spans."""
    seen = []

    class Reader(BaseDetector):
        name, kind, version = "reader-check", "reader", "1"
        requires = frozenset({"spans.technique"})
        assigns = frozenset({"profile.reader"})

        def detect(self, doc, article, spans=None, ran=None):
            seen.append((sorted({s.kind for s in spans or []}), "techniques" in (ran or ())))
            return Findings(profile={"reader": len(spans or [])})

    check_detector(Reader)
    assert seen and all(ran for _, ran in seen)
    assert any(kinds == ["quote", "technique"] or kinds == ["technique"] for kinds, _ in seen), seen


class _Base(BaseDetector):
    name, kind, version = "broken-check", "test", "1"
    assigns = frozenset({"spans.test"})

    def detect(self, doc, article):
        return Findings(spans=[Span(start=0, end=1, kind="test", label="x", score=0.5)])


@pytest.mark.parametrize(
    "change, complaint",
    [
        ({"detect": lambda self, doc, article: Findings(spans=[Span(start=0, end=len(article.text) + 3, kind="test", label="x", score=0.5)])}, "outside the text"),
        ({"detect": lambda self, doc, article: Findings(profile={"secret": 1})}, "does not declare"),
        ({"detect": lambda self, doc, article: Findings(spans=[Span(start=0, end=1, kind="other", label="x", score=0.5)])}, "has kind"),
        ({"labels": frozenset({"y"})}, "undeclared label"),
        ({"requires": frozenset({"spans.nothing-gives-this"})}, "no registered detector assigns"),
        ({"requires": frozenset({"doc.no_such_value"})}, "no shared value"),
        ({"assigns": frozenset({"somewhere.else"})}, "is not one of"),
        ({"default_min_score": 1.5}, "outside [0, 1]"),
    ],
)
def test_contract_check_catches_a_broken_detector(change, complaint):
    broken = type("Broken", (_Base,), change)
    with pytest.raises(AssertionError, match=complaint.replace("[", r"\[").replace("]", r"\]")):
        check_detector(broken)


def test_contract_check_catches_a_nondeterministic_detector():
    import itertools

    counter = itertools.count()

    class Drifting(_Base):
        def detect(self, doc, article):
            return Findings(spans=[Span(start=0, end=1, kind="test", label="x", score=round(0.1 + (next(counter) % 2) * 0.5, 1))])

    with pytest.raises(AssertionError, match="different findings"):
        check_detector(Drifting)
