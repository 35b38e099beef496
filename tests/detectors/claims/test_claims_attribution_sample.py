"""Attribution on the hand-annotated sample of corpus sentences (offsets only; needs the corpora)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope_train.claims import data, evaluate

SAMPLE = Path(__file__).with_name("attribution_sample.json")


@pytest.fixture(scope="module")
def sample():
    root = data.data_dir().parent
    loaded = json.loads(SAMPLE.read_text(encoding="utf-8"))
    files = {x["file"] for part in ("development", "heldout") for x in loaded[part]}
    if not all((root / f).is_file() for f in files):
        pytest.skip(f"PTC/PolNeAR articles not found under {root}: set SPINSCOPE_DATA to the shared data folder")
    return loaded, root


def test_attribution_sample_offsets_are_sentences_of_the_files(sample):
    loaded, root = sample
    for item in loaded["development"] + loaded["heldout"]:
        text = (root / item["file"]).read_text(encoding="utf-8")
        assert 0 <= item["start"] < item["end"] <= len(text)
        assert item["attributed"] is (item["source"] is not None)


def test_attribution_sample_keeps_its_precision(sample):
    loaded, root = sample
    scores = evaluate.attribution_scores(loaded["development"] + loaded["heldout"], root)
    assert scores["precision"] >= 0.85
    assert scores["recall"] >= 0.70
