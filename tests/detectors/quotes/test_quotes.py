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
                assert text[ref["start"] : ref["end"]] == ref["text"]
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
    assert text[q.start : q.end] == "“We will not back down from this fight,”"
    assert "Morris" in q.attrs["speaker"]["text"]
    assert q.attrs["cue"]["text"] == "said"


def test_quotes_direct_straight_quote_across_paragraphs():
    text = 'The mayor spoke first. Mayor Tom Hale said: "The budget is broken beyond repair.\n\n"We need a new plan for the city now."\n'
    spans = [s for s in _quotes(text) if s.label == "direct"]
    assert len(spans) == 1
    assert "broken" in text[spans[0].start : spans[0].end] and "new plan" in text[spans[0].start : spans[0].end]
    assert spans[0].attrs["speaker"]["text"].endswith("Hale")


def test_quotes_indirect_said_that():
    text = "Pompeo said that the strike was a lawful act of self-defence."
    (q,) = _quotes(text)
    assert q.label == "indirect"
    assert text[q.start : q.end] == "that the strike was a lawful act of self-defence"
    assert q.attrs["speaker"]["text"] == "Pompeo"


def test_quotes_according_to_officials():
    text = "According to officials, 40 civilians were killed in the attack last week."
    (q,) = _quotes(text)
    assert q.label == "indirect"
    assert text[q.start : q.end] == "40 civilians were killed in the attack last week"
    assert q.attrs["speaker"]["text"] == "officials"
    assert q.attrs["cue"]["text"] == "According to"


def test_quotes_without_speaker_keep_null_speaker():
    text = "The banner outside read: “No more wars for profit and no more lies.”"
    spans = _quotes(text)
    assert len(spans) == 1 and spans[0].label == "direct"
    assert spans[0].attrs["speaker"] is None and spans[0].attrs["actor"] is None


def test_quotes_he_said_resolves_to_named_actor():
    text = "John Kerry arrived in Geneva on Monday. “The talks have been productive and we are close to a deal,” he said."
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


def test_quotes_stance_verb_with_noun_phrase_content():
    text = "Senator Jane Morris criticized the new border policy in a speech on Tuesday."
    spans = [s for s in _quotes(text) if s.label == "indirect"]
    assert spans, "a stance verb's object is an attributed content"
    assert "border policy" in text[spans[0].start : spans[0].end]
    assert spans[0].attrs["cue"]["text"] == "criticized"
    assert "Morris" in spans[0].attrs["speaker"]["text"]


def test_quotes_claim_noun_clause_is_content():
    text = "Pompeo made the claim that the strike was lawful."
    spans = [s for s in _quotes(text) if s.label == "indirect"]
    assert [text[s.start : s.end] for s in spans] == ["that the strike was lawful"]


def test_quotes_possessive_owner_of_a_claim_is_its_speaker():
    from spinscope.detectors.quotes.rules import _subject

    doc = nlp.load()("Pompeo's claim that the strike was lawful drew criticism.")
    claim = next(t for t in doc if t.lower_ == "claim")
    assert _subject(claim).text == "Pompeo"


def test_quotes_spans_never_overlap():
    text = "Trump said that Clinton wants to raise taxes, and he criticized her plan. “We will cut taxes for everyone in this country,” he told supporters, adding that the economy would grow."
    spans = sorted(_quotes(text), key=lambda s: s.start)
    assert spans
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_quotes_scorer_weights_and_cutoff():
    from spinscope.detectors.quotes.scorer import Scorer, load

    scorer = Scorer({"lemma=say": 2.0, "dep=ccomp": 1.0}, -1.0, 0.5)
    assert scorer.score({"lemma=say": 1.0, "dep=ccomp": 1.0}) > 0.8
    assert scorer.score({"lemma=eat": 1.0}) < 0.5
    shipped = load()
    assert 0.0 < shipped.threshold < 1.0 and len(shipped.weights) > 100


def test_quotes_learn_fit_separates_toy_examples():
    from spinscope.detectors.quotes.scorer import Scorer
    from spinscope_train.quotes.learn import fit

    X = [{"lemma=say": 1.0, "dep=ccomp": 1.0}] * 10 + [{"lemma=eat": 1.0, "dep=dobj": 1.0}] * 10
    y = [1] * 10 + [0] * 10
    scorer = Scorer.from_json(fit(X, y))
    assert scorer.score(X[0]) > 0.5 > scorer.score(X[-1])


def test_quotes_content_stops_at_a_blank_line():
    text = "They Sold Out Our Border And They Think You Won't Notice\n\n(Iron Standard Op-Ed) Let's stop pretending about the deal."
    for span in _quotes(text):
        assert "\n\n" not in text[span.start : span.end], text[span.start : span.end]


def test_quotes_a_colon_leads_a_speaker_across_a_blank_line():
    text = 'The reporter Eli Saslow writes:\n\n"The first time she had seen him, at a rally in June, she was just beginning to believe again."'
    (q,) = _covering(_quotes(text), text, "The first time")
    assert q.attrs["speaker"] is not None and "Saslow" in q.attrs["speaker"]["text"]


@pytest.mark.parametrize(
    "text, piece, speaker",
    [
        # a headline or transcript line that opens with a name and a colon
        ("Paul Ryan: FBI Decision Not to Indict Hillary Defies Explanation, Needs More Investigation\n\nThe speaker spoke on Tuesday.", "Defies Explanation", "Paul Ryan"),
        ("WALLACE: Well, what do you say to the people who think the deal is bad?\n\nHe paused.", "what do you say", "WALLACE"),
        # a dateline is not the subject
        ("Talks fail\n\nWASHINGTON (AP) — The White House said on Monday that the talks with Tehran had failed again.", "the talks with Tehran", "The White House"),
        # a poll "found": the parser's reduced relative clause
        ("A Quinnipiac University poll found last week that Clinton would beat Trump 46 to 40 percent in a general election.", "Clinton would beat", "A Quinnipiac University poll"),
        # verbs of delivery frame a quotation
        ("The crowd cheered.\n\n“If this man pretends that closing the borders is going to bring prosperity, he is completely wrong,” he continued.", "completely wrong", "he"),
        # a reporting clause set into the sentence it reports
        ("As Breitbart News reported, even on Friday morning the White House was refusing to call the attack terrorism.", "refusing to call", "Breitbart News"),
        ("The emails were on a variety of work-related topics, the Times said, including speeches and meetings.", "variety of work-related topics", "the Times"),
    ],
)
def test_quotes_speaker_patterns_of_web_copy(text, piece, speaker):
    spans = _quotes(text)
    hit = _covering(spans, text, piece)
    assert hit, [text[s.start : s.end] for s in spans]
    assert hit[0].attrs["speaker"]["text"] == speaker


def test_quotes_a_clause_before_a_cue_with_its_own_content_is_not_its_content():
    text = "It has already made itself clear that withdrawing its troops is off the table, so the media need not worry about the potential end of U.S. imperialism in Iraq."
    spans = _quotes(text)
    assert not [s for s in spans if text[s.start : s.end].startswith("It has already") or "itself clear" in text[s.start : s.end] and (s.attrs["speaker"] or {}).get("text") == "the media"]
    short = "The new deal between the two parties is dead after months of talks, officials said on Monday."
    assert [s.attrs["speaker"]["text"] for s in _covering(_quotes(short), short, "is dead")] == ["officials"]
