"""Bad input through the command line: one line per document naming the file and the reason."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("spinscope.runner")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from spinscope.cli import main; main()", "analyze", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_input_bad_files_one_line_each(tmp_path):
    huge = tmp_path / "huge.html"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    result = run(str(huge), str(png), str(pdf), str(tmp_path / "missing.txt"))
    lines = result.stderr.splitlines()
    expected = {"E103": "huge.html", "E101": "photo.txt", "E110": "report.pdf", "E100": "missing.txt"}
    for code, name in expected.items():
        (line,) = [x for x in lines if f"[{code}]" in x]
        assert name in line
    assert "50.0 MB is over the 20.0 MB limit" in result.stderr
    assert result.stdout == ""
