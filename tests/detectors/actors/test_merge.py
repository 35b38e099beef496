"""The streaming actor merger remembers a bounded number of names and still merges within them."""

from __future__ import annotations

from spinscope.detectors.actors import StreamingMerger
from spinscope.model import Actor, Analysis


def _analysis(*people: str, kind: str = "person") -> Analysis:
    actors = [Actor(id=name.lower().replace(" ", "-"), name=name, type=kind) for name in people]
    return Analysis(id=people[0], text=" ".join(people), actors=actors)


def _merged(merger: StreamingMerger, name: str) -> Actor:
    return merger.merge(_analysis(name)).actors[0]


def test_merge_registry_stays_bounded_over_a_long_stream():
    merger = StreamingMerger(max_names=50)
    for i in range(1000):
        merger.merge(_analysis(f"Person{i} Family{i}", f"Org{i}"))
    assert len(merger._canon) <= 50 and len(merger._surnames) <= 50


def test_merge_still_joins_names_seen_within_the_bound():
    merger = StreamingMerger(max_names=50)
    merger.merge(_analysis("Qasem Soleimani"))
    for i in range(20):
        merger.merge(_analysis(f"Person{i} Family{i}"))
    assert _merged(merger, "Soleimani").name == "Qasem Soleimani"
    assert _merged(merger, "qasem soleimani").id == "qasem-soleimani"


def test_merge_forgets_the_least_recently_used_name_first():
    merger = StreamingMerger(max_names=10)
    merger.merge(_analysis("Angela Merkel"))
    merger.merge(_analysis("Olaf Scholz"))
    for i in range(9):
        merger.merge(_analysis(f"Person{i} Family{i}"))
        _merged(merger, "Merkel")  # used again: kept
    assert _merged(merger, "Merkel").name == "Angela Merkel"
    assert _merged(merger, "Scholz").name == "Scholz"  # forgotten: keeps its own spelling


def test_merge_leaves_an_ambiguous_surname_alone():
    merger = StreamingMerger()
    merger.merge(_analysis("John Smith", "Anna Smith"))
    assert _merged(merger, "Smith").name == "Smith"


def test_resolve_keeps_each_spelling_once_however_often_it_is_used():
    from spinscope import nlp
    from spinscope.detectors.actors import resolve

    text = "President Vladimir Putin met Joe Biden in Geneva, and Putin said Biden lied. " * 40
    actors = resolve.cluster(nlp.load()(text)).actors
    putin = next(a for a in actors if "Putin" in a.name)
    assert len(putin.mentions) >= 40
    assert len(putin.forms) == len(set(putin.forms)) <= 3


def test_merge_seeded_with_known_actors_names_them_as_before():
    merger = StreamingMerger()
    merger.seed([("Barack Obama", "person"), ("Obama", "person"), ("Reuters", "organisation")])
    assert (_merged(merger, "Obama").id, _merged(merger, "Obama").name) == ("barack-obama", "Barack Obama")
    assert _merged(merger, "Barack Obama").id == "barack-obama"
    assert merger.merge(_analysis("Reuters", kind="organisation")).actors[0].id == "reuters"
    assert _merged(merger, "Michelle Obama").name == "Michelle Obama"


def test_merge_never_joins_two_full_names_through_a_shared_surname_alias():
    merger = StreamingMerger()
    stephen = merger.merge(Analysis(id="a", text="x", actors=[Actor(id="stephen-lynch", name="Stephen Lynch", type="person", aliases=["Lynch"])])).actors[0]
    loretta = merger.merge(Analysis(id="b", text="x", actors=[Actor(id="loretta-e-lynch", name="Loretta E. Lynch", type="person", aliases=["Loretta Lynch", "Lynch"])])).actors[0]
    assert (stephen.name, loretta.name) == ("Stephen Lynch", "Loretta E. Lynch") and stephen.id != loretta.id
    again = merger.merge(Analysis(id="c", text="x", actors=[Actor(id="loretta-lynch", name="Loretta Lynch", type="person")])).actors[0]
    assert again.id == loretta.id  # a two-word alias still joins
    assert _merged(merger, "Lynch").name == "Lynch"  # the bare surname is ambiguous now: left alone


def test_merge_joins_a_full_name_written_with_and_without_a_middle_initial():
    merger = StreamingMerger()
    first = _merged(merger, "Donald J. Trump")
    assert _merged(merger, "Donald Trump").id == first.id
    assert _merged(merger, "Melania Trump").id != first.id


def test_spelling_and_transliteration_variants_of_a_person_merge_across_articles():
    merger = StreamingMerger()
    first = _merged(merger, "Qasem Soleimani")
    assert _merged(merger, "Qassem Soleimani").id == first.id
    assert _merged(merger, "Qasem Suleimani").id == first.id
    assert _merged(merger, "Abu Mahdi al-Muhandis").id == _merged(merger, "Abu Mahdi al Muhandes").id


def test_names_that_only_sound_alike_stay_apart():
    merger = StreamingMerger()
    assert _merged(merger, "Mohammed Ali").id != _merged(merger, "Mahmoud Ali").id
    assert _merged(merger, "Donald Trump").id != _merged(merger, "Donald Tusk").id
    assert len(merger._sounds) <= merger.max_names


def test_a_surname_tagged_as_an_organisation_later_is_the_person():
    merger = StreamingMerger()
    merger.merge(_analysis("Donald Trump"))
    later = merger.merge(_analysis("Trump", kind="organisation")).actors[0]
    assert (later.id, later.type) == ("donald-trump", "person")
    kept = merger.merge(_analysis("Reuters", kind="organisation")).actors[0]
    assert kept.type == "organisation"


def test_a_surname_met_first_keeps_its_id_and_takes_the_full_name_met_later():
    merger = StreamingMerger()
    first = _merged(merger, "Trump")
    later = _merged(merger, "Donald Trump")
    again = _merged(merger, "Trump")
    assert first.id == later.id == again.id == "trump"
    assert later.name == again.name == "Donald Trump"


def test_a_surname_met_first_is_not_joined_to_a_full_name_of_another_surname_holder():
    merger = StreamingMerger()
    _merged(merger, "Donald Trump")
    _merged(merger, "Ivanka Trump")  # the surname is now ambiguous
    assert _merged(merger, "Trump").name == "Trump"
