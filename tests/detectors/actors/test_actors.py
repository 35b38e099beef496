"""Actors: merging across spellings, titles, role nouns, pronouns, countries; never two people by surname alone."""

from __future__ import annotations

import pytest

from spinscope import nlp
from spinscope.detectors.actors import merge_across
from spinscope.detectors.actors.detector import ActorsDetector
from spinscope.model import Analysis, Article, Span


def _detect(text: str, spans=None):
    doc = nlp.load()(text)
    found = ActorsDetector().detect(doc, Article(text=text), spans=spans or [])
    for span in found.spans:
        assert 0 <= span.start < span.end <= len(text)
    return found.extras["actors"], found.spans


def _by_name(actors, name):
    (actor,) = [a for a in actors if a.name == name]
    return actor


def _texts(text, actor):
    return [text[s:e] for s, e in actor.mentions]


SOLEIMANI = (
    "General Qasem Soleimani, the commander of the Quds Force, was killed on Friday. Qassem Soleimani had directed operations for two decades. Soleimani was 62. The commander was buried in Kerman."
)


def test_actors_spellings_surname_title_and_role_merge():
    actors, _ = _detect(SOLEIMANI)
    soleimani = _by_name(actors, "Qasem Soleimani")
    forms = _texts(SOLEIMANI, soleimani)
    assert "General Qasem Soleimani" in forms and "Qassem Soleimani" in forms and "Soleimani" in forms
    assert any("commander" in f for f in forms[3:])
    assert len([a for a in actors if a.type == "person"]) == 1


def test_actors_country_spellings_are_one_country():
    text = "The U.S. said on Monday that America would respond. The United States and the USA are one. US troops left."
    actors, spans = _detect(text)
    us = _by_name(actors, "United States")
    assert us.type == "country"
    assert {"U.S.", "America", "United States", "USA", "US"} <= set(_texts(text, us))
    assert all(s.attrs["actor"] == "united-states" for s in spans if text[s.start : s.end] in ("U.S.", "USA"))


def test_actors_demonym_stands_for_country_only_before_state_noun():
    text = "Iranian officials denied the report. Iranians protested in the streets."
    actors, _ = _detect(text)
    iran = _by_name(actors, "Iran")
    assert _texts(text, iran) == ["Iranian"]
    assert any(a.type == "group" and "Iranians" in _texts(text, a) for a in actors)


def test_actors_two_people_sharing_a_surname_stay_apart():
    text = "Bill Clinton spoke in Ohio on Monday. Hillary Clinton spoke in Iowa on Tuesday."
    actors, _ = _detect(text)
    people = [a.name for a in actors if a.type == "person"]
    assert "Bill Clinton" in people and "Hillary Clinton" in people


def test_actors_pronoun_links_to_nearest_person():
    text = "John Kerry arrived in Geneva on Monday. He met the delegates at noon."
    actors, spans = _detect(text)
    kerry = _by_name(actors, "John Kerry")
    assert "He" in _texts(text, kerry)
    assert any(s.attrs["mention"] == "pronoun" and s.attrs["actor"] == kerry.id for s in spans)


def test_actors_portrayal_lists_techniques_quotes_claims_and_tone():
    text = "Senator Dan Fox is a corrupt liar and a disgrace. Fox voted against the bill in 2019."
    name_calling = Span(start=text.index("a corrupt"), end=text.index(" and a"), kind="technique", label="Name_Calling,Labeling", score=0.9)
    claim = Span(start=text.index("Fox voted"), end=len(text) - 1, kind="claim", label="check-worthy", score=0.8)
    actors, _ = _detect(text, [name_calling, claim])
    fox = _by_name(actors, "Dan Fox")
    assert fox.portrayal.techniques == [{"label": "Name_Calling,Labeling", "start": name_calling.start, "end": name_calling.end}]
    assert fox.portrayal.claims == [{"start": claim.start, "end": claim.end}]
    assert fox.portrayal.quotes == [] and fox.portrayal.counts["quotes"] == 0
    assert fox.portrayal.tone["label"] == "negative"


def test_actors_merge_across_gives_one_name_and_id():
    from spinscope import analyze

    first = analyze("Qasem Soleimani visited Baghdad on Thursday with his guards.", detectors=["quotes", "actors"])
    second = analyze("General Soleimani was killed in Baghdad on Friday, officials said.", detectors=["quotes", "actors"])
    merge_across([first, second])
    assert [a.id for a in second.actors if a.type == "person"] == ["qasem-soleimani"]
    assert [a.name for a in first.actors if a.type == "person"] == ["Qasem Soleimani"]
    assert all(s.attrs["actor"] in {a.id for a in second.actors} for s in second.spans if s.kind == "actor")


