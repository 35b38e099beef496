"""Adding a stored text again with metadata it lacks fills the fields and adds no article."""

import json
import sqlite3

from typer.testing import CliRunner

from spinscope.cli import app

TEXT = "Library to close\n\nThe council voted on Tuesday to close the library, officials said.\n\nResidents said they would appeal."


def _setup(tmp_path):
    """A page on disk, an empty store's file and URL, and a CLI runner."""
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "s.db"
    return page, db, f"sqlite:///{db}", CliRunner()


def test_readding_with_metadata_fills_fields_and_adds_no_article(tmp_path):
    page, db, url, runner = _setup(tmp_path)
    assert runner.invoke(app, ["corpus", "add", str(page), "--db", url, "--detectors", "profile"]).exit_code == 0
    result = runner.invoke(app, ["corpus", "add", str(page), "--db", url, "--detectors", "profile", "--outlet", "Springfield Gazette", "--published", "2025-03-03"])
    assert result.exit_code == 0, result.output
    assert "already stored 1 (1 given metadata they lacked)" in result.output
    rows = sqlite3.connect(db).execute("select outlet, published, analysis from articles").fetchall()
    assert len(rows) == 1
    outlet, published, analysis = rows[0]
    assert (outlet, published) == ("Springfield Gazette", "2025-03-03")
    stored = json.loads(analysis)
    assert stored["outlet"] == "Springfield Gazette" and stored["metadata_sources"]["outlet"] == "option"
    assert stored["title"] == "Library to close"  # what was stored is kept


def test_the_same_text_under_another_outlet_is_a_copy_and_fills_nothing(tmp_path):
    page, db, url, runner = _setup(tmp_path)
    assert runner.invoke(app, ["corpus", "add", str(page), "--db", url, "--detectors", "profile", "--outlet", "Springfield Gazette"]).exit_code == 0
    copy = tmp_path / "copy.txt"
    copy.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["corpus", "add", str(copy), "--db", url, "--detectors", "profile", "--outlet", "Shelbyville Star", "--published", "2025-04-01"])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute("select outlet, published from articles").fetchall()
    assert rows == [("Springfield Gazette", None)]
    sightings = sqlite3.connect(db).execute("select outlet, published from sightings order by id").fetchall()
    assert ("Shelbyville Star", "2025-04-01") in sightings
