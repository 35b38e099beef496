"""Every quote and claim says what kind of source stands behind it (attrs.source_type)."""

import pytest

import spinscope
from spinscope.detectors.source_types import TYPES
from spinscope.options import Options

HEAD = "Officials meet over the border deal\n\n"

CASES = [
    ("Ambassador Maria Lindqvist said the talks would resume in March after a short pause.", "Ambassador Maria Lindqvist", "named_person"),
    ("The Pentagon said 25 fighters were killed in the strike near the airport.", "The Pentagon", "named_organisation"),
    ("A senior Democratic aide said the senator was not given notice of the strike.", "A senior Democratic aide", "anonymous"),
    ("According to sources close to the talks, the deal will be signed on Friday.", "sources", "anonymous"),
    ("Experts say the strikes will continue for several more weeks.", "Experts", "vague"),
    ("Many believe that the election was decided long before the vote.", "Many", "vague"),
    ("A report by the ministry found that 40 per cent of the shelters were closed.", "A report", "document"),
    ("It is said that the army lost 300 soldiers in the battle for the city.", None, "vague"),
    ("The campaign said it had raised 40 million dollars in the first week of the month.", "The campaign", "named_organisation"),
    ("Taxpayers say the new levy will cost each household 300 dollars a year.", "Taxpayers", "vague"),
]


def _quote(text: str):
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes", "claims")))
    quotes = [s for s in analysis.spans if s.kind == "quote"]
    assert quotes, text
    return analysis, quotes[0]


@pytest.mark.parametrize("text, speaker, expected", CASES)
def test_quote_source_types(text, speaker, expected):
    _, quote = _quote(text)
    assert (quote.attrs["speaker"] or {}).get("text") == speaker
    assert quote.attrs["source_type"] == expected


def test_a_pronoun_resolved_to_a_person_is_a_named_person_and_claims_carry_the_type():
    analysis = spinscope.analyze(
        HEAD + "Maria Lindqvist arrived in Dorrin on Monday. She said that 40 per cent of the city's shelters had closed since January.",
        options=Options(detectors=("actors", "quotes", "claims")),
    )
    quote = next(s for s in analysis.spans if s.kind == "quote")
    assert quote.attrs["speaker"]["text"] == "She" and quote.attrs["source_type"] == "named_person"
    for claim in (s for s in analysis.spans if s.kind == "claim"):
        assert claim.attrs["source_type"] in TYPES
        assert (claim.attrs["source_type"] == "none") == (not claim.attrs["attributed"])


def test_an_appositive_name_is_the_speaker():
    _, quote = _quote('"We will not stop until the last fighter has left the city," said the cleric, Ayatollah Ahmad Khatami.')
    assert quote.attrs["speaker"]["text"] == "Ayatollah Ahmad Khatami"
    assert quote.attrs["actor"] and quote.attrs["source_type"] == "named_person"


def test_a_headline_does_not_speak_for_the_body():
    _, quote = _quote("It is said that the army lost 300 soldiers in the battle for the city.")
    assert quote.attrs["speaker"] is None  # not "Officials" from the headline above


def test_an_agency_told_is_the_addressee_and_the_pronoun_is_the_man():
    analysis = spinscope.analyze(
        HEAD + "One Syrian by the name of Abu Ahmad told Reuters he found several of his neighbours lying dead in the street after the strikes.",
        options=Options(detectors=("actors", "quotes")),
    )
    types = {a.id: a.type for a in analysis.actors}
    assert types.get("reuters") == "organisation"
    quote = next(s for s in analysis.spans if s.kind == "quote")
    assert quote.attrs["actor"] != "reuters"


@pytest.mark.parametrize(
    "text",
    [
        "The plan, which appears to be a start in the right direction, was welcomed by the mayor of the city on Monday.",
        "This suggests that NATO's largest member is now on the Syrian battlefield for good.",
    ],
)
def test_words_that_name_nobody_are_not_speakers(text):
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes")))
    speakers = [(s.attrs["speaker"] or {}).get("text") for s in analysis.spans if s.kind == "quote"]
    assert not {"which", "This", "’s"} & set(speakers)


def test_a_name_on_the_line_after_a_quotation_is_its_speaker():
    text = "The speech ended with a warning.\n\n“We are not the most powerful nation in the world because of our weapons but because of our people.”\n― Oscar P. Quintero\n\nThe crowd was quiet."
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes")))
    quote = next(s for s in analysis.spans if s.kind == "quote" and s.attrs["direct"])
    assert quote.attrs["speaker"]["text"] == "Oscar P. Quintero" and quote.attrs["source_type"] == "named_person"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [("Pentagon spokesman John Kirby", "John Kirby"), ("former minister Ana Ruiz, speaking in Dorrin", "Ana Ruiz"), ("— Senator Maria Lopez", "Senator Maria Lopez")],
)
def test_a_role_and_a_name_on_the_line_after_a_quotation_name_its_speaker(line, speaker):
    text = f"The raid came at dawn.\n\n“The strikes will continue until the militia stops its attacks on our bases.”\n{line}\n\nThe statement came hours later."
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes")))
    quote = next(s for s in analysis.spans if s.kind == "quote" and s.attrs["direct"])
    assert quote.attrs["speaker"]["text"] == speaker and quote.attrs["source_type"] == "named_person"


