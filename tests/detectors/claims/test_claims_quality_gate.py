"""Quality gate: the shipped model must keep its validation scores (``scores.json``) within 0.01."""

from __future__ import annotations

import json

import pytest

from spinscope.detectors.claims import data, evaluate
from spinscope.detectors.claims.model import DEFAULT_DIR, read_config

TOLERANCE = 0.01


@pytest.fixture(scope="module")
def scores():
    if not data.available():
        pytest.skip(f"claims corpora not found in {data.data_dir()}: set SPINSCOPE_DATA to the shared data folder")
    return evaluate.evaluate(data.data_dir())


def _pinned() -> dict:
    return json.loads((DEFAULT_DIR / "scores.json").read_text(encoding="utf-8"))


def test_quality_gate_claimbuster_f1(scores):
    assert scores["claimbuster_f1_check_worthy"] >= _pinned()["claimbuster_f1_check_worthy"] - TOLERANCE


def test_quality_gate_checkthat_map(scores):
    assert scores["checkthat_map"] >= _pinned()["checkthat_map"] - TOLERANCE


def test_quality_gate_threshold_matches_config():
    assert _pinned()["threshold"] == read_config()["threshold"]
