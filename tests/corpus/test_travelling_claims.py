"""Claims that travel: the same claim (same words or a paraphrase) across outlets, its first appearance,
who repeated it and with what attribution; numbers that differ keep claims apart; CLI, API and CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from spinscope.corpus import travel
from spinscope.model import Analysis, Span

CLAIM = "The ministry paid 40 million euros to a consulting firm owned by the minister's brother."
PARAPHRASE = "A consulting firm owned by the minister's brother received 40 million euros from the ministry."
OTHER_FIGURE = "The ministry paid 25 million euros to a consulting firm owned by the minister's brother."
UNRELATED = "Heavy rain flooded the river valley overnight and emergency crews rescued dozens of residents."


def _analysis(id_, outlet, published, sentences, attributed=()):
    """An analysis whose text is ``sentences``; each one is a claim span, attributed where listed."""
    text = " ".join(sentences)
    spans = []
    for k, sentence in enumerate(sentences):
        start = text.index(sentence)
        named = k in attributed
        spans.append(
            Span(
                start=start,
                end=start + len(sentence),
                kind="claim",
                label="check_worthy",
                score=0.9,
                attrs={"attributed": named, "source": {"start": start, "end": start + 3, "text": "The"} if named else None, "source_type": "named_organisation" if named else "none"},
            )
        )
    return Analysis(id=id_, text=text, title=f"Story {id_}", outlet=outlet, url=f"https://{outlet.lower().replace(' ', '')}.com/{id_}", published=published, spans=spans)


ARTICLES = [
    _analysis("b1", "Second Post", "2024-04-03", [PARAPHRASE, UNRELATED]),
    _analysis("a1", "First Herald", "2024-04-01", ["Officials declined to comment on the report last week.", CLAIM], attributed={1}),
    _analysis("c1", "Third Wire", "2024-04-05", [CLAIM + " It happened in May."]),
    _analysis("d1", "Fourth Daily", "2024-04-06", [OTHER_FIGURE]),
    _analysis("b2", "Second Post", "2024-04-07", [UNRELATED + " Again."]),
]


@pytest.fixture
def store(sqlite_url):
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    s = Store(sqlite_url).open()
    write_batch(s, [Stored(a.to_json(), a.to_dict()) for a in ARTICLES], None)
    return s


def test_travelling_claim_found_across_outlets_with_its_first_appearance_and_attribution(store):
    found = travel.find(store)
    assert len(found) == 1
    t = found[0]
    assert t["id"] == "claim-1" and t["claim"] == CLAIM
    assert [a["article"] for a in t["appearances"]] == ["a1", "b1", "c1"]  # by date: a1 first
    assert t["first"]["outlet"] == "First Herald" and t["first"]["published"] == "2024-04-01"
    assert t["outlets"] == ["First Herald", "Second Post", "Third Wire"]
    assert (t["attributed"], t["unattributed"]) == (1, 2)
    assert [a["attributed"] for a in t["appearances"]] == [True, False, False]
    paraphrase = t["appearances"][1]
    assert paraphrase["text"] == PARAPHRASE and 0.8 <= paraphrase["similarity"] < 1.0


def test_travelling_claim_with_other_numbers_is_another_claim(store):
    found = travel.find(store)
    assert all(a["article"] != "d1" for t in found for a in t["appearances"])  # 25 million, not 40 million
    assert travel.numbers_in(OTHER_FIGURE) == {"25"} and travel.numbers_in("plus or minus six points") == {"6"}


def test_travelling_claims_words_only_miss_the_paraphrase(store):
    (t,) = travel.find(store, encoder="tfidf")
    assert [a["article"] for a in t["appearances"]] == ["a1", "c1"]


def test_travelling_claims_within_one_outlet_only_with_min_outlets_1(store):
    assert all(len(t["outlets"]) >= 2 for t in travel.find(store))
    within = [t for t in travel.find(store, min_outlets=1) if t["outlets"] == ["Second Post"]]
    assert [[a["article"] for a in t["appearances"]] for t in within] == [["b1", "b2"]]


def test_travelling_claims_embeddings_are_stored_once(store):
    import sqlalchemy as sa

    from spinscope.corpus.schema import text_vectors

    first = travel.find(store)
    with store.reading() as conn:
        stored = conn.execute(sa.select(sa.func.count()).select_from(text_vectors)).scalar()
    assert stored == len({c["text"] for c in travel.load(store)})
    assert travel.find(store) == first
    with store.reading() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(text_vectors)).scalar() == stored


def test_travelling_claims_same_result_whatever_the_storing_order(tmp_path):
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    results = []
    for n, order in enumerate([ARTICLES, list(reversed(ARTICLES))]):
        s = Store(f"sqlite:///{tmp_path / f't{n}.db'}").open()
        write_batch(s, [Stored(a.to_json(), a.to_dict()) for a in order], None)
        results.append(json.dumps(travel.find(s), sort_keys=True))
    assert results[0] == results[1]


def test_travelling_claims_cli_table_json_and_long_csv(store, sqlite_url):
    from typer.testing import CliRunner

    from spinscope.cli import app

    runner = CliRunner()
    as_json = runner.invoke(app, ["claims", "--across", "--db", sqlite_url, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)[0]["first"]["article"] == "a1"
    as_csv = runner.invoke(app, ["claims", "--across", "--db", sqlite_url, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["claim_id"], r["appearance"], r["article"], r["outlet"], r["published"]) for r in rows] == [
        ("claim-1", "1", "a1", "First Herald", "2024-04-01"),
        ("claim-1", "2", "b1", "Second Post", "2024-04-03"),
        ("claim-1", "3", "c1", "Third Wire", "2024-04-05"),
    ]
    for row in rows:
        for cell in row.values():
            try:
                assert not isinstance(json.loads(cell), (dict, list)), cell
            except (json.JSONDecodeError, TypeError):
                pass
    table = runner.invoke(app, ["claims", "--across", "--db", sqlite_url])
    assert table.exit_code == 0 and "claim-1" in table.stdout and "First Herald" in table.stdout
    both = runner.invoke(app, ["claims", "article.txt", "--across", "--db", sqlite_url])
    assert both.exit_code != 0 and "E250" in str(both.exception or both.output)


def test_travelling_claims_api_and_page(store, sqlite_url):
    from fastapi.testclient import TestClient

    from spinscope.api import ApiSettings, create_app

    client = TestClient(create_app(ApiSettings(db=sqlite_url)), raise_server_exceptions=False)
    got = client.get("/api/claims/travelling")
    assert got.status_code == 200 and got.json()[0]["claim"] == CLAIM
    assert client.get("/api/claims/travelling", params={"encoder": "bert"}).status_code == 422
    page = client.get("/claims")
    assert page.status_code == 200 and "Claims that travel" in page.text and "First Herald" in page.text


def test_travelling_claims_table_export_is_long_and_flat(store, tmp_path):
    from spinscope.corpus.export import export_table

    out = tmp_path / "travelling.csv"
    assert export_table(store, "travelling_claims", "csv", out) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["appearance"] for r in rows] == ["1", "2", "3"] and {r["claim_id"] for r in rows} == {"claim-1"}
    assert rows[0]["outlet"] == "First Herald" and rows[0]["published"] == "2024-04-01" and rows[0]["title"] == "Story a1"
