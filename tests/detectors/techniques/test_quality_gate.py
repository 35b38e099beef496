"""Quality gate: the shipped model must keep its pinned validation scores.

Runs the shipped model, in both its settings (the default and ``--accurate``),
on the fixed validation split of PTC and fails when span-identification F1 or
technique-classification micro-F1 falls more than ``tolerance`` below the
figures in ``models/techniques/scores.json`` (the accurate setting's under
``"accurate"``).
"""

import json

import pytest

from spinscope.detectors.techniques import runtime
from spinscope_train.techniques import data, evaluate

SETTINGS = {"default": None, "accurate": runtime.ACCURATE_MODEL}


@pytest.fixture(scope="module", params=sorted(SETTINGS))
def setting(request):
    return request.param


@pytest.fixture(scope="module")
def result(setting):
    ptc = data.data_dir() / "ptc2020"
    if not (ptc / "train-articles").is_dir():
        pytest.skip(f"PTC corpus not found at {ptc}: set SPINSCOPE_DATA to the shared data folder to run the quality gate")
    return evaluate.evaluate(ptc, SETTINGS[setting])


@pytest.fixture(scope="module")
def pinned(setting):
    scores = json.loads((runtime.DEFAULT_MODEL / "scores.json").read_text(encoding="utf-8"))
    return {**scores, **scores["accurate"]} if setting == "accurate" else scores


def test_quality_gate_accurate_setting_is_the_more_accurate():
    scores = json.loads((runtime.DEFAULT_MODEL / "scores.json").read_text(encoding="utf-8"))
    assert scores["accurate"]["si_f1"] > scores["si_f1"] and scores["accurate"]["tc_f1"] > scores["tc_f1"]


def test_quality_gate_span_identification(result, pinned):
    assert result["articles"] == pinned["articles"]
    assert result["si"]["f1"] >= pinned["si_f1"] - pinned["tolerance"], result["si"]


def test_quality_gate_technique_classification(result, pinned):
    assert result["tc"]["f1"] >= pinned["tc_f1"] - pinned["tolerance"], result["tc"]


def test_quality_gate_every_technique_is_reported(result):
    assert len(result["per_technique"]) == 14
    assert sum(row["tc"]["gold"] for row in result["per_technique"].values()) == result["tc"]["gold"] > 0