def test_a_plain_sentence_after_a_quotation_lends_no_speaker():
    text = "The raid came at dawn.\n\n“The strikes will continue until the militia stops its attacks on our bases.”\nthe crowd cheered loudly\n\nThe statement came hours later."
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes")))
    quote = next(s for s in analysis.spans if s.kind == "quote" and s.attrs["direct"])
    assert quote.attrs["speaker"] is None


def test_a_colon_lead_in_lends_its_source_to_the_quotation_below():
    text = "As Anti-Media summarized at the time:\n\n“The United States has been bombing Syria for years without any legal authorization from Congress.”\n\nThe strikes went on."
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes")))
    quote = next(s for s in analysis.spans if s.kind == "quote" and s.attrs["direct"])
    assert quote.attrs["speaker"]["text"] == "Anti-Media"


def test_a_quotation_followed_by_an_ordinary_line_gets_no_speaker_from_it():
    text = "“We are not the most powerful nation in the world because of our weapons but because of our people.”\nThe crowd was quiet for a long time after the speech ended."
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes")))
    quote = next(s for s in analysis.spans if s.kind == "quote" and s.attrs["direct"])
    assert quote.attrs["speaker"] is None


def test_a_vague_source_keeps_its_words_but_does_not_attribute_the_claim():
    analysis = spinscope.analyze(HEAD + "Experts say unemployment in the region rose by 40 per cent last year.", options=Options(detectors=("actors", "quotes", "claims")))
    claim = next(s for s in analysis.spans if s.kind == "claim" and "unemployment" in analysis.span_text(s))
    assert claim.attrs["source"]["text"] == "Experts" and claim.attrs["source_type"] == "vague"
    assert claim.attrs["attributed"] is False
    anonymous = spinscope.analyze(HEAD + "A senior official said unemployment in the region rose by 40 per cent last year.", options=Options(detectors=("actors", "quotes", "claims")))
    claim = next(s for s in anonymous.spans if s.kind == "claim" and "unemployment" in anonymous.span_text(s))
    assert claim.attrs["source_type"] == "anonymous" and claim.attrs["attributed"] is True


@pytest.mark.parametrize(
    "text, party",
    [
        ("A senior Democratic aide said the White House had not briefed Congress before the strike.", "democratic"),
        ("A US official said the drone strike near the airport had been lawful.", "united-states"),
    ],
)
def test_one_unnamed_person_is_not_the_party_or_country_that_qualifies_them(text, party):
    analysis, quote = _quote(text)
    assert quote.attrs["source_type"] == "anonymous"
    assert quote.attrs["actor"] is None


def test_unnamed_officials_of_a_country_still_link_to_the_country():
    _, quote = _quote("Iranian officials said the strike near the airport was a crime against the nation.")
    assert quote.attrs["source_type"] == "anonymous" and quote.attrs["actor"] == "iran"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They are reportedly holed up inside a 500-square-meter piece of territory near Mosul.", "vague"),
        ("It has already been reported that 40 percent of the city was destroyed in 2017.", "vague"),
        ("Some estimates suggest the city of Mosul has 300 fighters remaining.", "vague"),
        ("Lt. Gen. Stephen Townsend has called for 5,000 U.S. troops to remain long after ISIS is defeated.", "named_person"),
        ("O'Brien insisted that the White House had factored in the expulsion of 5,200 troops.", "named_person"),
        ("Seymour Hersh's investigation found that 40 strike options were drawn up in 2017.", "document"),
    ],
)
def test_claim_source_types_on_web_copy(text, expected):
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes", "claims")))
    claim = next(s for s in analysis.spans if s.kind == "claim" and analysis.span_text(s).startswith(text[:20]))
    assert claim.attrs["source_type"] == expected
    assert claim.attrs["attributed"] is (expected not in ("vague", "none"))


def test_a_relative_clause_of_an_appositive_speaks_for_the_name():
    _, quote = _quote("ISIS exists largely because the U.S. toppled Saddam Hussein, a man who opposed these types of Islamist movements.")
    assert quote.attrs["speaker"]["text"] == "Saddam Hussein"


def test_a_word_that_names_no_one_is_no_accountable_source():
    analysis = spinscope.analyze(HEAD + "The reality is that these developments have been planned for a long time by the generals.", options=Options(detectors=("actors", "quotes", "claims")))
    reality = [s for s in analysis.spans if s.kind == "quote" and (s.attrs["speaker"] or {}).get("text") == "The reality"]
    assert reality and all(s.attrs["source_type"] == "vague" for s in reality)


def test_called_for_attributes_across_a_no_break_space():
    text = "Lt. Gen. Stephen Townsend has called for\u00a0U.S. troops to remain in Iraq long after 2019, without giving a date."
    analysis = spinscope.analyze(HEAD + text, options=Options(detectors=("actors", "quotes", "claims")))
    claim = next(s for s in analysis.spans if s.kind == "claim" and "Townsend" in analysis.span_text(s))
    assert claim.attrs["source_type"] == "named_person" and claim.attrs["attributed"] is True
