"""Quotes: hand-made articles covering direct, indirect, unattributed and pronoun-speaker quotes."""

from __future__ import annotations

import pytest

from spinscope import nlp
from spinscope.detectors.quotes.detector import QuotesDetector
from spinscope.detectors.quotes.marks import quote_spans
from spinscope.model import Article


def _quotes(text: str):
    found = QuotesDetector().detect(nlp.load()(text), Article(text=text))
    for span in found.spans:
        assert 0 <= span.start < span.end <= len(text)
        for key in ("speaker", "cue"):
            ref = span.attrs[key]
            if ref is not None:
                assert text[ref["start"]:ref["end"]] == ref["text"]
    return found.spans


def _covering(spans, text, piece):
    start = text.index(piece)
    return [s for s in spans if s.start <= start and start + len(piece) <= s.end]


def test_quotes_marks_pair_curly_straight_and_paragraphs():
    text = 'He said: “First part.\n\n“Second part.” Then "a straight one here," he said. A “scare” word. "Unclosed\n\nNext.'
    found = [text[s:e] for s, e in quote_spans(text)]
    assert found == ["“First part.\n\n“Second part.”", '"a straight one here,"', "“scare”"]


def test_quotes_direct_curly_with_speaker_after():
    text = "“We will not back down from this fight,” Senator Jane Morris said on Tuesday."
    (q,) = _quotes(text)
    assert q.label == "direct" and q.attrs["direct"] is True
    assert text[q.start:q.end] == "“We will not back down from this fight,”"
    assert "Morris" in q.attrs["speaker"]["text"]
    assert q.attrs["cue"]["text"] == "said"


def test_quotes_direct_straight_quote_across_paragraphs():
    text = 'The mayor spoke first. Mayor Tom Hale said: "The budget is broken beyond repair.\n\n"We need a new plan for the city now."\n'
    spans = [s for s in _quotes(text) if s.label == "direct"]
    assert len(spans) == 1
    assert "broken" in text[spans[0].start:spans[0].end] and "new plan" in text[spans[0].start:spans[0].end]
    assert spans[0].attrs["speaker"]["text"].endswith("Hale")


def test_quotes_indirect_said_that():
    text = "Pompeo said that the strike was a lawful act of self-defence."
    (q,) = _quotes(text)
    assert q.label == "indirect"
    assert text[q.start:q.end] == "that the strike was a lawful act of self-defence"
    assert q.attrs["speaker"]["text"] == "Pompeo"


def test_quotes_according_to_officials():
    text = "According to officials, 40 civilians were killed in the attack last week."
    (q,) = _quotes(text)
    assert q.label == "indirect"
    assert text[q.start:q.end] == "40 civilians were killed in the attack last week"
    assert q.attrs["speaker"]["text"] == "officials"
    assert q.attrs["cue"]["text"] == "According to"


def test_quotes_without_speaker_keep_null_speaker():
    text = "The banner outside read: “No more wars for profit and no more lies.”"
    spans = _quotes(text)
    assert len(spans) == 1 and spans[0].label == "direct"
    assert spans[0].attrs["speaker"] is None and spans[0].attrs["actor"] is None


def test_quotes_he_said_resolves_to_named_actor():
    text = ("John Kerry arrived in Geneva on Monday. "
            "“The talks have been productive and we are close to a deal,” he said.")
    (q,) = [s for s in _quotes(text) if s.label == "direct"]
    assert q.attrs["speaker"]["text"] == "he"
    assert q.attrs["actor"] == "john-kerry"


def test_quotes_split_by_attribution_is_one_quote():
    text = "“We were ready for this moment,” Smith said. “Nobody else was ready for it.”"
    spans = _quotes(text)
    assert len(spans) == 1
    assert spans[0].start == 0 and spans[0].end == len(text)


def test_quotes_short_scare_quotes_are_not_quotes():
    assert _quotes("The so-called “experts” were wrong again.") == []


@pytest.mark.parametrize("text", ["", "No quotes here at all.", "“", "”Closing first“"])
def test_quotes_odd_inputs_do_not_fail(text):
    if text:
        assert isinstance(_quotes(text), list)
    else:
        assert quote_spans(text) == []
