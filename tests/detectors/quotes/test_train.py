"""``spinscope train quotes``: fits a scorer on a few PolNeAR train articles and writes a loadable JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner


def test_train_quotes_cli_writes_a_scorer(shared_data, tmp_path):
    from spinscope.cli import app
    from spinscope.detectors.quotes.scorer import Scorer

    root = shared_data / "quotes-polnear"
    if not (root / "train" / "attributions").is_dir():
        pytest.skip(f"{root}/train not found: the PolNeAR corpus is needed to train the quote scorer")
    out = tmp_path / "scorer.json"
    result = CliRunner().invoke(app, ["train", "quotes", "--data", str(root), "--out", str(out), "--limit", "10"])
    assert result.exit_code == 0, result.output
    table = json.loads(out.read_text())
    assert table["trained_on"]["articles"] == 10 and table["trained_on"]["part"] == "train"
    scorer = Scorer.from_json(table)
    assert 0.0 < scorer.threshold < 1.0
    assert scorer.score({"lemma=say": 1.0, "dep=ccomp": 1.0}) > scorer.score({"lemma=eat": 1.0, "dep=dobj": 1.0})
