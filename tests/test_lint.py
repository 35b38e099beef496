"""The code stays linted and formatted: ruff, configured in pyproject.toml, runs with the tests."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TREES = ["src", "tests", "benchmarks"]


def _ruff() -> list[str]:
    if shutil.which("ruff"):
        return ["ruff"]
    try:
        import ruff  # noqa: F401
    except ImportError:
        pytest.skip("ruff is not installed: pip install -e '.[test]'")
    return [sys.executable, "-m", "ruff"]


def test_ruff_check_passes():
    out = subprocess.run([*_ruff(), "check", "--output-format", "concise", *TREES], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-1000:]


def test_code_is_formatted():
    out = subprocess.run([*_ruff(), "format", "--check", *TREES], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, "run: ruff format src tests benchmarks\n" + out.stdout[-3000:]
