"""Attribution and quantities on hand-made sentences."""

from __future__ import annotations

import pytest

from spinscope import nlp
from spinscope.detectors.claims import attribution, quantities


def _sources(text: str) -> list[str | None]:
    sents = list(nlp.load()(text).sents)
    return [None if s is None else text[s[0] : s[1]] for s in attribution.sources(sents)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to the U.N., 40 people died.", "the U.N."),
        ("Reuters reported that thousands fled the city.", "Reuters"),
        ("A senior official told AFP that the talks had failed.", "A senior official"),
        ("Prices rose 5% in March, the ministry said.", "the ministry"),
        ("The deal was announced by the White House on Monday.", "the White House"),
        ("Unemployment fell to 4%, per the Labor Department.", "the Labor Department"),
        ("40 people died.", None),
        ("The man who said hello was arrested.", None),
        ('"We will respond to any attack," said the cleric, Ayatollah Ahmad Khatami, in Tehran.', "Ayatollah Ahmad Khatami"),
        ("The company's founder, Elon Musk, said the factory would open in 2025.", "Elon Musk"),
    ],
)
def test_attribution_single_sentence(text, source):
    assert _sources(text) == [source]


def test_attribution_quote_speaker_covers_following_quote():
    text = '"We have lost dozens of homes," said Mayor John Smith. "It is a disaster."'
    assert _sources(text) == ["Mayor John Smith", "Mayor John Smith"]


def test_attribution_open_quote_covers_next_sentence():
    text = 'He said: "The economy grew by $3 billion last year. Unemployment fell."'
    assert _sources(text) == ["He", "He"]


def test_attribution_quote_does_not_leak_to_next_paragraph():
    text = '"Prices will fall," the minister said.\nThe river flooded 40 homes.'
    assert _sources(text) == ["the minister", None]


def test_quantities_offsets_types_and_number_words():
    text = "Prices rose 5% in March, and dozens of shops closed, costing $3 billion."
    doc = nlp.load()(text)
    found = quantities.quantities(doc[:])
    assert {q["type"] for q in found} >= {"PERCENT", "DATE", "MONEY"}
    assert any(q["text"] == "dozens" for q in found)
    for q in found:
        assert text[q["start"] : q["end"]] == q["text"]


def test_quantities_keep_a_currency_sign_and_scale_written_against_the_figure():
    text = "The war cost $4.2bn, €300m and 12 m of road; he paid $ 40."
    found = quantities.quantities(nlp.load()(text)[:])
    texts = {q["text"]: q["type"] for q in found}
    assert texts.get("$4.2bn") == "MONEY" and texts.get("€300m") == "MONEY"
    assert "12" in texts and "12 m" not in texts  # a unit after a space is not a scale suffix
    for q in found:
        assert text[q["start"] : q["end"]] == q["text"]


def test_attribution_closed_quote_does_not_borrow_next_speaker():
    text = "\u201cAn act of divine intervention\u201d: the group celebrates the death.\n\nIn 2017, the minister warned that the war would spread."
    assert _sources(text) == [None, "the minister"]


def test_attribution_short_speech_tag_after_quote():
    text = 'The crowd waited. "We will rebuild every one of the 40 homes!" he said. The rain stopped.'
    sources = _sources(text)
    assert sources[0] is None and sources[-1] is None
    assert "he" in sources[1:-1]


def _unit_sources(text: str) -> list[tuple[str, str | None]]:
    units = attribution.claim_units(nlp.load()(text))
    return [(u.text.strip(), None if s is None else text[s[0] : s[1]]) for u, s in zip(units, attribution.sources(units))]


def test_claim_units_join_a_sentence_the_parser_split_without_punctuation():
    # spaCy's small parser ends a sentence after "folks"; no punctuation says so
    units = [u.text for u in attribution.claim_units(nlp.load()("I know these folks and I know their families."))]
    assert units == ["I know these folks and I know their families."]


def test_claim_units_keep_line_breaks_and_punctuated_ends():
    text = 'Border deal signed without a vote\nThe minister said 40 people were hurt. Nobody resigned.\nHe said:\n"We will rebuild."'
    units = [u.text.strip() for u in attribution.claim_units(nlp.load()(text))]
    assert units[:3] == ["Border deal signed without a vote", "The minister said 40 people were hurt.", "Nobody resigned."]
    assert "He said:" in units


def test_claim_units_do_not_join_past_sentence_size():
    text = " ".join(["I know these folks and I know their families"] * 30)  # run-on text the parser cuts up
    doc = nlp.load()(text)
    units = attribution.claim_units(doc)
    assert len(list(doc.sents)) > len(units) > 1
    assert all(len(u.text) <= attribution.MAX_JOINED_CHARS for u in units)
    assert "".join(u.text_with_ws for u in units) == text  # nothing lost or repeated


def test_attribution_transcript_speaker_label_covers_its_paragraph():
    text = "WALLACE: Governor, what is your answer?\n\nPENCE: Well, the question is why they invited him. The campaign got it wrong."
    found = dict(_unit_sources(text))
    assert found["Governor, what is your answer?"] == "WALLACE"
    assert found["Well, the question is why they invited him."] == "PENCE"
    assert found["The campaign got it wrong."] == "PENCE"


def test_attribution_headline_speaker_label():
    text = "Sanders: Clinton Needs to Stop the Personality Attacks\n\nThe senator spoke in Iowa on Monday."
    assert [s for _, s in _unit_sources(text)] == ["Sanders", None]


