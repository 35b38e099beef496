"""Ensembles of technique models: averaged members, and the checks on what is combined."""

import json
import shutil

import numpy as np
import pytest

from spinscope.detectors.techniques import runtime
from spinscope.errors import InputError
from spinscope_train.techniques import ensemble, tuning

TEXT = (
    "Senator Smith gave a speech on Tuesday.\n"
    "The corrupt, lying traitors in Washington are destroying our beloved country.\n"
    "These radical leftist thugs want to burn everything down, and everyone knows it.\n"
)


def _single(folder):
    """A single-model folder made from the shipped model (its first member when it is an ensemble)."""
    shipped = runtime.DEFAULT_MODEL
    config = json.loads((shipped / "config.json").read_text(encoding="utf-8"))
    member = shipped / config["members"][0] if config.get("members") else shipped
    folder.mkdir()
    for name in ensemble.MEMBER_FILES:
        shutil.copy(member / name, folder / name)
    for name in ("tokenizer.json", "lexical_head.npz"):
        shutil.copy(shipped / name, folder / name)
    single = {k: v for k, v in config.items() if k not in ("members", "member_records")}
    (folder / "config.json").write_text(json.dumps({**single, "seed": 13, "epochs": 8}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    return _single(tmp_path_factory.mktemp("single") / "model")


def _ensemble_of(single, folder, heads):
    """An ensemble folder of copies of ``single`` whose span heads are ``heads`` (weight, bias) in turn."""
    folder.mkdir()
    names = []
    for k, (weight, bias) in enumerate(heads):
        name = f"m{k}"
        (folder / name).mkdir()
        shutil.copy(single / "model.onnx", folder / name / "model.onnx")
        np.savez(folder / name / "span_head.npz", weight=weight, bias=bias)
        names.append(name)
    for name in ("tokenizer.json", "lexical_head.npz"):
        shutil.copy(single / name, folder / name)
    config = json.loads((single / "config.json").read_text(encoding="utf-8"))
    (folder / "config.json").write_text(json.dumps({**config, "members": names}), encoding="utf-8")
    return folder


def test_ensemble_of_one_model_twice_finds_what_the_model_finds(single, tmp_path):
    head = np.load(single / "span_head.npz")
    twice = _ensemble_of(single, tmp_path / "twice", [(head["weight"], head["bias"])] * 2)
    alone = runtime.TechniqueModel(single).predict(TEXT)
    both = runtime.TechniqueModel(twice).predict(TEXT)
    assert alone, "the shipped model finds nothing in an obviously loaded text"
    assert [(t, s, e) for t, s, e, _ in both] == [(t, s, e) for t, s, e, _ in alone]
    np.testing.assert_allclose([x[3] for x in both], [x[3] for x in alone], rtol=1e-5)


def test_ensemble_averages_its_members_span_heads(single, tmp_path):
    head = np.load(single / "span_head.npz")
    weight, bias = head["weight"], head["bias"]
    k = 3  # a member that always says technique k
    loud = np.zeros_like(bias)
    loud[k] = 50.0
    mixed = runtime.TechniqueModel(_ensemble_of(single, tmp_path / "mixed", [(weight, bias), (np.zeros_like(weight), loud)]))
    alone = runtime.TechniqueModel(single)
    out_alone, out_mixed = alone.token_outputs(TEXT), mixed.token_outputs(TEXT)
    np.testing.assert_allclose(out_mixed.probs, out_alone.probs, atol=1e-6)  # same encoder twice
    start, end = TEXT.index("thugs"), TEXT.index("thugs") + len("thugs")
    for model in (alone, mixed):
        model.config["lexical_weight"] = 0.0  # the neural part alone
    p_alone = alone.span_probs(out_alone, TEXT, start, end)
    p_mixed = mixed.span_probs(out_mixed, TEXT, start, end)
    onehot = np.eye(len(p_alone))[k]
    np.testing.assert_allclose(p_mixed, 0.5 * p_alone + 0.5 * onehot, atol=1e-5)


def test_combine_copies_members_and_tunes_the_ensemble(single, tmp_path, monkeypatch):
    other = tmp_path / "other"
    shutil.copytree(single, other)
    config = json.loads((other / "config.json").read_text())
    (other / "config.json").write_text(json.dumps({**config, "seed": 7}))
    seen = {}

    def fake_tune(folder, validation, log, members=None):
        config = json.loads((single / "config.json").read_text())
        (folder / "config.json").write_text(json.dumps({**config, "members": members}))  # as tuning does first
        seen["members"] = members
        seen["loads"] = runtime.TechniqueModel(folder).predict(TEXT)  # the ensemble folder is complete when tuned
        return {"members": members, "run_threshold": 0.3, "second_label": 1.01, "calibration": [1, 1, 0]}

    monkeypatch.setattr(tuning, "tune", fake_tune)
    monkeypatch.setattr(ensemble.data, "load_ptc", lambda ptc: [])
    monkeypatch.setattr(ensemble.data, "split", lambda arts: ([], []))
    out = tmp_path / "ens"
    written = ensemble.combine(tmp_path, [single, other], out, log=lambda *a: None)
    assert seen["members"] == ["seed13-epochs8", "seed7-epochs8"] == written["members"]
    assert seen["loads"]
    assert [r["seed"] for r in written["member_records"]] == [13, 7]
    assert (out / "seed7-epochs8" / "model.onnx").is_file() and (out / "lexical_head.npz").is_file()
    assert json.loads((out / "config.json").read_text())["members"] == written["members"]


def test_combine_refuses_what_cannot_be_an_ensemble(single, tmp_path):
    with pytest.raises(InputError, match="at least two"):
        ensemble.check_members([single])
    with pytest.raises(InputError, match="no such file"):
        ensemble.check_members([single, tmp_path / "missing"])
    other = tmp_path / "other"
    shutil.copytree(single, other)
    (other / "tokenizer.json").write_text("{}")
    with pytest.raises(InputError, match="another tokenizer"):
        ensemble.check_members([single, other])
    with pytest.raises(InputError, match="one of the members"):
        ensemble.combine(tmp_path, [single, single], single)
