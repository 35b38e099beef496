"""Store faults: a full disk, a read-only store, a locked store and a PostgreSQL restart.

Each fault must give one line naming the store and the cause, exit non-zero,
keep every batch committed before it, and let the same command, run again,
finish with every article stored once.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

PLACES = ["harbour", "station", "library", "stadium", "market", "hospital", "bridge", "airport", "school", "museum"]
OPTS_ARGS = ["--detectors", "profile", "--batch-size", "2"]


def _articles(path: Path, n: int, sentences: int = 12) -> Path:
    """``n`` distinct articles of ``sentences`` sentences each, as JSONL."""

    def text(i: int) -> str:
        return " ".join(f"Report {i}.{k}: the {PLACES[(i + k) % 10]} council voted {i * 7 + k} to {k} on plan {i}-{k} near street {i * 13 + k}." for k in range(sentences))

    path.write_text("".join(json.dumps({"id": f"f{i}", "text": text(i)}) + "\n" for i in range(n)), encoding="utf-8")
    return path


def _main(*args: str) -> int:
    """Run the CLI entry point in this process, as a user's shell would; returns the exit code."""
    from spinscope.cli import main

    with pytest.raises(SystemExit) as done:
        main(list(args))
    return done.value.code


def _rows(db: Path) -> tuple[int, int, int]:
    """(articles, distinct content hashes, distinct ids) in a SQLite store."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM articles").fetchone()


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _error_lines(err: str) -> list[str]:
    """Everything the run wrote on stderr: a fault must be one line and nothing else."""
    return err.strip().splitlines()


def _limit_pages(monkeypatch, extra_pages: int) -> None:
    """Simulate a full disk: the store may grow by ``extra_pages`` pages past its size at the first connection."""
    from spinscope.corpus import store as store_module

    original, limit = store_module._sqlite_pragmas, {}

    def pragmas(engine) -> None:
        original(engine)
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _cap(dbapi_conn, _record):  # noqa: ANN001 - DB-API objects
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            limit.setdefault("pages", pages + extra_pages)
            dbapi_conn.execute(f"PRAGMA max_page_count={int(limit['pages'])}")  # an int computed here, never input

    monkeypatch.setattr(store_module, "_sqlite_pragmas", pragmas)


def test_faults_full_disk_stops_with_one_line_and_resumes(tmp_path, monkeypatch, capsys):
    from spinscope.corpus.store import Store

    n, db = 30, tmp_path / "full.db"
    src = _articles(tmp_path / "in.jsonl", n)
    Store(f"sqlite:///{db}").open().close()
    _limit_pages(monkeypatch, extra_pages=12)
    code = _main("corpus", "add", str(src), "--db", f"sqlite:///{db}", *OPTS_ARGS)
    errors = _error_lines(capsys.readouterr().err)
    assert code == 1 and len(errors) == 1, errors
    assert "[E507]" in errors[0] and "disk full" in errors[0] and str(db) in errors[0]
    kept = _rows(db)
    assert 0 < kept[0] < n and kept[0] == kept[1] == kept[2], kept
    assert _integrity(db) == "ok"
    monkeypatch.undo()  # space freed
    assert _main("corpus", "add", str(src), "--db", f"sqlite:///{db}", *OPTS_ARGS) == 0
    assert f"stored {n - kept[0]}, already stored {kept[0]}" in capsys.readouterr().err
    assert _rows(db) == (n, n, n) and _integrity(db) == "ok"


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_faults_read_only_store_refused_before_any_work(tmp_path, monkeypatch, capsys, locked):
    from spinscope import engine
    from spinscope.corpus.store import Store

    folder = tmp_path / "store"
    folder.mkdir()
    db, src = folder / "ro.db", _articles(tmp_path / "in.jsonl", 3)
    Store(f"sqlite:///{db}").open().close()
    before = _snapshot(db)
    monkeypatch.setattr(engine, "run", lambda *_, **__: pytest.fail("analysed an article for a store that cannot be written"))
    target = db if locked == "file" else folder
    mode = target.stat().st_mode
    target.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        code = _main("corpus", "add", str(src), "--db", f"sqlite:///{db}", *OPTS_ARGS)
    finally:
        target.chmod(mode)
    errors = _error_lines(capsys.readouterr().err)
    assert code == 1 and len(errors) == 1, errors
    assert "[E508]" in errors[0] and "read-only" in errors[0] and str(target) in errors[0]
    assert _snapshot(db) == before
    assert _rows(db) == (0, 0, 0) and _integrity(db) == "ok"


def test_faults_locked_store_waits_for_the_writer(tmp_path):
    """Another process's write transaction makes the run wait (busy timeout), then it writes."""
    from spinscope.corpus.add import add_paths
    from spinscope.corpus.store import Store
    from spinscope.options import Options

    db, src = tmp_path / "locked.db", _articles(tmp_path / "in.jsonl", 4, sentences=2)
    store = Store(f"sqlite:///{db}").open()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(1.5, holder.execute, ("COMMIT",))
    started = time.monotonic()
    releaser.start()
    report = add_paths(store, [str(src)], Options(detectors=("profile",)))
    releaser.join()
    holder.close()
    assert time.monotonic() - started >= 1.4 and report.stored == 4 and _rows(db) == (4, 4, 4)


