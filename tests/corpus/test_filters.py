"""Filters take the names people see: technique titles, any case, bare outlet names; an unknown value says what is known."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from spinscope.errors import UsageError
from spinscope.model import Analysis, Profile, Span

BODY = "The senator attacked the reckless plan in a fiery speech about the steel industry."


@pytest.fixture
def store(sqlite_url):
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    start = BODY.index("reckless plan")
    spans = [Span(start=start, end=start + 13, kind="technique", label="Loaded_Language", score=0.9), Span(start=4, end=11, kind="technique", label="Name_Calling,Labeling", score=0.8)]
    items = [
        Analysis(id="z1", text=BODY, outlet="zerohedge.com", url="https://www.zerohedge.com/a", spans=spans, profile=Profile(genre={"label": "opinion", "score": 0.9})),
        Analysis(id="h1", text="The senator spoke about the steel plan on Monday.", outlet="Herald", url="https://herald.example.com/1"),
    ]
    s = Store(sqlite_url).open()
    write_batch(s, [Stored(a.to_json(), a.to_dict()) for a in items], None)
    return s


@pytest.mark.parametrize("name", ["Loaded_Language", "Loaded Language", "loaded_language", "loaded-language", "LOADED LANGUAGE", "Loaded language"])
def test_filters_technique_forgives_case_spaces_hyphens_underscores(store, name):
    from spinscope.corpus.articles import list_articles
    from spinscope.corpus.search import search

    hits = search(store, "senator", technique=name)
    assert [h["id"] for h in hits] == ["z1"] and [s["label"] for s in hits[0]["spans"]] == ["Loaded_Language"]
    assert [i["id"] for i in list_articles(store, technique=name)["items"]] == ["z1"]


def test_filters_technique_by_part_of_a_combined_label_or_its_title(store):
    from spinscope.corpus.search import search

    assert [h["id"] for h in search(store, "senator", technique="name calling")] == ["z1"]
    assert [h["id"] for h in search(store, "senator", technique="Name calling / labelling")] == ["z1"]
    assert search(store, "senator", technique="Flag waving") == []  # known, just not in these articles


@pytest.mark.parametrize("name", ["opinion", "Opinion", "OPINION"])
def test_filters_genre_any_case(store, name):
    from spinscope.corpus.search import search

    assert [h["id"] for h in search(store, "senator", genre=name)] == ["z1"]


def test_filters_genre_known_but_absent_is_empty_not_an_error(store):
    from spinscope.corpus.search import search

    assert search(store, "senator", genre="Satire") == []


@pytest.mark.parametrize("name", ["zerohedge", "zerohedge.com", "ZeroHedge", "ZEROHEDGE.COM"])
def test_filters_outlet_by_name_domain_or_bare_name(store, name):
    from spinscope.corpus.articles import list_articles
    from spinscope.corpus.search import search

    assert [h["id"] for h in search(store, "senator", outlet=name)] == ["z1"]
    assert [i["id"] for i in list_articles(store, outlet=name)["items"]] == ["z1"]


def test_filters_outlet_name_any_case(store):
    from spinscope.corpus.search import search

    assert [h["id"] for h in search(store, "senator", outlet="herald")] == ["h1"]


@pytest.mark.parametrize(
    ("filters", "known"),
    [({"technique": "Loaded Lang"}, "Appeal_to_Authority"), ({"genre": "editorial"}, "opinion"), ({"outlet": "nosuchoutlet"}, "Herald")],
)
def test_filters_unknown_value_names_the_known_ones(store, filters, known):
    from spinscope.corpus.articles import list_articles
    from spinscope.corpus.search import search

    ((what, value),) = filters.items()
    for run in (lambda: search(store, "senator", **filters), lambda: list_articles(store, **filters)):
        with pytest.raises(UsageError, match="E511") as err:
            run()
        assert f"no {what} matches {value!r}; known: " in str(err.value) and known in str(err.value)


def test_filters_cli_unknown_technique_is_one_line_and_non_zero(store, sqlite_url):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "spinscope.cli", "search", "senator", "--db", sqlite_url, "--technique", "Loaded Lang"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("spinscope: error: [E511] no technique matches 'Loaded Lang'; known: Appeal_to_Authority, ")


def test_filters_cli_forgiving_technique_finds_the_article(store, sqlite_url):
    import json

    from spinscope.cli import app

    done = CliRunner().invoke(app, ["search", "senator", "--db", sqlite_url, "--technique", "Loaded Language", "--outlet", "zerohedge", "--genre", "Opinion", "--format", "json"])
    assert done.exit_code == 0, done.output
    assert [h["id"] for h in json.loads(done.stdout)] == ["z1"]
