"""A detector that raises or returns an invalid span costs only its own findings, never the article:
through the CLI (single file and batch), ``corpus add`` and the API, as users run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from spinscope.model import Analysis

# Installed in the subprocess before the CLI runs: the actors detector raises on one
# article (as it did on a group with no forms) and returns an inverted span on another.
PLUGIN = textwrap.dedent("""
    from spinscope.detectors.actors.detector import ActorsDetector
    from spinscope.model import Span

    real = ActorsDetector.detect

    def detect(self, doc, article, spans=None, ran=None):
        if "Path A" in article.text:
            raise IndexError("list index out of range")
        found = real(self, doc, article, spans=spans, ran=ran)
        if "Wigan" in article.text:
            found.spans.append(Span(start=20, end=19, kind="actor", label="person", score=1.0))
        return found

    ActorsDetector.detect = detect
""")

TEXTS = {
    "a1.txt": "Path A:\u00a0Iran, Iraq and Syria. President Maria Lopez met Olaf Brandt in Geneva, officials said.",
    "b2.txt": "Mayor Jane Smith of Wigan said the plan would hurt schools, officials said on Monday.",
    "c3.txt": "Heavy rain flooded the valley and crews rescued dozens of residents, police said.",
}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "plugin").mkdir()
    (tmp_path / "plugin" / "faulty_actors.py").write_text(PLUGIN, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    for name, text in TEXTS.items():
        (news / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(folder, *args: str) -> subprocess.CompletedProcess:
    code = "import faulty_actors; from spinscope.cli import main; main()"
    env = {**os.environ, "PYTHONPATH": str(folder / "plugin")}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=folder, env=env, timeout=300)


def test_cli_batch_writes_every_article_and_counts_the_warnings(folder):
    out = folder / "out.jsonl"
    proc = run(folder, "analyze", "news", "-o", str(out), "--detectors", "entities,quotes,actors")
    assert proc.returncode == 0, proc.stderr
    analyses = {a.id: a for a in map(Analysis.from_json, out.read_text(encoding="utf-8").splitlines())}
    assert set(analyses) == {"a1", "b2", "c3"}
    # raised: the actors' findings are left out, the entities and quotes stay
    (raised,) = analyses["a1"].warnings
    assert raised.detector == "actors" and raised.code == "E303" and "IndexError" in raised.reason
    assert not analyses["a1"].actors and {"entity", "quote"} <= {s.kind for s in analyses["a1"].spans}
    # an inverted span: that span is left out, the rest of the actors' work is kept
    (dropped,) = analyses["b2"].warnings
    assert dropped.code == "E304" and "actor 20-19 empty or inverted" in dropped.reason
    assert analyses["b2"].actors and all(s.start < s.end for s in analyses["b2"].spans)
    assert analyses["c3"].warnings == []
    assert "analysed 3 (2 with warnings), skipped 0" in proc.stderr
    assert "a1.txt: [E303] detector 'actors' failed on this article (IndexError: list index out of range)" in proc.stderr


def test_cli_single_file_with_a_warning_exits_0_and_says_so(folder):
    proc = run(folder, "analyze", "news/a1.txt", "--detectors", "entities,actors")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["warnings"][0]["code"] == "E303"
    assert proc.stderr.startswith("spinscope: warning: news/a1.txt: [E303]")


def test_corpus_add_stores_every_article_and_counts_the_warnings(folder):
    db = folder / "store.db"
    proc = run(folder, "corpus", "add", "news", "--db", str(db), "--detectors", "entities,actors")
    assert proc.returncode == 0, proc.stderr
    assert "stored 3 (2 with warnings)" in proc.stderr
    export = run(folder, "corpus", "export", "--db", str(db), "--format", "jsonl")
    stored = [json.loads(line) for line in export.stdout.splitlines()]
    assert sorted(len(a["warnings"]) for a in stored) == [0, 1, 1]


def test_api_answers_200_with_the_warning(monkeypatch):
    from fastapi.testclient import TestClient

    from spinscope.api import ApiSettings, create_app
    from spinscope.detectors.actors.detector import ActorsDetector

    def broken(self, doc, article, spans=None, ran=None):
        raise IndexError("list index out of range")

    monkeypatch.setattr(ActorsDetector, "detect", broken)
    r = TestClient(create_app(ApiSettings())).post("/api/analyze", json={"text": TEXTS["a1.txt"], "detectors": ["entities", "actors"]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [w["code"] for w in body["warnings"]] == ["E303"] and any(s["kind"] == "entity" for s in body["spans"])