def test_faults_classified_from_the_driver_error():
    from spinscope.corpus.store import fault_of

    assert fault_of(OSError(errno.ENOSPC, "No space left on device")) == "full"
    assert fault_of(OSError(errno.EROFS, "Read-only file system")) == "readonly"
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA query_only=1")
    with pytest.raises(sqlite3.Error) as err:
        conn.execute("CREATE TABLE t (x)")
    assert fault_of(err.value) == "readonly"
    with pytest.raises(sqlite3.Error) as err:
        conn.execute("SELECT * FROM missing")
    assert fault_of(err.value) is None  # an ordinary error is not retried and not called a fault


def test_faults_write_runs_the_transaction_again_after_a_lost_connection(sqlite_url, caplog):
    """Without a server at hand: a dropped connection is retried, any other error is not."""
    import sqlalchemy as sa

    from spinscope.corpus.store import Store, StoreError

    store, calls = Store(sqlite_url, retry_seconds=5).open(), []

    def flaky(conn):
        calls.append(conn.execute(sa.text("SELECT count(*) FROM runs")).scalar_one())
        if len(calls) == 1:
            raise sa.exc.OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"), connection_invalidated=True)
        return "done"

    assert store.write(flaky) == "done" and len(calls) == 2
    assert "lost the connection to the store" in caplog.text

    def broken(conn):
        calls.append(None)
        conn.execute(sa.text("SELECT * FROM no_such_table"))

    with pytest.raises(StoreError) as err:
        store.write(broken)
    assert err.value.code == "E501" and calls.count(None) == 1  # an ordinary error is not retried


# --- PostgreSQL: a restart during a run ---------------------------------------------------------


def _pg_ctl(url: str, action: str) -> None:
    """Stop (fast: sessions are cut off) or start the session's throwaway server, as conftest started it."""
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(url).query)
    base, port = Path(query["host"][0]), query["port"][0]
    pg_ctl = shutil.which("pg_ctl") or next((str(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)), "pg_ctl")
    prefix = [shutil.which("runuser") or "runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    options = ["-m", "fast"] if action == "stop" else ["-l", str(base / "log"), "-o", f"-k {base} -p {port} -c listen_addresses='' -c fsync=off"]
    subprocess.run([*prefix, pg_ctl, "-D", str(base / "data"), "-w", "-t", "60", *options, action], check=True, capture_output=True, timeout=90)


def _pg_counts(url: str) -> tuple[int, int, int]:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=2) as conn:
            return conn.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM articles").fetchone()
    except psycopg.Error:
        return (0, 0, 0)


def test_faults_postgres_restart_mid_run_is_survived(tmp_path, fresh_pg):
    n = 60
    src = _articles(tmp_path / "in.jsonl", n, sentences=6)
    cmd = [sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", fresh_pg, "--detectors", "profile", "--batch-size", "1"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, env={**os.environ, "OMP_NUM_THREADS": "1"}, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while _pg_counts(fresh_pg)[0] < 3 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    _pg_ctl(fresh_pg, "stop")
    time.sleep(1.0)  # the run meets a server that is down, then one that is starting
    _pg_ctl(fresh_pg, "start")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "lost the connection to the store" in err, "the restart should have happened mid-run"
    assert _pg_counts(fresh_pg) == (n, n, n)


def test_faults_postgres_down_gives_up_with_one_line(fresh_pg):
    from spinscope.corpus.store import Store, StoreError

    store = Store(fresh_pg, retry_seconds=1.0).open()
    _pg_ctl(fresh_pg, "stop")
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as err:
            store.start_run(("profile",))
        assert time.monotonic() - started < 5
    finally:
        _pg_ctl(fresh_pg, "start")
    assert err.value.code == "E509" and "\n" not in str(err.value) and "after trying for 1 s" in str(err.value)
    assert store.start_run(("profile",)) > 0  # the same store object reconnects once the server is back


def test_faults_postgres_down_at_open_fails_at_once(fresh_pg):
    """No server at the start is more often a wrong URL than a restart: say so at once."""
    from spinscope.corpus.store import Store, StoreError

    _pg_ctl(fresh_pg, "stop")
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as err:
            Store(fresh_pg).open()
        assert time.monotonic() - started < 5
    finally:
        _pg_ctl(fresh_pg, "start")
    assert err.value.code == "E500" and "\n" not in str(err.value)


def test_faults_first_migration_is_all_or_nothing(tmp_path):
    """A new store's schema is made in one transaction: a crash half-way leaves an empty file that opens later."""
    import sqlalchemy as sa

    from spinscope.corpus.store import Store, StoreError

    url = f"sqlite:///{tmp_path / 'new.db'}"
    store = Store(url)
    engine = sa.create_engine(store.url)

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _crash(conn, cursor, statement, *_):  # noqa: ANN001 - SQLAlchemy event arguments
        if statement.lstrip().upper().startswith("CREATE TABLE SIGNATURES"):
            raise RuntimeError("killed half-way through the migration")

    from spinscope.corpus.store import migrate

    with pytest.raises(RuntimeError):
        migrate(engine)
    engine.dispose()
    try:
        reopened = Store(url).open()
    except StoreError as exc:
        pytest.fail(f"a store whose first migration was cut off cannot be opened: {exc}")
    assert reopened.count("articles") == 0 and reopened.count("signatures") == 0