def test_actors_reach_the_analysis_json():
    from spinscope import analyze

    analysis = analyze("“We will not give up this fight now,” Angela Merkel said in Berlin.", detectors=["quotes", "actors"])
    (quote,) = [s for s in analysis.spans if s.kind == "quote"]
    merkel = [a for a in analysis.actors if a.name == "Angela Merkel"][0]
    assert quote.attrs["actor"] == merkel.id
    assert merkel.portrayal.quotes == [{"start": quote.start, "end": quote.end, "label": "direct"}]
    again = Analysis.from_json(analysis.to_json())
    assert again.actors == analysis.actors


def test_actors_possessive_pronoun_joins_the_only_person_nearby():
    text = "Maria Lopez won the vote on Sunday. Supporters cheered her victory in the capital."
    actors, _ = _detect(text)
    lopez = _by_name(actors, "Maria Lopez")
    assert "her" in _texts(text, lopez)


def test_actors_possessive_pronoun_left_alone_between_two_people():
    text = "Mark Lopez met Tom Hale on Sunday. Reporters asked about his plans."
    actors, _ = _detect(text)
    people = [a for a in actors if a.type == "person"]
    assert len(people) == 2 and all("his" not in _texts(text, a) for a in people)


@pytest.mark.parametrize(
    "text,pronoun,right,wrong",
    [
        # a possessive goes to the one person of its gender in reach
        ("Maria Lopez met Tom Hale on Sunday. Reporters asked about his plans.", "his", "Tom Hale", "Maria Lopez"),
        # a subject pronoun skips a nearer person of the other gender
        ("Mrs. Okafor criticised Mr. Brandt on Monday. She said the plan was dead.", "She", "Okafor", "Brandt"),
        # a subject pronoun prefers the last-named subject to the nearest name
        ("Mark Dale has also commented on Tom Reyes's death. On Wednesday, he told a crowd that justice would be done.", "he", "Mark Dale", "Tom Reyes"),
    ],
)
def test_actors_pronoun_goes_to_the_right_person(text, pronoun, right, wrong):
    actors, _ = _detect(text)
    assert pronoun in _texts(text, _by_name(actors, right))
    assert pronoun not in _texts(text, _by_name(actors, wrong))


def test_actors_subject_pronoun_of_the_wrong_gender_stays_unlinked():
    text = "Hillary Clinton spoke to the crowd in Ohio. He said the rally was too long."
    actors, _ = _detect(text)
    assert "He" not in _texts(text, _by_name(actors, "Hillary Clinton"))


def test_actors_pronoun_still_links_a_person_of_unknown_gender():
    text = "Recep Erdogan arrived in Berlin on Monday. He met the chancellor at noon."
    actors, _ = _detect(text)
    assert "He" in _texts(text, _by_name(actors, "Recep Erdogan"))


def test_actors_untagged_acronym_joins_its_organisation():
    text = "Immigration and Customs Enforcement officials arrested 30 people on Monday. A spokesperson for ICE gave reporters the details."
    actors, _ = _detect(text)
    ice = _by_name(actors, "Immigration and Customs Enforcement")
    assert "ICE" in _texts(text, ice)
    assert len([a for a in actors if "ICE" in _texts(text, a)]) == 1


def test_actors_hyphenated_surname_tagged_as_place_is_the_person():
    text = "Rigoberto Gonzalez-Aragon, 66, was returned to Guatemala City on Friday. Officers arrested Gonzalez-Aragon in New York in June."
    actors, _ = _detect(text)
    person = _by_name(actors, "Rigoberto Gonzalez-Aragon")
    assert _texts(text, person).count("Gonzalez-Aragon") == 1
    assert not [a for a in actors if a.name == "Gonzalez-Aragon"]


