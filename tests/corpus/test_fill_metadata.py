"""Adding a stored text again with metadata it lacks fills the fields and adds no article."""

import json
import sqlite3

from typer.testing import CliRunner

from spinscope.cli import app

TEXT = "Library to close\n\nThe council voted on Tuesday to close the library, officials said.\n\nResidents said they would appeal."


def test_readding_with_metadata_fills_fields_and_adds_no_article(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "s.db"
    url = f"sqlite:///{db}"
    runner = CliRunner()
    assert runner.invoke(app, ["corpus", "add", str(page), "--db", url, "--detectors", "profile"]).exit_code == 0
    result = runner.invoke(app, ["corpus", "add", str(page), "--db", url, "--detectors", "profile", "--outlet", "Springfield Gazette", "--published", "2025-03-03"])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute("select outlet, published, analysis from articles").fetchall()
    assert len(rows) == 1
    outlet, published, analysis = rows[0]
    assert (outlet, published) == ("Springfield Gazette", "2025-03-03")
    stored = json.loads(analysis)
    assert stored["outlet"] == "Springfield Gazette" and stored["metadata_sources"]["outlet"] == "option"
    assert stored["title"] == "Library to close"  # what was stored is kept
