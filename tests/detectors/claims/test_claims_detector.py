"""The claims detector through the public pipeline: one span per sentence, offsets inside the text."""

from __future__ import annotations

import spinscope
from spinscope.detectors.claims.detector import ClaimsDetector
from spinscope.options import Options


def _claims(text: str, min_score: float | None = 0.0):
    result = spinscope.analyze(text, detectors=["claims"], options=Options(min_score=min_score))
    return result, [s for s in result.spans if s.kind == "claim"]


def test_detector_one_sentence_document_gives_one_span():
    text = "  The unemployment rate fell to 3.5 percent in 2019.\n"
    result, spans = _claims(text)
    assert len(spans) == 1
    assert result.text[spans[0].start : spans[0].end] == text.strip()
    assert spans[0].label == "check_worthy"


def test_detector_offsets_inside_text_and_attrs_shape(news_text):
    result, spans = _claims(news_text)
    assert len(spans) >= 3
    for span in spans:
        assert 0 <= span.start < span.end <= len(result.text)
        source = span.attrs["source"]
        assert span.attrs["attributed"] is (source is not None)
        if source:
            assert result.text[source["start"] : source["end"]] == source["text"]
        for q in span.attrs["quantities"]:
            assert span.start <= q["start"] < q["end"] <= span.end
            assert result.text[q["start"] : q["end"]] == q["text"]
    un = [s for s in spans if "United Nations" in result.span_text(s)][0]
    assert un.attrs["source"]["text"] == "the United Nations"


def test_detector_ranks_a_factual_claim_above_small_talk():
    _, spans = _claims("Good evening and thank you all for coming. We spent $4 trillion on defense last year, twice what China spent.\n")
    small_talk, claim = sorted(spans, key=lambda s: s.start)
    assert claim.score > small_talk.score


def test_detector_default_threshold_hides_low_scores():
    _, spans = _claims("Thank you so much. Hello, everybody.", min_score=None)
    assert all(s.score >= ClaimsDetector.default_min_score for s in spans)
    assert 0.0 < ClaimsDetector.default_min_score < 1.0


def test_detector_sentence_scores_the_same_alone_and_inside_an_article():
    """Neighbours never move a sentence's score (a JSONL of single sentences ranks as the articles would)."""
    sentence = "The unemployment rate fell to 3.5 percent in 2019."
    _, alone = _claims(sentence + "\n")
    article = "Thanks, everyone.\n\nOfficials said 40,000 people marched on Sunday. " + sentence + " Nobody knows why.\n"
    result, spans = _claims(article)
    inside = [s for s in spans if result.span_text(s) == sentence]
    assert len(alone) == 1 and len(inside) == 1
    assert inside[0].score == alone[0].score


def test_detector_names_the_shipped_model():
    from spinscope.detectors.claims.model import read_config

    result, _ = _claims("Taxes rose by 5 percent last year.\n")
    names = {m.name: m.version for m in result.models}
    config = read_config()
    assert names.get(config["name"]) == config["version"]


ACTOR_TEXT = (
    "Ukraine's defence minister Oleksii Reznikov spoke in Kyiv on Monday. He said 40,000 soldiers had been trained abroad.\n\n"
    '"We lost 12 tanks," Reznikov added. Russia fired 80 missiles, officials said.'
)


def test_detector_links_a_named_source_to_its_actor_when_actors_run():
    result = spinscope.analyze(ACTOR_TEXT, detectors=["claims", "actors"], options=Options(min_score=0.0))
    ids = {a.id: a.name for a in result.actors}
    by_text = {result.span_text(s)[:8]: s.attrs for s in result.spans if s.kind == "claim"}
    assert ids[by_text['"We lost']["actor"]] == "Oleksii Reznikov"  # "Reznikov", linked to the full name
    assert by_text["He said "]["source"]["text"] == "He"
    assert ids[by_text["He said "]["actor"]] == "Oleksii Reznikov"  # the pronoun, as the actors resolved it
    assert by_text["Russia f"]["actor"] is None  # "officials" names no actor
    quotes_only = spinscope.analyze(ACTOR_TEXT, detectors=["claims", "quotes"], options=Options(min_score=0.0))
    assert [s.attrs["actor"] for s in quotes_only.spans if s.kind == "claim" and s.attrs["source"]] == [by_text["He said "]["actor"], by_text['"We lost']["actor"], None]


def test_detector_names_no_actor_when_no_actor_detector_runs():
    _, spans = _claims(ACTOR_TEXT)
    assert all(s.attrs["actor"] is None for s in spans)
    assert any(s.attrs["source"] for s in spans)
