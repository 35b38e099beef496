"""The CLI functions import cheaply and label spans in input order."""

import subprocess
import sys

import pytest

from spinscope.detectors.techniques import labelling
from spinscope.detectors.techniques.labels import TECHNIQUES
from spinscope.errors import InputError


def test_cli_import_is_cheap():
    code = "import sys, spinscope.cli.techniques as c; assert 'label-spans' in c.COMMANDS; print(sorted(m for m in ('torch', 'onnxruntime', 'transformers') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_read_spans_accepts_both_layouts(tmp_path):
    path = tmp_path / "spans.tsv"
    path.write_text("1\t0\t5\n2\tLoaded_Language\t3\t9\n\n", encoding="utf-8")
    assert labelling.read_spans(path) == [("1", 0, 5), ("2", 3, 9)]


def test_cli_read_spans_rejects_bad_lines(tmp_path):
    path = tmp_path / "spans.tsv"
    path.write_text("1\tzero\t5\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        labelling.read_spans(path)
    assert info.value.code == "E130"


def test_cli_label_spans_writes_one_line_per_span_in_order(tmp_path):
    (tmp_path / "article7.txt").write_text("Title\n\nThe corrupt, lying elites want to destroy our great nation.\n", encoding="utf-8")
    (tmp_path / "article8.txt").write_text("Make America Great Again!\n", encoding="utf-8")
    spans = tmp_path / "spans.tsv"
    spans.write_text("8\t0\t24\n7\tx\t11\t31\n7\t11\t18\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert labelling.label_file(tmp_path, spans, out) == 3
    lines = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(f[0], f[2], f[3]) for f in lines] == [("8", "0", "24"), ("7", "11", "31"), ("7", "11", "18")]
    assert all(f[1] in TECHNIQUES for f in lines)


def test_cli_label_spans_rejects_offsets_outside_the_article(tmp_path):
    (tmp_path / "article1.txt").write_text("Short.", encoding="utf-8")
    with pytest.raises(InputError) as info:
        labelling.label(tmp_path, [("1", 0, 50)])
    assert info.value.code == "E131"


def test_cli_train_ensemble_of_one_model_is_a_one_line_error(tmp_path):
    (tmp_path / "ptc" / "train-articles").mkdir(parents=True)
    args = ["train", "techniques", "--data", str(tmp_path / "ptc"), "--out", str(tmp_path / "ens"), "--ensemble", str(tmp_path / "one")]
    out = subprocess.run([sys.executable, "-c", "from spinscope.cli import main; main()", *args], capture_output=True, text=True)
    assert out.returncode == 1
    assert "E132" in out.stderr and "at least two" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_cli_train_refuses_a_teacher_that_is_not_a_model(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "spinscope", "train", "techniques", "--data", str(tmp_path), "--out", str(tmp_path / "m"), "--teacher", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert out.returncode != 0
    assert "E100" in out.stderr and "none" in out.stderr
    assert not (tmp_path / "m").exists()
