"""The corpus endpoints and pages over a real SQLite store filled through spinscope.corpus."""

from __future__ import annotations

import json

import pytest

from spinscope.model import Analysis, Profile, Span

TEXT = "The corrupt traitors met in Geneva on Tuesday.\nOfficials said 40 people were hurt."
BUDGET = "Springfield council passes budget\n\nThe Springfield city council passed the budget on Monday after Mayor Jane Smith warned of deep cuts to schools and libraries."
BUDGET_2 = "Council approves Springfield budget\n\nMayor Jane Smith said the Springfield city council budget passed on Monday would bring deep cuts to schools and libraries."


def _stored() -> list[Analysis]:
    cut = BUDGET.index("deep cuts")
    return [
        Analysis(
            id="b1",
            title="Springfield council passes budget",
            text=BUDGET,
            outlet="Herald",
            published="2024-03-04",
            spans=[Span(start=cut, end=cut + 9, kind="technique", label="Loaded_Language", score=0.8)],
            profile=Profile(words=24),
            actors=[{"id": "a1", "name": "Jane Smith", "type": "PERSON"}],
        ),
        Analysis(
            id="b2",
            title="Council approves Springfield budget",
            text=BUDGET_2,
            outlet="Gazette",
            published="2024-03-05",
            profile=Profile(words=23),
            actors=[{"id": "a1", "name": "Jane Smith", "type": "PERSON"}],
        ),
    ]


@pytest.fixture
def db(tmp_path) -> str:
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import add_analysis

    url = f"sqlite:///{tmp_path / 'api.db'}"
    store = Store(url).open()
    for analysis in _stored():
        add_analysis(store, analysis)
    store.close()
    return url


def test_api_corpus_articles_list_and_filters(make_client, db):
    client = make_client(db=db)
    body = client.get("/api/articles", params={"per_page": 1}).json()
    assert body["total"] == 2 and body["page"] == 1 and [i["id"] for i in body["items"]] == ["b2"]
    assert [i["id"] for i in client.get("/api/articles", params={"technique": "Loaded_Language"}).json()["items"]] == ["b1"]
    assert client.get("/api/articles", params={"date_from": "2024-03-05"}).json()["total"] == 1
    bad = client.get("/api/articles", params={"date_to": "yesterday"})
    assert bad.status_code == 422 and "E505" in bad.json()["error"]


def test_api_corpus_filters_take_the_names_people_see(make_client, db):
    client = make_client(db=db)
    for name in ("Loaded Language", "loaded-language", "LOADED_LANGUAGE"):
        assert [i["id"] for i in client.get("/api/articles", params={"technique": name}).json()["items"]] == ["b1"]
        assert [h["id"] for h in client.get("/api/search", params={"q": "budget", "technique": name}).json()] == ["b1"]
    assert [i["id"] for i in client.get("/api/articles", params={"outlet": "gazette"}).json()["items"]] == ["b2"]
    for path, params in (("/api/articles", {"technique": "Loaded Lang"}), ("/api/search", {"q": "budget", "technique": "Loaded Lang"})):
        bad = client.get(path, params=params)
        body = bad.json()
        assert bad.status_code == 422 and body["code"] == "E511"
        assert "no technique matches 'Loaded Lang'; known: Appeal_to_Authority" in body["error"]
    bad = client.get("/api/search", params={"q": "budget", "outlet": "nowhere"}).json()
    assert bad["code"] == "E511" and "Gazette" in bad["error"] and "Herald" in bad["error"]


def test_api_corpus_article_is_the_stored_analysis(make_client, db):
    client = make_client(db=db)
    r = client.get("/api/articles/b1")
    assert r.status_code == 200 and r.json() == json.loads(_stored()[0].to_json())
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "E609" in missing.json()["error"]


def test_api_corpus_views_answer_from_the_store(make_client, db):
    client = make_client(db=db)
    assert {row["outlet"] for row in client.get("/api/outlets").json()} == {"Herald", "Gazette"}
    stories = client.get("/api/stories").json()
    assert [sorted(s["articles"]) for s in stories] == [["b1", "b2"]]
    assert client.get("/api/duplicates").json() == []
    assert [h["id"] for h in client.get("/api/search", params={"q": "libraries", "outlet": "Herald"}).json()] == ["b1"]


def test_api_analyze_store_true_writes_to_the_store(make_client, db, fake_techniques):
    client = make_client(db=db, token="s3cret")
    body = {"text": TEXT, "detectors": [fake_techniques], "store": True, "outlet": "Wire"}
    assert client.post("/api/analyze", json=body).status_code == 401
    r = client.post("/api/analyze", json=body, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200, r.text
    doc_id = r.json()["id"]
    stored = client.get(f"/api/articles/{doc_id}")
    assert stored.status_code == 200 and stored.json() == r.json()
    assert client.get("/api/articles").json()["total"] == 3


def test_api_analyze_store_true_refused_when_read_only(make_client, db, fake_techniques):
    client = make_client(db=db, read_only=True)
    r = client.post("/api/analyze", json={"text": TEXT, "detectors": [fake_techniques], "store": True})
    assert r.status_code == 403
    assert client.get("/api/articles").json()["total"] == 2


def test_pages_render_from_a_real_store(make_client, db):
    client = make_client(db=db)
    listing = client.get("/articles")
    assert listing.status_code == 200 and "Springfield council passes budget" in listing.text and 'href="/articles/b1"' in listing.text
    page = client.get("/articles/b1")
    assert page.status_code == 200 and "deep cuts" in page.text
    assert 'href="/stories#story-1"' in page.text
    stories = client.get("/stories")
    assert 'id="story-1"' in stories.text and "Gazette" in stories.text and "Jane Smith" in stories.text
    assert "Herald" in client.get("/outlets").text
    assert "b1" in client.get("/search", params={"q": "libraries"}).text
    assert client.get("/articles/nope", headers={"accept": "text/html"}).status_code == 404


def test_api_analyze_store_true_names_actors_as_the_store_does(make_client, tmp_path):
    """An article stored through the API names an actor the store already knows by the store's name and id,
    as ``corpus add`` does, and without ``store`` it keeps its own."""
    from spinscope.corpus.add import add_paths
    from spinscope.corpus.store import Store
    from spinscope.options import Options

    first = tmp_path / "first.jsonl"
    first.write_text('{"id": "a", "text": "Barack Obama spoke in Chicago on Monday about the economy."}\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'api.db'}"
    add_paths(Store(db).open(), [str(first)], Options(detectors=("actors",)))
    client = make_client(db=db)
    body = {"text": "Obama said the plan would create jobs in the spring.", "detectors": ["actors"]}
    alone = client.post("/api/analyze", json=body).json()
    stored = client.post("/api/analyze", json={**body, "store": True}).json()
    people = lambda r: {a["id"] for a in r["actors"] if a["type"] == "person"}  # noqa: E731
    assert people(alone) == {"obama"}
    assert people(stored) == {"barack-obama"}
    assert client.get(f"/api/articles/{stored['id']}").json()["actors"] == stored["actors"]


def test_article_page_shows_the_title_once(make_client, db):
    import re

    page = make_client(db=db).get("/articles/b1").text
    assert "<h2>Springfield council passes budget</h2>" in page
    text = re.search(r'<div class="article-text">(.*?)</div>', page, re.S).group(1)
    assert text.startswith("The Springfield city council") and "Springfield council passes budget" not in text
    assert re.search(r'<span class="hl t8 p0"[^>]*>deep cuts</span>', text)  # the span's offsets still fit the text
