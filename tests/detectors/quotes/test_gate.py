"""Quality gate: the quotes detector's PolNeAR dev figures must not drop more than 0.01 below the pinned ones.

It scores a fixed subset (the first ``subset`` dev articles by name, as pinned
in scores.json) so that it runs in seconds; the full-dev figures are pinned
beside it for the record.
"""

from __future__ import annotations

import json
from pathlib import Path

import spinscope

PINNED = json.loads((Path(spinscope.__file__).parent / "models" / "quotes" / "scores.json").read_text())
TOLERANCE = 0.01


def test_gate_quotes_polnear_dev_subset(shared_data):
    import pytest

    from spinscope_train.quotes.evaluate import score_part

    root = shared_data / "quotes-polnear"
    if not (root / "dev" / "attributions").is_dir():
        pytest.skip(f"{root}/dev not found: the PolNeAR corpus is needed for the quotes quality gate")
    gate = PINNED["gate"]
    got = score_part(root, "dev", gate["subset"])
    assert got["articles"] == gate["subset"]
    for key in ("f1", "speaker_accuracy"):
        assert got["all"][key] >= gate["all"][key] - TOLERANCE, (key, got["all"], gate["all"])


def test_gate_quotes_with_the_tagger_polnear_dev_subset(shared_data):
    import pytest

    from spinscope.detectors.quotes.tagger import shipped
    from spinscope_train.quotes.evaluate import score_part

    root = shared_data / "quotes-polnear"
    if not (root / "dev" / "attributions").is_dir():
        pytest.skip(f"{root}/dev not found: the PolNeAR corpus is needed for the quotes quality gate")
    if shipped() is None:
        pytest.skip("the attribution tagger is not installed")
    gate = PINNED["dev_with_tagger"]["gate"]
    got = score_part(root, "dev", gate["subset"], tagger=True)
    for key in ("f1", "speaker_accuracy"):
        assert got["all"][key] >= gate["all"][key] - TOLERANCE, (key, got["all"], gate["all"])
