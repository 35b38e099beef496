"""Quality gate: spinscope's HTML text is at least as good as trafilatura's on generated pages.

The pages set corpus articles inside page templates (``benchmarks/extraction``);
the floors live in ``benchmarks/extraction/baseline.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "extraction"
sys.path.insert(0, str(BENCH))

import make_pages  # noqa: E402
import run  # noqa: E402

BASELINE = json.loads((BENCH / "baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results() -> dict:
    root = make_pages.data_dir()
    if not (root / "ptc2020" / "train-articles").is_dir():
        pytest.skip(f"corpus folder not found at {root}: set SPINSCOPE_DATA to the shared data folder to run the extraction quality gate")
    pages = make_pages.build_pages(make_pages.load_articles(root), BASELINE["per_template"], BASELINE["seed"])
    return run.evaluate(pages, ["trafilatura.extract", "spinscope", "copied text, as is", "copied text, remove_boilerplate"])


def test_extraction_quality_spinscope_not_below_trafilatura(results):
    ours, theirs = results["spinscope"]["all"][2], results["trafilatura.extract"]["all"][2]
    assert ours >= theirs - BASELINE["max_margin_below_trafilatura"]
    assert ours >= BASELINE["spinscope_f1_floor"]


def test_extraction_quality_cleaner_improves_copied_text(results):
    cleaned, raw = results["copied text, remove_boilerplate"]["all"][2], results["copied text, as is"]["all"][2]
    assert cleaned >= BASELINE["copy_cleaned_f1_floor"]
    assert cleaned > raw + 0.05
