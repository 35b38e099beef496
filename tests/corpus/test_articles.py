"""Article list, single article, story link and the one-analysis write path, on a real SQLite store."""

from __future__ import annotations

import json

import pytest

from spinscope.model import Analysis, Profile, Span

BUDGET = "Springfield council passes budget\n\nThe Springfield city council passed the budget on Monday after Mayor Jane Smith warned of deep cuts to schools and libraries."
BUDGET_2 = "Council approves Springfield budget\n\nMayor Jane Smith said the Springfield city council budget passed on Monday would bring deep cuts to schools and libraries."
FLOOD = "River floods valley\n\nHeavy rain flooded the river valley overnight and emergency crews rescued dozens of residents."


def _entity(text: str, name: str, label: str) -> Span:
    start = text.index(name)
    return Span(start=start, end=start + len(name), kind="entity", label=label, score=1.0)


def make_analyses() -> list[Analysis]:
    """Three articles: two on one budget vote (two outlets, a day apart), one on a flood."""
    return [
        Analysis(
            id="b1",
            title="Springfield council passes budget",
            text=BUDGET,
            outlet="Herald",
            url="https://www.herald.com/b1",
            published="2024-03-04",
            spans=[
                _entity(BUDGET, "Jane Smith", "PERSON"),
                _entity(BUDGET, "Springfield", "GPE"),
                Span(start=BUDGET.index("deep cuts"), end=BUDGET.index("deep cuts") + 9, kind="technique", label="Loaded_Language", score=0.8),
            ],
            profile=Profile(words=24, genre={"label": "news", "score": 0.9}),
            actors=[{"id": "a1", "name": "Jane Smith", "type": "PERSON"}],
        ),
        Analysis(
            id="b2",
            title="Council approves Springfield budget",
            text=BUDGET_2,
            outlet="Gazette",
            url="https://gazette.example.org/b2",
            published="2024-03-05T09:30:00",
            spans=[_entity(BUDGET_2, "Jane Smith", "PERSON"), _entity(BUDGET_2, "Springfield", "GPE")],
            profile=Profile(words=23, genre={"label": "opinion", "score": 0.7}),
            actors=[{"id": "a1", "name": "Jane Smith", "type": "PERSON"}],
        ),
        Analysis(id="f1", title="River floods valley", text=FLOOD, outlet="Herald", published="2024-02-01", profile=Profile(words=15)),
    ]


@pytest.fixture
def store(sqlite_url):
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import add_analysis

    s = Store(sqlite_url).open()
    for analysis in make_analyses():
        add_analysis(s, analysis)
    return s


def test_articles_list_newest_first_with_total(store):
    from spinscope.corpus.articles import list_articles

    found = list_articles(store, offset=0, limit=2)
    assert found["total"] == 3
    assert found["items"] == [
        {"id": "b2", "title": "Council approves Springfield budget", "outlet": "Gazette", "published": "2024-03-05T09:30:00"},
        {"id": "b1", "title": "Springfield council passes budget", "outlet": "Herald", "published": "2024-03-04"},
    ]
    assert [i["id"] for i in list_articles(store, offset=2, limit=2)["items"]] == ["f1"]


def test_articles_list_filters(store):
    from spinscope.corpus.articles import list_articles

    ids = lambda **f: [i["id"] for i in list_articles(store, offset=0, limit=10, **f)["items"]]  # noqa: E731
    assert ids(outlet="Herald") == ["b1", "f1"]
    assert ids(outlet="example.org") == ["b2"]  # the registered domain works too
    assert ids(technique="Loaded_Language") == ["b1"]
    assert ids(actor="jane smith") == ["b2", "b1"]
    assert ids(genre="opinion") == ["b2"]
    assert ids(date_from="2024-03-05") == ["b2"]
    assert ids(date_to="2024-03-04") == ["b1", "f1"]
    assert ids(date_from="2024-03-01", date_to="2024-03-04", outlet="Herald") == ["b1"]
    assert list_articles(store, offset=0, limit=10, actor="'; DROP TABLE articles; --")["total"] == 0
    assert store.count("articles") == 3


def test_articles_list_bad_date_is_a_usage_error(store):
    from spinscope.corpus.articles import list_articles
    from spinscope.errors import UsageError

    with pytest.raises(UsageError, match="E505"):
        list_articles(store, offset=0, limit=10, date_from="March 2024")


def test_articles_get_is_the_stored_json_exactly(store):
    from spinscope.corpus.articles import get_article

    analysis = make_analyses()[0]
    assert get_article(store, "b1") == json.loads(analysis.to_json())
    assert get_article(store, "nope") is None


def test_articles_get_finds_an_exact_copy_by_its_own_id(store):
    from spinscope.corpus.articles import get_article
    from spinscope.corpus.write import add_analysis

    copy = make_analyses()[2].model_copy(update={"id": "f1-copy", "outlet": "Wire"})
    assert add_analysis(store, copy)["known"] == 1
    assert store.count("articles") == 3
    assert get_article(store, "f1-copy")["id"] == "f1"


def test_articles_add_analysis_accepts_a_dict(sqlite_url):
    from spinscope.corpus.articles import get_article
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import add_analysis

    s = Store(sqlite_url).open()
    assert add_analysis(s, make_analyses()[2].to_dict())["stored"] == 1
    assert get_article(s, "f1")["text"] == FLOOD


def test_articles_story_of_links_both_budget_articles(store):
    from spinscope.corpus.stories import find, story_of

    stories = find(store)
    assert [sorted(s["articles"]) for s in stories] == [["b1", "b2"]]
    assert story_of(store, "b1") == story_of(store, "b2") == {"id": stories[0]["id"], "title": stories[0]["label"]}
    assert story_of(store, "f1") is None
