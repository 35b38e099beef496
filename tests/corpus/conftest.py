"""Fixtures for the corpus tests: small JSONL inputs, stores, and a throwaway PostgreSQL server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

ARTICLES = [
    {
        "id": "n1",
        "outlet": "Daily Planet",
        "url": "https://www.dailyplanet.com/a/1",
        "published": "2024-03-01",
        "text": "The Springfield council approved the new budget on Monday.\nMayor Jane Smith said the plan would hurt schools and libraries across the city.",
    },
    {
        "id": "n2",
        "outlet": "Daily Planet",
        "url": "https://www.dailyplanet.com/a/2",
        "published": "2024-03-02",
        "text": "Heavy rain flooded the river valley overnight.\nEmergency crews rescued dozens of residents from their homes.",
    },
    {
        "id": "n3",
        "url": "https://news.example.co.uk/story/3",
        "published": "2024-03-02",
        "text": "The mayor defended the budget in a long speech.\nShe said the city had no choice but to cut spending this year.",
    },
    {"id": "n4", "text": "A short note about the football match that ended in a draw after a late goal."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def articles_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", ARTICLES)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for root in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (root / name).exists():
            return str(root / name)
    return None


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A PostgreSQL server started for the test session in a temporary folder (unix socket only)."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's postgresql package")
    pytest.importorskip("psycopg")
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="spinscope-pg-"))  # directly under /tmp, so the postgres user can reach it
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        runuser = shutil.which("runuser")
        if not runuser:
            pytest.skip("running as root without runuser: cannot start PostgreSQL as an ordinary user")
        shutil.chown(base, "postgres")
        os.chmod(base, 0o700)
        prefix = [runuser, "-u", "postgres", "--"]
    data, port = base / "data", _free_port()
    run = lambda *args: subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)  # noqa: E731
    try:
        run(initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        run(pg_ctl, "-D", str(data), "-l", str(base / "log"), "-w", "-o", f"-k {base} -p {port} -c listen_addresses='' -c fsync=off", "start")
    except (subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"could not start a PostgreSQL server: {getattr(exc, 'stderr', b'') or exc}")
    url = f"postgresql://postgres@/postgres?host={base}&port={port}"
    yield url
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True, timeout=60)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def fresh_pg(postgres_url: str) -> str:
    """An empty database on the session's server, one per test."""
    import psycopg

    name = f"t{time.time_ns()}"
    with psycopg.connect(postgres_url.replace("postgresql://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # the name is generated here, never user input
    return postgres_url.replace("/postgres?", f"/{name}?")
