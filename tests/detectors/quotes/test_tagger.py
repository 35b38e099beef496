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


def test_the_accurate_setting_blends_the_quotes_with_the_tagger():
    from spinscope import engine
    from spinscope.model import Article

    text = "Senator Ruiz answered by using the example of Ohio to show that the tax cut had failed."
    content = text.index("that the tax cut")
    speakers, models = {}, {}
    for accurate in (False, True):
        opts = engine.options(detectors="quotes", accurate=accurate)
        assert (opts.model_paths.get("quotes") == str(tagger.DEFAULT_TAGGER)) is accurate
        (analysis,) = engine.analyze_many([Article(id="a", text=text)], options=opts)
        speakers[accurate] = [(s.attrs["speaker"] or {}).get("text") for s in analysis.spans if s.kind == "quote" and s.start == content]
        models[accurate] = sorted(m.name for m in analysis.models if m.name.startswith("spinscope/quotes"))
    assert speakers == {False: [None], True: ["Senator Ruiz"]}
    assert models == {False: ["spinscope/quotes-scorer"], True: ["spinscope/quotes-scorer", "spinscope/quotes-tagger"]}


def test_a_folder_that_is_not_a_tagger_is_named_in_the_warning(tmp_path):
    from spinscope import engine
    from spinscope.model import Article

    opts = engine.options(detectors="quotes", models={"quotes": str(tmp_path)})
    (analysis,) = engine.analyze_many([Article(id="a", text="The minister said that taxes would rise.")], options=opts)
    assert not analysis.spans
    (warning,) = analysis.warnings
    assert warning.code == "E303" and "E302" in warning.reason and "not a quotes tagger folder" in warning.reason and str(tmp_path) in warning.reason
