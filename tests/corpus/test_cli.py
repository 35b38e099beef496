"""The corpus commands as scripts call them: exact JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]


def _cli(*args: str):
    from spinscope.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_contract_shapes(articles_file, sqlite_url):
    added = _cli("corpus", "add", str(articles_file), "--db", sqlite_url, "--detectors", "profile")
    assert added.exit_code == 0, added.output
    exported = _cli("corpus", "export", "--db", sqlite_url, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in exported.stdout.splitlines()] == ["n1", "n2", "n3", "n4"]
    stories = json.loads(_cli("stories", "--db", sqlite_url, "--format", "json").stdout)
    assert isinstance(stories, list) and all({"id", "label", "start", "end", "articles"} <= set(s) for s in stories)
    dups = json.loads(_cli("duplicates", "--db", sqlite_url, "--format", "json").stdout)
    assert isinstance(dups, list) and all({"a", "b", "jaccard", "first"} <= set(d) for d in dups)
    outlets = json.loads(_cli("outlets", "--db", sqlite_url, "--format", "json").stdout)
    assert {o["outlet"] for o in outlets} == {"Daily Planet", "example.co.uk", "unknown"}
    assert all({"articles", "words", "techniques_per_1000_words", "ratings"} <= set(o) for o in outlets)
    found = json.loads(_cli("search", "budget", "--db", sqlite_url, "--format", "json").stdout)
    assert sorted(h["id"] for h in found) == ["n1", "n3"]
    table = _cli("outlets", "--db", sqlite_url, "--format", "csv")
    assert table.stdout.splitlines()[0].startswith("outlet,articles,words")


def test_cli_help_is_fast_and_does_not_import_sqlalchemy():
    code = "import sys, spinscope.cli; assert 'sqlalchemy' not in sys.modules and 'dask' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0


def _count(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_cli_killed_run_resumes_without_redoing(tmp_path):
    """SIGKILL mid-run, run again: every article stored once, none analysed again."""
    n = 60
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": f"k{i}", "text": f"Article {i}: the river rose by {i} centimetres near bridge {i % 7} overnight."}) + "\n" for i in range(n)))
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", f"sqlite:///{db}", "--detectors", "profile", "--batch-size", "2"]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while _count(db) < 4 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = _count(db)
    assert 0 < before < n, "the run should be killed part-way"
    rerun = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {n - before}, already stored {before}" in rerun.stderr
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM articles").fetchone() == (n, n)
        runs = conn.execute("SELECT id, analysed FROM runs ORDER BY id").fetchall()
        by_run = dict(conn.execute("SELECT run_id, count(*) FROM articles GROUP BY run_id").fetchall())
    assert runs[1][1] == n - before and by_run == {1: before, 2: n - before}


def _main(capsys, *args: str) -> tuple[int, str]:
    """The CLI entry point as a shell runs it: exit code and stderr."""
    from spinscope.cli import main

    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = done.code
    return code, capsys.readouterr().err


def test_cli_read_commands_refuse_a_store_that_does_not_exist(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    for args in (("corpus", "export"), ("outlets",), ("search", "budget")):
        code, err = _main(capsys, *args, "--db", str(missing))
        assert code == 1 and "no store at" in err and len(err.strip().splitlines()) == 1, err
    assert not missing.exists()


def test_cli_corpus_add_checks_workers_and_dask_address(articles_file, tmp_path, capsys):
    code, _ = _main(capsys, "corpus", "add", str(articles_file), "--db", str(tmp_path / "a.db"), "--dask", "local", "--workers", "0")
    assert code == 2
    code, err = _main(capsys, "corpus", "add", str(articles_file), "--db", str(tmp_path / "b.db"), "--dask", "nonsense")
    assert code not in (0, 70) and "E504" in err and "internal error" not in err and len(err.strip().splitlines()) == 1


def test_cli_stories_are_the_same_under_any_hash_seed(tmp_path):
    """Story ids and labels do not depend on Python's string hashing: the same store gives the same stories."""
    src = Path(__file__).resolve().parents[2] / "examples"
    db = tmp_path / "s.db"
    env = {**os.environ, "PYTHONHASHSEED": "1"}
    subprocess.run([sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", str(db)], check=True, env=env, capture_output=True)
    outputs = []
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-m", "spinscope.cli", "stories", "--db", str(db), "--format", "json"], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert json.loads(outputs[0]) and outputs[0] == outputs[1] == outputs[2]
