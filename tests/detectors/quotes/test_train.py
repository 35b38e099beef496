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


def test_train_quotes_refits_scorer_and_blend_around_a_given_tagger(shared_data, tmp_path):
    from spinscope.cli import app
    from spinscope.detectors.quotes.tagger import DEFAULT_TAGGER, available, load_blend

    root = shared_data / "quotes-polnear"
    if not (root / "train" / "attributions").is_dir():
        pytest.skip(f"{root}/train not found: the PolNeAR corpus is needed to train the quote scorer")
    if not available():
        pytest.skip("the attribution tagger is not installed")
    args = ["train", "quotes", "--data", str(root), "--out", str(tmp_path), "--tagger", "--tagger-from", str(DEFAULT_TAGGER), "--limit", "30"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tagger" / "model.onnx").read_bytes() == (DEFAULT_TAGGER / "model.onnx").read_bytes()
    assert json.loads(result.stdout)["tagger"] == json.loads((DEFAULT_TAGGER / "tagger.json").read_text())
    blend = load_blend(tmp_path / "tagger")
    assert 0.0 < blend.threshold < 1.0 and json.loads((tmp_path / "tagger" / "scorer.json").read_text())["trained_on"]["articles"] < 30


def test_train_quotes_says_when_the_tagger_folder_is_not_one(shared_data, tmp_path):
    from spinscope.cli import app

    root = shared_data / "quotes-polnear"
    if not (root / "train" / "attributions").is_dir():
        pytest.skip(f"{root}/train not found: the PolNeAR corpus is needed to train the quote scorer")
    result = CliRunner().invoke(app, ["train", "quotes", "--data", str(root), "--out", str(tmp_path), "--tagger-from", str(tmp_path)])
    assert result.exit_code != 0 and "lacks model.onnx" in result.output