def test_actors_one_call_names_the_same_actor_alike_across_articles():
    import spinscope

    texts = [
        "Chancellor Angela Merkel met Emmanuel Macron in Berlin on Friday.",
        "In Paris, Merkel said on Monday that Germany would send aid to Ukraine.",
        "Crowds in Tehran denounced the U.S. after the strike.",
        "The United States said the strike was lawful.",
    ]
    analyses = list(spinscope.analyze_many(texts, detectors=["actors"]))
    people = [{a.name: a.id for a in an.actors if a.type == "person"} for an in analyses[:2]]
    assert people[1]["Angela Merkel"] == people[0]["Angela Merkel"] == "angela-merkel"
    us = [next(a for a in an.actors if a.type == "country") for an in analyses[2:]]
    assert us[0].id == us[1].id and us[0].name == us[1].name
    for an in analyses:
        known = {a.id for a in an.actors}
        assert all(s.attrs["actor"] in known for s in an.spans if s.kind == "actor")


def test_actors_streaming_merger_adopts_the_first_full_name():
    from spinscope.detectors.actors import StreamingMerger
    from spinscope.model import Actor, Analysis, Span

    first = Analysis(id="a", text="Qasem Soleimani", actors=[Actor(id="qasem-soleimani", name="Qasem Soleimani", type="person", mentions=[(0, 15)])])
    second = Analysis(
        id="b",
        text="Soleimani spoke.",
        spans=[Span(start=0, end=9, kind="actor", label="person", score=1.0, attrs={"actor": "soleimani"})],
        actors=[Actor(id="soleimani", name="Soleimani", type="person", mentions=[(0, 9)])],
    )
    merger = StreamingMerger()
    merger.merge(first)
    merger.merge(second)
    assert second.actors[0].name == "Qasem Soleimani" and second.actors[0].id == "qasem-soleimani"
    assert second.actors[0].aliases == ["Soleimani"]
    assert second.spans[0].attrs["actor"] == "qasem-soleimani"


def test_actors_a_gendered_title_picks_the_person_of_that_gender_among_namesakes():
    text = "Hillary Clinton spoke in Iowa on Tuesday. Bill Clinton spoke in Ohio on Monday. Mrs. Clinton said the plan would pass. Mr. Clinton said nothing."
    actors, _ = _detect(text)
    assert "Mrs. Clinton" in _texts(text, _by_name(actors, "Hillary Clinton"))
    assert "Mr. Clinton" in _texts(text, _by_name(actors, "Bill Clinton"))


def test_actors_a_gendered_title_never_joins_a_namesake_of_the_other_gender():
    text = "Michelle Obama visited a school in Ohio. Mr. Obama met the governor in Washington."
    actors, _ = _detect(text)
    assert "Mr. Obama" not in _texts(text, _by_name(actors, "Michelle Obama"))


def test_one_type_per_actor_and_no_headline_fragments():
    import spinscope
    from spinscope.options import Options

    text = (
        "Trump Notice Angers Tehran\n\nPresident Donald Trump ordered the strike on Friday. Trump said the general had been planning attacks. "
        "Abu Mahdi al-Muhandis was also killed. Officials said al-Muhandis led the militia. "
        "The strike hit two cars near the airport road shortly after midnight, and the militia said it would respond within days."
    )
    actors = spinscope.analyze(text, options=Options(detectors=("actors",))).actors
    assert [(a.id, a.type) for a in actors if "trump" in a.id or "muhandis" in a.id] == [("donald-trump", "person"), ("abu-mahdi-al-muhandis", "person")]
    assert not [a for a in actors if "notice" in a.id]


def test_actors_an_appositive_role_makes_an_organisation_tagged_name_a_person():
    text = "Crocker, a former ambassador, told CNN that Iran would retaliate within days."
    actors, _ = _detect(text)
    types = {a.name: a.type for a in actors}
    assert types.get("Crocker") == "person" and types.get("CNN") == "organisation"


@pytest.mark.parametrize("text", ["Residents of Wigan said they felt unsafe after the floods.", "The mayor of Wigan said the town would rebuild."])
def test_actors_a_town_read_as_a_person_is_no_actor(text):
    actors, _ = _detect(text)
    assert "Wigan" not in {a.name for a in actors if a.type == "person"}


def test_actors_a_person_whose_surname_names_an_organisation_does_not_loop():
    from spinscope import engine
    from spinscope.model import Article

    text = "Congressman Mark House spoke to reporters on Monday. House said the bill was dead. The House voted against it on Tuesday, and House left Washington."
    (analysis,) = engine.analyze_many([Article(id="house", text=text)], detectors=["entities", "actors"])
    assert analysis.warnings == []
    assert ("Mark House", "person") in {(a.name, a.type) for a in analysis.actors}