@pytest.mark.parametrize(
    "text",
    [
        "NEW DELHI: The government raised fuel prices by 5% on Monday.",
        "BREAKING: Five people were killed in the blast in the city centre.",
        "Editor's note: This story was updated with new casualty figures.",
    ],
)
def test_attribution_datelines_and_rubrics_name_no_speaker(text):
    assert {s for _, s in _unit_sources(text)} == {None}


def test_attribution_colon_leads_into_quoted_paragraph():
    text = 'Small donors matter less this year.\n\nThe New York Times reports:\n\n"Just 24 percent of the contributors gave $200 or less. In 2012, 43 percent of the money came from them."'
    found = _unit_sources(text)
    assert found[0] == ("Small donors matter less this year.", None)
    assert [s for _, s in found[1:]] == ["The New York Times"] * (len(found) - 1)
    assert len(found) >= 3


@pytest.mark.parametrize(
    ("lead_in", "source"),
    [
        ("As Anti-Media summarized at the time:", "Anti-Media"),
        ("As the senator put it in a statement on Friday, he wrote:", "he"),
        ("The minister explained:", "The minister"),
    ],
)
def test_attribution_colon_lead_in_lends_its_speaker_to_the_quotation(lead_in, source):
    # a lead-in ending in a colon frames what follows: no clausal complement needed, "As" is no side remark
    text = f"The war has gone on for years.\n\n{lead_in}\n\n“The United States has dropped more than 20,000 bombs on Syria and Iraq since the campaign began.”"
    found = _unit_sources(text)
    assert found[0][1] is None
    assert found[-1][1] == source


def test_attribution_a_lead_in_without_a_reporting_verb_lends_nothing():
    text = "The figures are stark.\n\nConsider the following:\n\n“The United States has dropped more than 20,000 bombs on Syria and Iraq since the campaign began.”"
    assert _unit_sources(text)[-1][1] is None


def test_attribution_quotation_running_on_into_next_paragraph():
    text = '"The economy is broken," Smith said. "Wages have fallen for years.\n\n"Prices rose 9 percent last year."'
    assert [s for _, s in _unit_sources(text)][-1] == "Smith"


def test_attribution_quoted_paragraph_after_an_attributed_quotation_keeps_its_speaker():
    # the convention of news prose: an unattributed quotation opening the next paragraph goes on
    text = '"The economy is broken," Smith said.\n\n"Prices rose 9 percent last year. Wages did not."'
    assert [s for _, s in _unit_sources(text)] == ["Smith", "Smith", "Smith"]


def test_attribution_quoted_paragraph_with_its_own_speaker_or_after_plain_prose():
    text = '"The economy is broken," Smith said.\n\n"Prices rose 9 percent," Jones told reporters.'
    assert [s for _, s in _unit_sources(text)] == ["Smith", "Jones"]
    text = 'Smith spoke for an hour.\n\n"Prices rose 9 percent last year."'
    assert [s for _, s in _unit_sources(text)] == [None, None]
    text = 'Prices continued to rise, the "experts" were wrong.\n\n"Wages fell 2 percent last year."'
    assert [s for _, s in _unit_sources(text)] == [None, None]


def test_attribution_framing_verbs_need_a_quotation_or_a_clause():
    assert _sources('"Where were you?" the senator asked.')[-1] == "the senator"
    assert _sources("Devine suggested that the vote would be close.") == ["Devine"]
    assert _sources("Prices continued to rise in March.") == [None]
    assert _sources("The senator asked for more time.") == [None]


def _scanned_quote_speakers(text, sents, found):
    """The quotation speakers found by walking from each sentence, as a reference for the one-pass version."""

    def paragraph(k):
        return text.rfind("\n", 0, attribution._first_char(text, sents[k])) + 1

    result = list(found)
    for i in range(len(sents)):
        if result[i] is not None or not attribution._quoted(text, sents[i]):
            continue

        def speaking(j):
            return result[j] is not None and any(ch in attribution.OPEN_QUOTES + attribution.CLOSE_QUOTES for ch in sents[j].text)

        start, speaker, carried = paragraph(i), None, False
        for j in range(i - 1, -1, -1):
            if not attribution._quoted(text, sents[j + 1]):
                break
            if sents[j].end_char <= start:
                if not attribution._runs_on(text, start):
                    # a new paragraph opening with a quotation, after an attributed quotation
                    if speaking(j) and attribution._opens_paragraph(text, sents[j + 1], start):
                        speaker, carried = result[j], True
                    break
                start = paragraph(j)
            if speaking(j):
                speaker = result[j]
                break
        forward = None
        for j in range(i + 1, len(sents)):
            if paragraph(j) != paragraph(i):
                break
            quoted = attribution._quoted(text, sents[j])
            if found[j] is not None and (quoted or len(sents[j]) <= attribution.SPEECH_TAG_TOKENS):
                forward = found[j]
                break
            if not quoted:
                break
        result[i] = (forward or speaker) if carried else (speaker or forward)
    return result


def test_attribution_quote_speakers_in_one_pass_equal_a_walk_from_each_sentence():
    import random

    pieces = ['"Prices rose.', "Prices rose.", 'Wages fell."', "the minister said.", '"We won," he said.', "\n\n", "\n", "\u201cTaxes went up.", "Jobs came back.\u201d", "Smith told AFP."]
    rnd = random.Random(0)
    for _ in range(200):
        text = " ".join(rnd.choice(pieces) for _ in range(14))
        sents = attribution.claim_units(nlp.load()(text))
        if not sents:
            continue
        own = [attribution.own_source(s) for s in sents]
        expected = _scanned_quote_speakers(text, sents, own)
        got = list(own)
        attribution._quote_speakers(text, sents, attribution._paragraph_starts(text, sents), got)
        assert got == expected, text
