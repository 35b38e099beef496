"""PostgreSQL gives the same store as SQLite: same export, search, duplicates and outlets."""

from __future__ import annotations

from spinscope.options import Options

OPTS = Options(detectors=("entities",), batch_size=2)


def _fill(url: str, path):
    from spinscope.corpus.add import add_paths
    from spinscope.corpus.store import Store

    store = Store(url).open()
    report = add_paths(store, [str(path)], OPTS)
    return store, report


def _export(store, tmp_path, name):
    from spinscope.corpus.export import export

    out = tmp_path / name
    export(store, "jsonl", out)
    return out.read_text(encoding="utf-8")


def test_postgres_matches_sqlite(articles_file, sqlite_url, fresh_pg, tmp_path):
    from spinscope.corpus import duplicates, outlets, search, stories

    lite, lite_report = _fill(sqlite_url, articles_file)
    pg, pg_report = _fill(fresh_pg, articles_file)
    assert pg.dialect == "postgresql"
    assert (pg_report.stored, lite_report.stored) == (4, 4)
    assert _export(pg, tmp_path, "pg.jsonl") == _export(lite, tmp_path, "lite.jsonl")
    # the same matches; the order follows each engine's own ranking (bm25 / ts_rank)
    assert sorted(h["id"] for h in search.search(pg, "budget")) == sorted(h["id"] for h in search.search(lite, "budget")) == ["n1", "n3"]
    assert search.search(pg, "'; DROP TABLE articles; --") == []
    assert outlets.outlet_rows(pg) == outlets.outlet_rows(lite)
    assert duplicates.find(pg) == duplicates.find(lite)
    assert stories.find(pg) == stories.find(lite)
    _, again = _fill(fresh_pg, articles_file)
    assert (again.stored, again.known) == (0, 4)


def test_postgres_article_list_and_lookup_match_sqlite(articles_file, sqlite_url, fresh_pg):
    from spinscope.corpus import articles, stories

    lite, _ = _fill(sqlite_url, articles_file)
    pg, _ = _fill(fresh_pg, articles_file)
    for filters in ({}, {"outlet": "Daily Planet"}, {"outlet": "example.co.uk"}, {"date_from": "2024-03-02"}, {"date_to": "2024-03-01"}, {"actor": "'; DROP TABLE articles; --"}):
        assert articles.list_articles(pg, offset=0, limit=10, **filters) == articles.list_articles(lite, offset=0, limit=10, **filters), filters
    assert articles.list_articles(pg, offset=1, limit=2)["total"] == 4
    assert articles.get_article(pg, "n2") == articles.get_article(lite, "n2") and articles.get_article(pg, "n2")["id"] == "n2"
    assert articles.get_article(pg, "missing") is None
    assert stories.story_of(pg, "n1") == stories.story_of(lite, "n1")
