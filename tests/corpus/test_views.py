"""Views over hand-made analyses: outlets, ratings, search, duplicates, stories."""

from __future__ import annotations

import json

import pytest

from spinscope.model import Analysis, Profile, Span

BODY = (
    "The senator attacked the reckless plan in a fiery speech on the Senate floor. "
    "He said the bill would destroy thousands of jobs in the steel industry and ruin families across the state. "
    "Officials at the Treasury said the numbers were wrong. Unemployment fell to four percent last year."
)


def _analysis(id_, text, outlet=None, url=None, published=None, spans=(), profile=None, actors=None) -> Analysis:
    extra = {"actors": actors} if actors is not None else {}
    return Analysis(id=id_, text=text, outlet=outlet, url=url, published=published, spans=list(spans), profile=Profile(**(profile or {})), **extra)


def _span(text, piece, kind, label, **attrs) -> Span:
    start = text.index(piece)
    return Span(start=start, end=start + len(piece), kind=kind, label=label, score=0.9, attrs=attrs)


@pytest.fixture
def store(sqlite_url):
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    rich = _analysis(
        "r1",
        BODY,
        outlet="Herald",
        url="https://www.herald.com/1",
        published="2024-05-01",
        spans=[
            _span(BODY, "reckless plan", "technique", "Loaded_Language"),
            _span(BODY, "destroy thousands of jobs", "technique", "Exaggeration,Minimisation"),
            _span(BODY, "Unemployment fell to four percent last year.", "claim", "check_worthy", attributed=False),
            _span(BODY, "Officials at the Treasury said the numbers were wrong.", "claim", "check_worthy", attributed=True),
            _span(BODY, "the bill would destroy thousands of jobs", "quote", "indirect", speaker=None),
        ],
        profile={"words": 50, "genre": {"label": "opinion", "score": 0.8}, "tone": {"compound_mean": -0.5}},
        actors=[{"id": "a1", "name": "The senator", "type": "person"}, {"id": "a2", "name": "Treasury", "type": "organisation"}],
    )
    plain = _analysis("p1", "Rain is expected across the north on Sunday, forecasters said.", url="https://weather.example.org/x")
    s = Store(sqlite_url).open()
    write_batch(s, [Stored(json=a.to_json(), data=a.to_dict()) for a in (rich, plain)], None)
    return s


def test_outlets_figures_and_nulls(store):
    from spinscope.corpus.outlets import outlet_rows

    rows = {r["outlet"]: r for r in outlet_rows(store)}
    herald, other = rows["Herald"], rows["example.org"]
    assert herald["articles"] == 1 and herald["words"] == 50
    assert herald["techniques_per_1000_words"] == 40.0
    assert herald["technique_per_1000_words"] == {"Exaggeration,Minimisation": 20.0, "Loaded_Language": 20.0}
    assert herald["genres"] == {"opinion": 1.0}
    assert herald["unattributed_claims_share"] == 0.5
    assert herald["quotes_without_speaker_share"] == 1.0
    assert herald["tone"] == -0.5
    assert herald["top_actors"] == ["The senator", "Treasury"]
    assert other["techniques_per_1000_words"] == 0.0  # techniques ran on the store; none here
    assert other["unattributed_claims_share"] is None and other["genres"] == {} and other["tone"] is None


def test_outlets_frames_per_outlet(sqlite_url):
    from spinscope.corpus.outlets import outlet_rows
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    def framed(id_, chosen):
        scores = {f: 0.9 for f in chosen}
        return _analysis(id_, f"{BODY} ({id_})", outlet="Herald", profile={"frames": {"scores": scores, "chosen": chosen, "threshold": 0.375}})

    s = Store(sqlite_url).open()
    articles = [framed("f1", ["Political", "Economic"]), framed("f2", ["Political"]), _analysis("f3", BODY + " (f3)", outlet="Herald")]
    write_batch(s, [Stored(json=a.to_json(), data=a.to_dict()) for a in articles], None)
    herald = next(r for r in outlet_rows(s) if r["outlet"] == "Herald")
    assert herald["articles"] == 3
    assert herald["frames"] == {"Political": round(2 / 3, 4), "Economic": round(1 / 3, 4)}  # shares of all the outlet's articles
    assert herald["top_frames"] == ["Political", "Economic"]


def test_outlets_frames_are_null_when_the_detector_never_ran(store):
    from spinscope.corpus.outlets import outlet_rows

    assert all(r["frames"] is None and r["top_frames"] is None for r in outlet_rows(store))


