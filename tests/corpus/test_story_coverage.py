"""Stories a researcher can publish: the same stories whatever the storing order, labels without filler,
a headline, per-outlet framing, and coverage by side from imported ratings with blindspots."""

from __future__ import annotations

import json
import random

import pytest

from spinscope.corpus import coverage
from spinscope.model import Analysis, Profile, Span

QUAKE = "A magnitude 7 earthquake struck northern Chile on Tuesday, collapsing buildings in Arica and killing at least 12 people, officials said."
FLOOD = "Floods swept through the Po valley in Italy on Monday, forcing 3,000 residents of Parma from their homes, the civil protection agency said."


def _analysis(id_, title, body, outlet, url, published, actors=(), frames=None, hyper=None, sources=()) -> Analysis:
    text = f"{title}\n\n{body}"
    spans = []
    for kind, piece, source_type in sources:
        start = text.index(piece)
        spans.append(Span(start=start, end=start + len(piece), kind=kind, label="check_worthy" if kind == "claim" else "direct", score=0.9, attrs={"source_type": source_type}))
    profile = {"words": len(text.split())}
    if frames is not None:
        profile["frames"] = {"scores": {f: 0.9 for f in frames}, "chosen": list(frames), "threshold": 0.5}
    if hyper is not None:
        profile["hyperpartisan"] = {"probability": 0.9 if hyper else 0.1, "hyperpartisan": hyper, "threshold": 0.5}
    return Analysis(
        id=id_,
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        spans=spans,
        profile=Profile(**profile),
        actors=[{"id": a.lower().replace(" ", "-"), "name": a, "type": "place"} for a in actors],
    )


ARTICLES = [
    _analysis(
        "q1",
        "Earthquake kills 12 in Chile",
        QUAKE,
        "Left Daily",
        "https://leftdaily.com/q1",
        "2024-02-06",
        ("Chile", "Arica"),
        ("Health_and_safety",),
        False,
        [("claim", "killing at least 12 people", "anonymous")],
    ),
    _analysis(
        "q2",
        "Chile earthquake: buildings collapse in Arica",
        "The earthquake in northern Chile killed 12 people and collapsed buildings in Arica, officials said on Tuesday.",
        "Centre Post",
        "https://centrepost.com/q2",
        "2024-02-07",
        ("Chile", "Arica"),
        ("Health_and_safety", "Capacity_and_resources"),
        False,
        [("claim", "killed 12 people", "vague")],
    ),
    _analysis("f1", "Floods force 3,000 from homes in Parma", FLOOD, "Left Daily", "https://leftdaily.com/f1", "2024-05-13", ("Italy", "Parma")),
    _analysis(
        "f2",
        "Parma floods: thousands leave homes in Po valley",
        "Thousands of residents of Parma left their homes as floods swept the Po valley in Italy on Monday, the civil protection agency said.",
        "Left Weekly",
        "https://leftweekly.org/f2",
        "2024-05-13",
        ("Italy", "Parma"),
    ),
]
RATINGS = [
    {"domain": "leftdaily.com", "bias": "left", "reporting": "high"},
    {"domain": "leftweekly.org", "bias": "left-center", "reporting": "mostly-factual"},
    {"domain": "centrepost.com", "bias": "least biased", "reporting": "very-high"},
]


def _store(url: str, analyses, tmp_path=None):
    from spinscope.corpus.ratings import import_ratings
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    store = Store(url).open()
    write_batch(store, [Stored(a.to_json(), a.to_dict()) for a in analyses], None)
    if tmp_path is not None:
        path = tmp_path / "ratings.json"
        path.write_text(json.dumps(RATINGS), encoding="utf-8")
        import_ratings(store, path)
    return store


def test_stories_the_same_whatever_order_the_articles_were_stored_in(tmp_path):
    from spinscope.corpus import stories

    runs = []
    for n, order in enumerate([ARTICLES, list(reversed(ARTICLES)), random.Random(3).sample(ARTICLES, len(ARTICLES))]):
        runs.append(json.dumps(stories.find(_store(f"sqlite:///{tmp_path / f's{n}.db'}", order)), sort_keys=True))
    assert len(json.loads(runs[0])) == 2
    assert runs[0] == runs[1] == runs[2]


