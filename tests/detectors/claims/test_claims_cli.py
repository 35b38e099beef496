"""``train claims`` options: the two transformer recipes exclude each other, and the student's shape needs ``--distil``, checked before any work is done."""

from __future__ import annotations

import json
import subprocess
import sys


def test_cli_train_claims_finetune_and_distil_together_is_a_one_line_usage_error(tmp_path):
    args = ["train", "claims", "--data", str(tmp_path / "nothing"), "--out", str(tmp_path / "out"), "--finetune", "--distil"]
    out = subprocess.run([sys.executable, "-c", "from spinscope.cli import main; main()", *args], capture_output=True, text=True)
    assert out.returncode == 2
    assert "E133" in out.stderr and "--distil" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_cli_train_claims_student_shape_without_distil_is_a_one_line_usage_error(tmp_path):
    for option in (["--student-heads", "6"], ["--student-ffn", "768"], ["--student-layers", "2"]):
        args = ["train", "claims", "--data", str(tmp_path / "nothing"), "--out", str(tmp_path / "out"), *option]
        out = subprocess.run([sys.executable, "-c", "from spinscope.cli import main; main()", *args], capture_output=True, text=True)
        assert out.returncode == 2, option
        assert "E133" in out.stderr and "--distil" in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "out").exists()


def _claims(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from spinscope.cli import main; main()", "claims", *args], capture_output=True, text=True, timeout=300)


def test_cli_claims_batch_ranks_good_documents_and_lists_the_bad_ones(tmp_path):
    path = tmp_path / "mix.jsonl"
    path.write_text(
        '{"id": "a", "text": "Nothing happened today. The army lost 40,000 men in 2022, officials said."}\n{broken\n{"id": "c", "text": "It was a quiet week."}\n',
        encoding="utf-8",
    )
    out = _claims(str(path), "--format", "json", "--min-score", "0")
    assert out.returncode == 1  # one record skipped
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "c"]
    scores = [c["score"] for c in rows[0]["claims"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 2
    top = rows[0]["claims"][0]
    assert top["text"].startswith("The army lost") and top["attributed"] and top["source"]["text"] == "officials"
    assert "skipped 1" in out.stderr and "E106" in out.stderr and "analysed 2" in out.stderr
    by_sourcing = [json.loads(line) for line in _claims(str(path), "--format", "json", "--min-score", "0", "--order", "sourcing").stdout.splitlines()]
    assert [(c["text"][:7], c["source_type"]) for c in by_sourcing[0]["claims"]] == [("Nothing", "none"), ("The arm", "anonymous")]


def test_cli_claims_single_bad_input_is_one_line_and_nonzero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    for path in (empty, tmp_path / "missing.txt"):
        out = _claims(str(path))
        assert out.returncode == 1, path
        assert len(out.stderr.strip().splitlines()) == 1 and "error" in out.stderr
        assert out.stdout == ""


def test_the_table_names_whom_a_pronoun_source_stands_for_and_ranks_weak_sourcing_first():
    import spinscope
    from spinscope.cli.claims import ranked, source_label
    from spinscope.options import Options

    text = (
        "Officials meet over the border deal\n\nMaria Lindqvist arrived in Dorrin on Monday. She said that 40 per cent of the shelters had closed since January. "
        "Experts say 300 people have died in the floods this year."
    )
    analysis = spinscope.analyze(text, options=Options(detectors=("actors", "claims"), min_score=0.0))
    rows = ranked(analysis, "sourcing")["claims"]
    she = next(r for r in rows if r["text"].startswith("She said"))
    assert she["source_type"] == "named_person" and source_label(she) == "She (Maria Lindqvist)"
    tiers = [r["source_type"] for r in rows]
    assert tiers.index("vague") < tiers.index("named_person")
