"""The store: add once, versions, exact export, migrations, bad documents, read-only stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.options import Options

PROFILE = Options(detectors=("profile",), batch_size=2)


def _add(url: str, paths: list[Path], opts: Options = PROFILE, **kw):
    from spinscope.corpus.add import add_paths
    from spinscope.corpus.store import Store

    store = Store(url).open()
    return store, add_paths(store, [str(p) for p in paths], opts, **kw)


def _export(store, fmt: str, tmp_path: Path) -> str:
    from spinscope.corpus.export import export

    out = tmp_path / f"export.{fmt}"
    export(store, fmt, out)
    return out.read_text(encoding="utf-8") if fmt != "parquet" else str(out)


def test_store_add_twice_stores_once(articles_file, sqlite_url):
    store, first = _add(sqlite_url, [articles_file])
    _, second = _add(sqlite_url, [articles_file])
    assert (first.stored, first.known) == (4, 0)
    assert (second.stored, second.known) == (0, 4)
    assert store.count("articles") == 4
    assert store.count("sightings") == 4  # the same id and source again is not a new sighting


def test_store_export_jsonl_matches_analyze(articles_file, sqlite_url, tmp_path):
    from spinscope.runner import run_analysis

    store, _ = _add(sqlite_url, [articles_file])
    expected = tmp_path / "analyze.jsonl"
    assert run_analysis([str(articles_file)], PROFILE, fmt="jsonl", single=False, output=expected, errors=None) == 0
    assert _export(store, "jsonl", tmp_path) == expected.read_text(encoding="utf-8")
    assert [json.loads(line)["id"] for line in expected.read_text().splitlines()] == ["n1", "n2", "n3", "n4"]


def test_store_export_csv_matches_analyze(articles_file, sqlite_url, tmp_path):
    from spinscope.runner import run_analysis

    opts = Options(detectors=("entities",), batch_size=2)
    store, _ = _add(sqlite_url, [articles_file], opts)
    expected = tmp_path / "analyze.csv"
    run_analysis([str(articles_file)], opts, fmt="csv", single=False, output=expected, errors=None)
    exported = _export(store, "csv", tmp_path)
    assert exported == expected.read_text(encoding="utf-8")
    assert exported.count("\n") > 1  # spans, not only the header


def test_store_export_parquet_one_row_per_article(articles_file, sqlite_url, tmp_path):
    import pyarrow.parquet as pq

    store, _ = _add(sqlite_url, [articles_file])
    table = pq.read_table(_export(store, "parquet", tmp_path))
    assert table.num_rows == 4
    assert table.column("id").to_pylist() == ["n1", "n2", "n3", "n4"]
    assert table.column("outlet").to_pylist()[:3] == ["Daily Planet", "Daily Planet", "example.co.uk"]
    assert json.loads(table.column("analysis")[0].as_py())["id"] == "n1"


def test_store_new_version_of_url_linked(tmp_path, sqlite_url):
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles

    old = {"id": "v1", "url": "https://site.org/x", "text": "The bridge will open in May, officials said."}
    new = {"id": "v1", "url": "https://site.org/x", "text": "The bridge will open in June, officials said after a delay."}
    (tmp_path / "old.jsonl").write_text(json.dumps(old) + "\n")
    (tmp_path / "new.jsonl").write_text(json.dumps(new) + "\n")
    store, _ = _add(sqlite_url, [tmp_path / "old.jsonl"])
    _add(sqlite_url, [tmp_path / "new.jsonl"])
    with store.reading() as conn:
        rows = conn.execute(sa.select(articles.c.id, articles.c.previous_version).order_by(articles.c.id)).fetchall()
    assert rows == [(1, None), (2, 1)]


def test_store_bad_documents_listed_and_logged(tmp_path, sqlite_url):
    lines = [json.dumps({"id": "ok", "text": "A fine article about trains."}), "{not json", json.dumps({"id": "empty", "text": ""})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    errors = tmp_path / "errors.jsonl"
    store, report = _add(sqlite_url, [tmp_path / "mixed.jsonl"], errors=errors)
    assert report.stored == 1 and len(report.failures) == 2 and report.exit_code() == 1
    logged = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [e["code"] for e in logged] == ["E106", "E113"]
    assert store.count("articles") == 1


def test_store_read_only_gives_one_line_error_and_stays_consistent(articles_file, tmp_path):
    from spinscope.corpus.store import Store, StoreError

    path = tmp_path / "ro.db"
    _add(f"sqlite:///{path}", [articles_file])
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "x", "text": "Something new entirely, never stored before."}) + "\n")
    with pytest.raises(StoreError) as err:
        _add(f"sqlite:///file:{path}?mode=ro&uri=true", [more])
    assert err.value.code == "E508" and "\n" not in str(err.value) and "readonly" in str(err.value)
    assert Store(f"sqlite:///{path}").open().count("articles") == 4


def test_store_migrates_a_first_revision_store(tmp_path):
    import sqlalchemy as sa

    from spinscope.corpus import search
    from spinscope.corpus.store import Store
    from spinscope.model import Analysis, content_hash

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Store(url).open(revision="0001")
    analysis = Analysis(id="old1", text="Parliament passed the water reform bill late on Thursday.")

    def insert_old(conn):
        assert "signatures" not in sa.inspect(conn).get_table_names()
        conn.execute(
            sa.text("INSERT INTO articles (content_hash, doc_id, outlet, words, added_at, analysis) VALUES (:h, 'old1', 'unknown', 9, 0, :a)"),
            {"h": content_hash(analysis.text), "a": analysis.to_json()},
        )

    old.write(insert_old)
    old.close()
    new = Store(url).open()
    assert new.count("signatures") == 1 and new.count("lsh_bands") > 0
    assert [h["id"] for h in search.search(new, "water reform")] == ["old1"]


def test_store_url_forms():
    from spinscope.corpus.store import normalise_url

    assert normalise_url("corpus.db") == "sqlite:///corpus.db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_store_later_run_names_actors_as_the_store_does(tmp_path, sqlite_url):
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "a", "text": "Barack Obama spoke in Chicago on Monday about the economy."}) + "\n", encoding="utf-8")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "b", "text": "Obama said the plan would create jobs. Obama spoke for an hour."}) + "\n", encoding="utf-8")
    opts = Options(detectors=("actors",), batch_size=2)
    store, _ = _add(sqlite_url, [first], opts)
    _add(sqlite_url, [later], opts)

    from spinscope.corpus.export import export

    out = tmp_path / "all.jsonl"
    export(store, "jsonl", out)
    people = {r["id"]: [(a["id"], a["name"]) for a in r["actors"] if a["type"] == "person"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert ("barack-obama", "Barack Obama") in people["a"]
    assert people["b"] == [("barack-obama", "Barack Obama")]  # not a new "obama" because the second run came later


def test_store_a_surname_met_first_takes_the_full_name_met_later(tmp_path, sqlite_url):
    docs = tmp_path / "docs.jsonl"
    rows = [
        {"id": "a", "text": "Obama said the plan would create jobs. Obama spoke for an hour in Chicago on Monday."},
        {"id": "b", "text": "Barack Obama spoke in Chicago on Monday about the economy and the plan."},
    ]
    docs.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store, _ = _add(sqlite_url, [docs], Options(detectors=("actors",), batch_size=1))

    from spinscope.corpus.search import search

    found = {hit["id"] for hit in search(store, "Chicago", actor="Barack Obama")}
    assert found == {"a", "b"}  # the first article, which says "Obama" only, is found by the full name too