def test_stories_label_names_actors_and_event_words_and_a_headline(tmp_path):
    from spinscope.corpus import stories

    found = {s["articles"][0]: s for s in stories.find(_store(f"sqlite:///{tmp_path / 's.db'}", ARTICLES))}
    quake = found["q1"]
    actors, _, terms = quake["label"].partition("; ")
    assert set(actors.split(", ")) == {"Arica", "Chile"}  # the actors' merged names, as stored
    words = [w for term in terms.split(", ") for w in term.split()]
    assert words and not {"said", "12", "000"} & set(words)
    assert all(w.isalpha() and w not in stories.UNTELLING for w in words)
    assert quake["headline"] in {"Earthquake kills 12 in Chile", "Chile earthquake: buildings collapse in Arica"}


def test_stories_framing_per_outlet_gives_frames_hyperpartisan_share_and_sources(tmp_path):
    from spinscope.corpus import stories

    found = {s["articles"][0]: s for s in stories.find(_store(f"sqlite:///{tmp_path / 's.db'}", ARTICLES))}
    quake, flood = found["q1"]["framing"], found["f1"]["framing"]
    assert quake["Left Daily"]["frames"] == ["Health_and_safety"]
    assert quake["Centre Post"]["frames"] == ["Capacity_and_resources", "Health_and_safety"]
    assert quake["Left Daily"]["hyperpartisan_share"] == 0.0
    assert quake["Left Daily"]["sources"] == {"anonymous": 1} and quake["Centre Post"]["sources"] == {"vague": 1}
    assert flood["Left Weekly"] == {**flood["Left Weekly"], "frames": None, "hyperpartisan_share": None, "sources": None}


def test_stories_coverage_by_side_from_imported_ratings_and_blindspots(tmp_path):
    from spinscope.corpus import stories

    found = {s["articles"][0]: s for s in stories.find(_store(f"sqlite:///{tmp_path / 's.db'}", ARTICLES, tmp_path))}
    quake, flood = found["q1"], found["f1"]
    assert quake["coverage"]["sides"] == {"left": 1, "centre": 1, "right": 0, "unrated": 0}
    rows = {r["outlet"]: r for r in quake["coverage"]["outlets"]}
    assert rows["Left Daily"] == {"outlet": "Left Daily", "domain": "leftdaily.com", "articles": 1, "leaning": "left", "side": "left", "factuality": "high"}
    assert rows["Centre Post"]["leaning"] == "centre" and rows["Centre Post"]["factuality"] == "very-high"
    assert quake["blindspot"] == "right"  # covered from the left and the centre, never from the right
    assert flood["sides"] == {"left": 2, "centre": 0, "right": 0, "unrated": 0} and flood["blindspot"] == "right"


def test_stories_without_ratings_have_unrated_outlets_and_no_blindspot(tmp_path):
    from spinscope.corpus import stories

    for story in stories.find(_store(f"sqlite:///{tmp_path / 's.db'}", ARTICLES)):
        assert story["sides"]["unrated"] == len(story["outlets"]) and story["blindspot"] is None


@pytest.mark.parametrize(
    ("rated", "expected"),
    [
        ({"mbfc.json": {"bias": "right-center", "reporting": "mixed"}}, ("centre-right", "mixed", "mbfc.json")),
        ({"b.tsv": {"fact": "high", "bias": "extreme-left"}, "a.json": {"bias": "satire"}}, ("left", "high", "b.tsv")),
        ({"open.csv": {"type": "bias"}}, (None, None, None)),
        ({"a.json": {"bias": "Least Biased"}, "b.tsv": {"bias": "right"}}, ("centre", None, "a.json")),
    ],
)
def test_coverage_leaning_from_the_first_dataset_that_places_the_outlet(rated, expected):
    assert coverage.leaning_of(rated) == expected


def test_coverage_blindspot_needs_two_rated_outlets_on_one_side():
    assert coverage.blindspot({"left": 1, "centre": 0, "right": 0, "unrated": 3}) is None
    assert coverage.blindspot({"left": 0, "centre": 1, "right": 2, "unrated": 0}) == "left"
    assert coverage.blindspot({"left": 1, "centre": 0, "right": 1, "unrated": 0}) is None
    assert coverage.blindspot({"left": 0, "centre": 3, "right": 0, "unrated": 0}) is None


def test_stories_minilm_keeps_the_lead_embeddings_in_the_store(tmp_path):
    import sqlalchemy as sa

    from spinscope.corpus import stories
    from spinscope.corpus.schema import text_vectors

    store = _store(f"sqlite:///{tmp_path / 's.db'}", ARTICLES)
    first = stories.find(store, encoder="minilm")
    with store.reading() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(text_vectors)).scalar() == len(ARTICLES)
    assert stories.find(store, encoder="minilm") == first
