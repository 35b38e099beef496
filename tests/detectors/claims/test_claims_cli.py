"""``train claims`` options: the two transformer recipes exclude each other, and the student's shape needs ``--distil``, checked before any work is done."""

from __future__ import annotations

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