def test_outlets_ratings_beside_not_mixed(store, tmp_path):
    from spinscope.corpus.outlets import outlet_rows
    from spinscope.corpus.ratings import import_ratings

    tsv = tmp_path / "baly.tsv"
    tsv.write_text("source_url\tsource_url_normalized\tref\tfact\tbias\nhttp://www.herald.com/\therald.com\thttp://mbfc.example/herald/\tmixed\tright\n")
    csv_file = tmp_path / "tags.csv"
    csv_file.write_text(",type,2nd type,\nexample.org,satire,,\n")
    mbfc = tmp_path / "mbfc.json"
    mbfc.write_text(
        json.dumps(
            {"aliases": {"herald.co.uk": "herald.com"}, "sources": [{"domain": "herald.com", "bias": "right", "reporting": "mixed", "questionable": ["propaganda"], "url": "https://mbfc.example/h"}]}
        )
    )
    assert import_ratings(store, tsv) == 1
    assert import_ratings(store, csv_file) == 1
    assert import_ratings(store, mbfc) == 2  # herald.com and its alias
    rows = {r["outlet"]: r for r in outlet_rows(store)}
    assert rows["Herald"]["ratings"] == {"baly.tsv": {"fact": "mixed", "bias": "right"}, "mbfc.json": {"bias": "right", "reporting": "mixed", "questionable": "propaganda"}}
    assert rows["example.org"]["ratings"] == {"tags.csv": {"type": "satire"}}
    assert "fact" not in rows["Herald"] and rows["Herald"]["techniques_per_1000_words"] == 40.0


def test_outlets_ratings_without_domain_column_is_an_error(store, tmp_path):
    from spinscope.corpus.ratings import import_ratings
    from spinscope.errors import UsageError

    bad = tmp_path / "bad.csv"
    bad.write_text("name,score\nHerald,3\n")
    with pytest.raises(UsageError, match="E503"):
        import_ratings(store, bad)


def test_search_text_and_filters(store):
    from spinscope.corpus.search import search

    hits = search(store, "steel jobs")
    assert [h["id"] for h in hits] == ["r1"]
    assert any(s["label"] == "Exaggeration,Minimisation" and "[destroy thousands of jobs]" in s["context"] for s in hits[0]["spans"])
    assert [h["id"] for h in search(store, "senator", technique="Loaded_Language")] == ["r1"]
    assert search(store, "senator", technique="Flag-Waving") == []
    assert [h["id"] for h in search(store, "rain", outlet="example.org")] == ["p1"]
    assert search(store, "rain", outlet="Herald") == []
    assert [h["id"] for h in search(store, "plan", actor="treasury")] == ["r1"]
    assert [h["id"] for h in search(store, "plan", genre="opinion")] == ["r1"]


def test_search_query_is_never_sql_or_fts_syntax(store):
    from spinscope.corpus.search import search

    assert search(store, "'; DROP TABLE articles; --") == []
    assert search(store, 'steel" OR "rain') == []  # quotes are dropped: all three words must occur
    assert store.count("articles") == 2


def test_duplicates_syndicated_copy_and_exact_copy(sqlite_url):
    from spinscope.corpus.duplicates import find
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    body = " ".join(f"Sentence number {i} tells of the storm that hit the coast and the damage it left behind." for i in range(12))
    original = _analysis("orig", "Storm hits coast\n\n" + body, outlet="Wire", published="2024-01-01")
    syndicated = _analysis("copy", "REPUBLISHED BY THE GAZETTE\n" + body + "\nSubscribe to our newsletter for more.", outlet="Gazette", published="2024-01-03")
    exact = _analysis("again", original.text, outlet="Mirror", published="2024-01-05")
    other = _analysis("other", "Markets rallied on Friday as investors cheered the rate cut by the central bank.")
    store = Store(sqlite_url).open()
    write_batch(store, [Stored(a.to_json(), a.to_dict()) for a in (original, syndicated, exact, other)], None)
    pairs = find(store)
    assert [(p["a"], p["b"], p["first"]) for p in pairs] == [("orig", "again", "orig"), ("orig", "copy", "orig")]
    assert pairs[0]["jaccard"] == 1.0 and 0.7 < pairs[1]["jaccard"] < 1.0


def test_stories_group_same_event_across_outlets(sqlite_url):
    from spinscope.corpus import stories
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    quake = "A magnitude 7 earthquake struck northern Chile on Tuesday, collapsing buildings in Arica and killing at least 12 people, officials said."
    items = [
        _analysis("q1", "Earthquake kills 12 in Chile\n\n" + quake, outlet="A", published="2024-02-06"),
        _analysis(
            "q2",
            "Chile earthquake: buildings collapse in Arica\n\nThe earthquake in northern Chile killed 12 people and collapsed buildings in Arica, officials said on Tuesday.",
            outlet="B",
            published="2024-02-07",
        ),
        _analysis("q3", "Deadly quake in Chile\n\n" + quake, outlet="C", published="2024-03-30"),  # weeks later: not linked
        _analysis("x1", "Local bakery wins award\n\nA small bakery in Leeds won the national bread prize for its sourdough loaf.", outlet="A", published="2024-02-06"),
    ]
    store = Store(sqlite_url).open()
    write_batch(store, [Stored(a.to_json(), a.to_dict()) for a in items], None)
    found = stories.find(store)
    assert [(s["articles"], s["start"], s["end"]) for s in found] == [(["q1", "q2"], "2024-02-06", "2024-02-07")]
    assert found[0]["outlets"] == {"A": ["q1"], "B": ["q2"]}
    assert "chile" in found[0]["label"].lower() or "earthquake" in found[0]["label"].lower()
    assert found[0]["framing"]["A"]["techniques_per_1000_words"] is None
