"""Every offset the claims detector returns lies inside the text, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope import nlp
from spinscope.detectors.claims.detector import ClaimsDetector
from spinscope.model import Article

PIECES = [
    "The minister said",
    "40 people died",
    "according to the U.N.",
    '"',
    "\u201c",
    "\u201d",
    ",",
    ".",
    "\n",
    "\n\n",
    " dozens of ",
    "Reuters reported that",
    "$3 billion",
    " he told AFP",
    "in March",
    "  ",
    "\u00e9t\u00e9",
    "!",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
def test_offsets_all_inside_text(pieces):
    text = " ".join(pieces)
    article = Article(text=text)
    found = ClaimsDetector().detect(nlp.load()(text), article)
    for span in found.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        source = span.attrs["source"]
        if source is not None:
            assert 0 <= source["start"] < source["end"] <= len(text)
            assert text[source["start"] : source["end"]] == source["text"]
        for q in span.attrs["quantities"]:
            assert span.start <= q["start"] < q["end"] <= span.end
            assert text[q["start"] : q["end"]] == q["text"]


def test_source_offsets_when_the_subject_lies_before_a_line_break():
    text = ', $3 billion été “ \n The minister said " , $3 billion    ! . \n 40 people died ” ! été .  he told AFP \n  he told AFP $3 billion \n'
    found = ClaimsDetector().detect(nlp.load()(text), Article(text=text))
    for span in found.spans:
        source = span.attrs["source"]
        if source is not None:
            assert 0 <= source["start"] < source["end"] <= len(text)


def test_quote_depth_lookup_equals_a_scan_from_the_paragraph_start():
    import random

    from spinscope.detectors.claims import attribution

    def scanned(text, offset):
        depth = 0
        for ch in text[text.rfind("\n", 0, offset) + 1 : offset]:
            if ch in attribution.OPEN_QUOTES and (ch != '"' or depth == 0):
                depth = 1
            elif ch in attribution.CLOSE_QUOTES:
                depth = 0
        return depth

    rnd = random.Random(0)
    for _ in range(200):
        text = "".join(rnd.choice('ab \n"\u201c\u201d\u00ab\u00bb') for _ in range(60))
        assert [attribution._depth_at(text, i) for i in range(len(text) + 1)] == [scanned(text, i) for i in range(len(text) + 1)]


def test_quantities_are_trimmed_of_white_space_inside_an_entity():
    text = "! \n été $3 billion The minister said in March 40 people died “ , The minister said “ in March    The minister said"
    found = ClaimsDetector().detect(nlp.load()(text), Article(text=text))
    for span in found.spans:
        for q in span.attrs["quantities"]:
            assert span.start <= q["start"] < q["end"] <= span.end
            assert text[q["start"] : q["end"]] == q["text"] == q["text"].strip()
