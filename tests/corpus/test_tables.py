"""Tidy tables a researcher can load: CSV and Parquet exports with no JSON in any cell."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from spinscope.errors import UsageError
from spinscope.model import Analysis, Profile, Span

BODY = "The senator attacked the reckless plan in a fiery speech. Officials at the Treasury said the numbers were wrong. Unemployment fell to four percent last year."
QUAKE = "A magnitude 7 earthquake struck northern Chile on Tuesday, collapsing buildings in Arica and killing at least 12 people, officials said."
STORM = " ".join(f"Sentence number {i} tells of the storm that hit the coast and the damage it left behind." for i in range(12))
TABLES = ("articles", "spans", "outlets", "stories", "story_outlets", "story_articles", "duplicates")


def _span(text, piece, kind, label, **attrs) -> Span:
    start = text.index(piece)
    return Span(start=start, end=start + len(piece), kind=kind, label=label, score=0.9, attrs=attrs)


def _analyses() -> list[Analysis]:
    official = "Officials at the Treasury said the numbers were wrong."
    spans = [
        _span(BODY, "reckless plan", "technique", "Loaded_Language", voice="author"),
        _span(BODY, official, "claim", "check_worthy", attributed=True, source={"start": 0, "end": 9, "text": "Officials"}, quantities=[{"value": 4}]),
        _span(BODY, "the numbers were wrong", "quote", "indirect", speaker=None, direct=False),
    ]
    profile = Profile(words=25, genre={"label": "opinion", "score": 0.8}, tone={"compound_mean": -0.5})
    return [
        Analysis(id="r1", title="A fiery speech", text=BODY, outlet="Herald", url="https://www.herald.com/1", published="2024-05-01", spans=spans, profile=profile),
        Analysis(id="q1", title="Earthquake kills 12 in Chile", text="Earthquake kills 12 in Chile\n\n" + QUAKE, outlet="Herald", url="https://www.herald.com/2", published="2024-02-06"),
        Analysis(
            id="q2",
            title="Chile earthquake",
            text="Chile earthquake: buildings collapse in Arica\n\nThe earthquake in northern Chile killed 12 people and collapsed buildings in Arica, officials said on Tuesday.",
            outlet="Gazette",
            published="2024-02-07",
        ),
        Analysis(id="s1", title="Storm hits coast", text="Storm hits coast\n\n" + STORM, outlet="Wire", published="2024-01-01"),
        Analysis(id="s2", title="Storm", text="REPUBLISHED BY THE GAZETTE\n" + STORM + "\nSubscribe to our newsletter.", outlet="Gazette", published="2024-01-03"),
    ]


@pytest.fixture
def store_url(sqlite_url):
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    store = Store(sqlite_url).open()
    write_batch(store, [Stored(a.to_json(), a.to_dict()) for a in _analyses()], None)
    store.close()
    return sqlite_url


def _cli(*args: str):
    from spinscope.cli import app

    return CliRunner().invoke(app, list(args))


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _json_cells(rows: list[dict]) -> list[str]:
    """Cells that parse as a JSON object or list."""
    found = []
    for row in rows:
        for value in row.values():
            try:
                parsed = json.loads(value)
            except (ValueError, TypeError):
                continue
            if isinstance(parsed, (dict, list)):
                found.append(value)
    return found


@pytest.mark.parametrize("table", TABLES)
def test_tables_csv_export_has_rows_and_no_json_cell(store_url, tmp_path, table):
    out = tmp_path / f"{table}.csv"
    done = _cli("corpus", "export", "--db", store_url, "--table", table, "--format", "csv", "-o", str(out))
    assert done.exit_code == 0, done.output
    rows = _rows(out.read_text(encoding="utf-8"))
    assert rows, f"{table} is empty"
    assert _json_cells(rows) == []


def test_tables_articles_and_spans_carry_outlet_title_and_date(store_url):
    articles = {r["id"]: r for r in _rows(_cli("corpus", "export", "--db", store_url, "--table", "articles").stdout)}
    assert set(articles) == {"r1", "q1", "q2", "s1", "s2"}
    r1 = articles["r1"]
    assert (r1["outlet"], r1["title"], r1["published"], r1["url"], r1["domain"]) == ("Herald", "A fiery speech", "2024-05-01", "https://www.herald.com/1", "herald.com")
    assert (r1["genre"], r1["tone"], r1["words"], r1["techniques"], r1["spans"], r1["claims"], r1["quotes"]) == ("opinion", "-0.5", "25", "1", "3", "1", "1")
    spans = _rows(_cli("corpus", "export", "--db", store_url, "--table", "spans").stdout)
    assert {"article_id", "outlet", "title", "published", "start", "end", "kind", "label", "score", "text"} <= set(spans[0])
    technique = next(s for s in spans if s["kind"] == "technique")
    assert (technique["article_id"], technique["outlet"], technique["title"], technique["published"], technique["text"]) == ("r1", "Herald", "A fiery speech", "2024-05-01", "reckless plan")
    claim = next(s for s in spans if s["kind"] == "claim")
    assert (claim["attr.attributed"], claim["attr.source.text"]) == ("true", "Officials")
    assert "attr.quantities" not in claim  # a list of objects is left out, not written as JSON


def test_tables_stories_and_story_outlets_long_format(store_url):
    stories = _rows(_cli("corpus", "export", "--db", store_url, "--table", "stories").stdout)
    quake = next(s for s in stories if "q1" in s["articles"].split("; "))
    assert (quake["article_count"], quake["outlet_count"], quake["outlets"]) == ("2", "2", "Herald; Gazette")
    per = [r for r in _rows(_cli("corpus", "export", "--db", store_url, "--table", "story_outlets").stdout) if r["story_id"] == quake["id"]]
    assert sorted((r["outlet"], r["articles"], r["article_ids"]) for r in per) == [("Gazette", "1", "q2"), ("Herald", "1", "q1")]
    assert {"story_id", "outlet", "articles", "techniques_per_1000_words", "tone"} <= set(per[0])


def test_tables_outlets_csv_from_the_outlets_command_has_no_json(store_url):
    done = _cli("outlets", "--db", store_url, "--format", "csv")
    assert done.exit_code == 0, done.output
    rows = _rows(done.stdout)
    assert done.stdout.startswith("outlet,articles,words") and _json_cells(rows) == []
    herald = next(r for r in rows if r["outlet"] == "Herald")
    assert herald["top_techniques"] == "Loaded_Language" and herald["genres.opinion"] == "1.0"


def test_tables_stories_and_duplicates_accept_csv(store_url):
    stories = _cli("stories", "--db", store_url, "--format", "csv")
    assert stories.exit_code == 0, stories.output
    rows = _rows(stories.stdout)
    assert rows and {"id", "label", "start", "end", "outlets", "articles"} <= set(rows[0]) and _json_cells(rows) == []
    dups = _cli("duplicates", "--db", store_url, "--format", "csv")
    assert dups.exit_code == 0, dups.output
    rows = _rows(dups.stdout)
    assert [(r["a"], r["b"], r["first"]) for r in rows] == [("s1", "s2", "s1")] and {"outlet_a", "outlet_b", "jaccard"} <= set(rows[0])


@pytest.mark.parametrize("table", TABLES)
def test_tables_parquet_round_trip(store_url, tmp_path, table):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed: Parquet export needs it")
    out = tmp_path / f"{table}.parquet"
    done = _cli("corpus", "export", "--db", store_url, "--table", table, "--format", "parquet", "-o", str(out))
    assert done.exit_code == 0, done.output
    from_csv = _rows(_cli("corpus", "export", "--db", store_url, "--table", table).stdout)
    read = pq.read_table(out)
    assert read.num_rows == len(from_csv) > 0
    assert read.column_names == list(from_csv[0])
    if table == "articles":
        row = {r["id"]: r for r in read.to_pylist()}["r1"]
        assert (row["outlet"], row["words"], row["tone"], row["techniques"]) == ("Herald", 25, -0.5, 1)


def test_tables_parquet_without_pyarrow_is_one_clear_error(store_url, monkeypatch, tmp_path):
    import sys

    from spinscope.corpus.export import export_table
    from spinscope.corpus.store import Store

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(UsageError, match=r"E207.*pyarrow"):
        export_table(Store(store_url).open(), "articles", "parquet", tmp_path / "x.parquet")


def test_tables_unknown_table_or_format_names_the_choices(store_url):
    bad = _cli("corpus", "export", "--db", store_url, "--table", "people")
    assert bad.exit_code != 0 and "E506" in str(bad.exception) and "story_outlets" in str(bad.exception)
    bad = _cli("corpus", "export", "--db", store_url, "--table", "spans", "--format", "jsonl")
    assert bad.exit_code != 0 and "E201" in str(bad.exception)


def test_tables_flatten_objects_and_lists():
    from spinscope.corpus.tables import flatten

    row = {"a": 1, "names": ["x", "y"], "shares": {"opinion": 0.5, "nested": {"k": True}}, "objects": [{"v": 1}], "none": None}
    assert flatten(row) == {"a": 1, "names": "x; y", "shares.opinion": 0.5, "shares.nested.k": True, "none": None}


def test_tables_stories_ignore_unknown_nested_keys():
    from spinscope.corpus.tables import story_outlet_rows, story_rows

    story = {
        "id": "story-1",
        "label": "L",
        "start": None,
        "end": None,
        "articles": ["a", "b"],
        "outlets": {"X": ["a"], "Y": ["b"]},
        "framing": {"X": {"articles": 1, "tone": 0.1, "extra": {"deep": 1}}},
    }
    story |= {"score": 0.7, "evidence": [{"pair": ["a", "b"]}], "terms": {"k": 1}}
    (row,) = story_rows([story])
    assert row["score"] == 0.7 and "evidence" not in row and "terms" not in row
    rows = story_outlet_rows([story])
    assert [(r["outlet"], r["articles"], r["tone"]) for r in rows] == [("X", 1, 0.1), ("Y", 1, None)]
    assert rows[0]["extra.deep"] == 1


def test_tables_terminal_table_fits_the_width_and_shows_no_json():
    from rich.console import Console

    from spinscope.corpus.outlets import TABLE_COLUMNS
    from spinscope.corpus.render import _table

    row = {
        "outlet": "The Extremely Long Named Outlet of Record " * 3,
        "articles": 12,
        "top_techniques": ["Loaded_Language", "Name_Calling,Labeling"],
        "genres": {"opinion": 0.75, "reporting": 0.25},
        "ratings": {"mbfc": {"bias": "left", "factual": "high"}},
        "top_actors": ["A" * 300],
    }
    console = Console(width=80, record=True, file=io.StringIO())
    _table([row], TABLE_COLUMNS, "Outlets", console=console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert '{"' not in text and '["' not in text
