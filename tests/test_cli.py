"""The command line as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from spinscope.model import Analysis

GOOD = "Talks in Geneva\n\nPresident Maria Lopez met Chancellor Olaf Brandt in Geneva on Tuesday, officials said.\n"


def run(*args: str, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from spinscope.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a1.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b2.txt").write_text("   \n\n  ", encoding="utf-8")
    (folder / "c3.html").write_text(f"<html><body><article><h1>T</h1><p>{GOOD}</p></article></body></html>", encoding="utf-8")
    return folder


def test_cli_version_and_schema():
    assert run("--version").stdout.startswith("spinscope ")
    schema = json.loads(run("schema").stdout)
    assert schema["$id"] == "spinscope.analysis/1" and "spans" in schema["properties"]


def test_cli_single_file_gives_one_json_object(tmp_path):
    path = tmp_path / "article123.txt"
    path.write_text(GOOD, encoding="utf-8")
    res = run("analyze", str(path), "--detectors", "entities,profile")
    assert res.returncode == 0, res.stderr
    a = Analysis.model_validate_json(res.stdout)
    assert a.id == "article123" and a.title == "Talks in Geneva"
    assert any(a.span_text(s) == "Maria Lopez" for s in a.spans)


def test_cli_stdin(tmp_path):
    res = run("analyze", "-", "--detectors", "profile", stdin=GOOD)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["profile"]["words"] > 5


def test_cli_batch_skips_bad_documents_and_lists_them(batch, tmp_path):
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    res = run("analyze", str(batch), "-o", str(out), "--errors", str(errs), "--detectors", "profile")
    assert res.returncode == 1
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["a1", "c3"]
    logged = [json.loads(line) for line in errs.read_text().splitlines()]
    assert len(logged) == 1 and logged[0]["code"] == "E102" and logged[0]["source"].endswith("b2.txt")
    assert "b2.txt" in res.stderr and "analysed 2, skipped 1" in res.stderr


def test_cli_single_bad_input_is_one_line_and_nonzero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = run("analyze", str(empty))
    assert res.returncode == 1
    assert res.stderr.strip().count("\n") == 0 and "empty.txt" in res.stderr and res.stdout == ""


def test_cli_missing_path_and_unknown_option_and_detector(tmp_path):
    missing = run("analyze", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr and missing.stderr.strip().count("\n") == 0
    unknown = run("analyze", "x.txt", "--frobnicate")
    assert unknown.returncode == 2 and "--frobnicate" in unknown.stderr and unknown.stderr.strip().count("\n") == 0
    det = run("analyze", "-", "--detectors", "nope", stdin=GOOD)
    assert det.returncode == 2 and "unknown detector 'nope'" in det.stderr
    fmt = run("analyze", "-", "--format", "xml", stdin=GOOD)
    assert fmt.returncode == 2 and "xml" in fmt.stderr
    score = run("analyze", "-", "--min-score", "3", stdin=GOOD)
    assert score.returncode == 2 and "min-score" in score.stderr


def test_cli_csv_and_json_list_formats(batch, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(GOOD)
    (good / "b.txt").write_text(GOOD.replace("Geneva", "Vienna"))
    listing = run("analyze", str(good), "--format", "json", "--detectors", "entities")
    assert [a["id"] for a in json.loads(listing.stdout)] == ["a", "b"]
    rows = run("analyze", str(good), "--format", "csv", "--detectors", "entities").stdout.splitlines()
    assert rows[0] == "article_id,kind,label,start,end,score,text,attrs,outlet,title,published,url,source"
    assert any(",Vienna," in r for r in rows)


def test_cli_unwritable_output_is_a_clear_error(tmp_path):
    res = run("analyze", "-", "-o", str(tmp_path / "no" / "such" / "dir.json"), stdin=GOOD)
    assert res.returncode == 2 and "cannot write" in res.stderr


def test_cli_workers_give_the_same_output_in_the_same_order(batch, tmp_path):
    for i in range(20):
        (batch / f"d{i:02d}.txt").write_text(GOOD.replace("Geneva", f"Geneva {i}"), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = run("analyze", str(batch), "-o", str(one), "--detectors", "entities,profile")
    second = run("analyze", str(batch), "-o", str(two), "--detectors", "entities,profile", "--workers", "2")
    assert first.returncode == second.returncode == 1  # b2.txt is empty in both runs
    assert one.read_text() == two.read_text() and len(one.read_text().splitlines()) == 22
    assert "b2.txt" in second.stderr and "analysed 22, skipped 1" in second.stderr


def test_cli_train_and_evaluate_without_their_corpus_are_one_line_errors(tmp_path):
    missing = str(tmp_path / "nowhere")
    for args, code in (
        (["evaluate", "claims", "--data", missing], 2),
        (["train", "claims", "--data", missing, "--out", str(tmp_path / "out")], 2),
        (["evaluate", "genre", "--data", missing], 2),
        (["train", "genre", "--data", missing, "--out", str(tmp_path / "out")], 2),
        (["evaluate", "techniques", "--data", missing], 1),
        (["label-spans", missing, "--spans", str(tmp_path / "spans.tsv"), "-o", str(tmp_path / "out.tsv")], 1),
        (["label-spans", str(tmp_path), "--spans", str(tmp_path / "spans.tsv"), "-o", str(tmp_path / "out.tsv")], 1),
    ):
        res = run(*args)
        assert res.returncode == code, (args, res.stderr)
        assert len(res.stderr.strip().splitlines()) == 1 and "internal error" not in res.stderr, (args, res.stderr)
    assert not (tmp_path / "out").exists()


def test_cli_input_with_no_documents_is_an_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    header = tmp_path / "header.csv"
    header.write_text("id,text\n")
    for path in (empty, header):
        for command in ("analyze", "claims"):
            done = run(command, str(path))
            assert done.returncode == 1, done.stderr
            assert done.stderr.strip().splitlines() == [done.stderr.strip()] and "no documents to analyse" in done.stderr


def test_cli_model_and_detector_options_are_checked_before_any_work(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("The council approved the budget on Tuesday.")
    for args, code in (
        (["--model", "nosuch=/tmp"], "E200"),
        (["--model", f"claims={tmp_path / 'missing'}"], "E204"),
        (["--techniques-model", str(tmp_path / "missing")], "E204"),
        (["--detectors", ""], "E200"),
    ):
        done = run("analyze", str(text), *args)
        assert done.returncode == 2 and code in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_cli_accurate_runs_the_ensemble_setting(tmp_path):
    (tmp_path / "a.txt").write_text("The corrupt, lying traitors in Washington are destroying our beloved country.\n", encoding="utf-8")
    versions = {}
    for flags in ((), ("--accurate",)):
        done = run("analyze", str(tmp_path / "a.txt"), "--detectors", "techniques", *flags)
        assert done.returncode == 0, done.stderr
        versions[flags] = [m["version"] for m in json.loads(done.stdout)["models"] if m["name"].startswith("spinscope/techniques")]
    assert versions == {(): ["5"], ("--accurate",): ["5-accurate"]}
