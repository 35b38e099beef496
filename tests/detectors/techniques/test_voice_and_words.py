"""Technique spans a reader can trust: whole words, no same-technique clutter, and the author's
techniques told apart from the ones the article quotes or reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spinscope import engine as pipeline
from spinscope.detectors.techniques.runtime import snap, without_repeats

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
# A word, defined here independently of the runtime: letters and digits joined by . - ' ’ (U.S.,
# American-led, America's), or an abbreviation with its last full stop.
WORD = re.compile(r"(?:\w\.){2,}|\w+(?:[.\-'\u2019\u2010\u2011]\w+)*")


def _cut_words(text: str, spans) -> list[str]:
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]
    return [text[s.start : s.end] for s in spans for a, b in words if a < s.start < b or a < s.end < b]


@pytest.fixture(scope="module")
def examples():
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.html"))
    return {p.name: pipeline.analyze(p.read_text(encoding="utf-8")) for p in paths}


def test_no_technique_span_of_the_bundled_examples_starts_or_ends_inside_a_word(examples):
    checked = 0
    for name, analysis in examples.items():
        spans = [s for s in analysis.spans if s.kind == "technique"]
        checked += len(spans)
        assert _cut_words(analysis.text, spans) == [], name
    assert checked > 20


def test_no_span_lies_inside_a_longer_span_of_the_same_technique(examples):
    for name, analysis in examples.items():
        spans = [s for s in analysis.spans if s.kind == "technique"]
        for s in spans:
            assert not any(o.label == s.label and o.start <= s.start and s.end <= o.end and o.end - o.start > s.end - s.start for o in spans), (name, s)


@pytest.mark.parametrize(
    "text, piece, whole",
    [
        ("the U.S. military", "S", "U.S."),
        ("the American-led coalition", "led", "American-led"),
        ("the military-industrial complex", "-industrial", "military-industrial"),
        ("America\u2019s reckless war", "\u2019s", "America\u2019s"),
        ("America's reckless war", "Americ", "America's"),
        ("that the U.S. cannot", ". cannot", "cannot"),
    ],
)
def test_snap_widens_pieces_to_whole_words(text, piece, whole):
    start = text.index(piece)
    s, e = snap(text, start, start + len(piece))
    assert text[s:e] == whole


def test_without_repeats_keeps_the_clause_and_other_techniques_inside_it():
    found = [("Loaded_Language", 0, 40, 0.2), ("Loaded_Language", 5, 12, 0.4), ("Name_Calling,Labeling", 5, 12, 0.3), ("Loaded_Language", 50, 60, 0.2)]
    assert without_repeats(found) == [found[0], found[2], found[3]]


REPORTED = "The opposition leader called the Prime Minister a traitor and a coward on Tuesday. The minister answered the charge calmly in parliament and said the treaty would stand."
OWN = "The Prime Minister is a traitor and a coward. The minister answered the charge calmly in parliament and said the treaty would stand."
QUOTED = '"He is a traitor and a coward," the opposition leader told reporters on Tuesday. The minister answered the charge calmly in parliament.'


@pytest.mark.parametrize("text", [REPORTED, QUOTED])
def test_a_quoted_or_reported_insult_is_quoted_and_not_the_authors_density(text):
    analysis = pipeline.analyze(text)
    insult = [s for s in analysis.spans if s.kind == "technique" and s.start <= text.index("traitor") < s.end]
    assert insult, "the model should flag the insult"
    assert all(s.attrs["voice"] == "quoted" for s in insult)
    speakers = {(s.attrs.get("speaker") or {}).get("text") for s in insult}
    assert speakers <= {"The opposition leader", "the opposition leader", None}
    assert speakers != {None}, "the speaker is known in both texts"
    propaganda = analysis.profile.propaganda
    assert propaganda["quoted"]["techniques"] >= len(insult)
    author = [s for s in analysis.spans if s.kind == "technique" and s.attrs["voice"] == "author"]
    assert propaganda["techniques"] == len(author)


def test_the_same_insult_in_the_authors_voice_counts():
    analysis = pipeline.analyze(OWN)
    insult = [s for s in analysis.spans if s.kind == "technique" and s.start <= OWN.index("traitor") < s.end]
    assert insult and all(s.attrs["voice"] == "author" for s in insult)
    assert analysis.profile.propaganda["per_1000_words"] > pipeline.analyze(REPORTED).profile.propaganda["per_1000_words"]


def test_levels_rank_the_bundled_examples(examples):
    density = {name: a.profile.propaganda["per_1000_words"] for name, a in examples.items()}
    assert density["opinion-page.html"] < density["oped-hyperpartisan.txt"]
    assert density["wire-report.txt"] < density["oped-hyperpartisan.txt"]
    assert examples["oped-hyperpartisan.txt"].profile.propaganda["level"] == "high"
    assert examples["wire-report.txt"].profile.propaganda["level"] == "low"


def test_detectors_run_after_the_spans_they_need():
    from spinscope import detectors as registry
    from spinscope.detectors.base import run_order

    order = [d.name for d in run_order(registry.shared(None, {}))]
    assert order.index("quotes") < order.index("techniques") < order.index("propaganda")
    assert order.index("techniques") < order.index("actors") and order.index("claims") < order.index("actors")
