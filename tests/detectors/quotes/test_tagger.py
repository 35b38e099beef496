"""The attribution tagger shipped beside the quote rules: its outputs and how the detector uses them."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope import nlp
from spinscope.detectors.quotes import tagger

pytestmark = pytest.mark.skipif(tagger.shipped() is None, reason="the attribution tagger is not installed")

TEXT = "The minister said on Monday that the government would raise fuel taxes next year.\n\nPrices rose sharply in the capital, where thousands of people live on low wages.\n"


def test_tagger_reads_the_content_of_reported_speech_not_plain_narration():
    model, _, _ = tagger.shipped()
    tagged = model.tag(TEXT)
    assert tagged.probs.shape == (len(tagged.enc.ids), len(tagger.OUTPUTS))
    content = tagged.chars(tagger.OUTPUTS.index("content"), len(TEXT))
    said = TEXT.index("the government would")
    narration = TEXT.index("Prices rose")
    assert content[said : said + 20].mean() > 0.5
    assert content[narration : narration + 40].mean() < 0.3
    source = tagged.chars(tagger.OUTPUTS.index("source"), len(TEXT))
    assert source[TEXT.index("minister")] > 0.5


def test_tagger_outputs_depend_on_the_text_alone():
    model, _, _ = tagger.shipped()
    long_text = TEXT * 12  # several overlapping windows
    first = model.tag(long_text).probs
    assert np.array_equal(first, model.tag(long_text).probs)
    assert np.array_equal(model.tag(TEXT).probs, tagger.Tagger().tag(TEXT).probs)


def test_blend_features_and_scores():
    model, blend, _ = tagger.shipped()
    tagged = model.tag(TEXT)
    start = TEXT.index("that the government")
    end = TEXT.index(".\n")
    good = tagger.span_features(tagged, start, end, 0.5)
    bad = tagger.span_features(tagged, TEXT.index("Prices"), TEXT.index("capital") + 7, 0.5)
    assert len(good) == len(tagger.BLEND_FEATURES) == len(blend.weights)
    assert blend.score(good) > blend.threshold > blend.score(bad)


def test_detector_reports_the_blended_quote_with_its_speaker():
    from spinscope.detectors.quotes.detector import find

    doc = nlp.load()(TEXT)
    found = find(doc, tagger=True)
    assert any(TEXT[q.start : q.end].startswith("that the government would raise fuel taxes") and TEXT[q.speaker[0] : q.speaker[1]] == "The minister" for q in found)
    assert not any(q.start >= TEXT.index("Prices") for q in found)


def test_a_quote_the_parse_leaves_without_a_speaker_takes_the_taggers_source():
    from spinscope.detectors.quotes.detector import find

    text = "Senator Ruiz answered by using the example of Ohio to show that the tax cut had failed."
    doc = nlp.load()(text)
    content = text.index("that the tax cut")
    assert [q.speaker for q in find(doc, tagger=False) if q.start == content] == [None]
    (q,) = [q for q in find(doc, tagger=True) if q.start == content]
    assert text[q.speaker[0] : q.speaker[1]] == "Senator Ruiz" and doc[q.speaker_token].text in ("Senator", "Ruiz")
