"""Hysteresis decoding, joined runs and nested spans, on hand-set token probabilities."""

import json

import numpy as np
import pytest

from spinscope.detectors.techniques import encoding, runtime
from spinscope_train.techniques import train


@pytest.fixture(scope="module")
def tokenizer():
    return encoding.load_tokenizer(runtime.DEFAULT_MODEL / "tokenizer.json")


def outputs(tokenizer, text, by_word):
    """Token outputs whose "any" probability is ``by_word[word]`` for each word (0 elsewhere)."""
    enc = encoding.encode(tokenizer, text)
    probs = np.zeros((len(enc.ids), 15), dtype=np.float32)
    for word, p in by_word.items():
        at = text.index(word)
        probs[(enc.starts >= at) & (enc.ends <= at + len(word)), -1] = p
    return runtime.TokenOutputs(enc, probs, np.zeros((len(enc.ids), 4), dtype=np.float32))


def test_runs_with_a_seed_keep_only_runs_that_reach_it():
    p = np.array([0.3, 0.3, 0.0, 0.3, 0.8, 0.3, 0.0])
    assert runtime.runs(p, 0.25) == [(0, 2), (3, 6)]
    assert runtime.runs(p, 0.25, seed=0.5) == [(3, 6)]
    assert runtime.runs(p, 0.25, seed=0.2) == runtime.runs(p, 0.25)  # a seed below the threshold changes nothing


def test_candidates_join_runs_a_few_tokens_apart_on_one_line(tokenizer):
    text = "vile thugs and the traitors\nliars"
    out = outputs(tokenizer, text, {"vile thugs": 0.9, "traitors": 0.9, "liars": 0.9})
    apart = [text[s:e] for s, e, _ in runtime.candidates(out, text, 0.5)]
    joined = [text[s:e] for s, e, _ in runtime.candidates(out, text, 0.5, gap=2)]
    assert apart == ["vile thugs", "traitors", "liars"]
    assert joined == ["vile thugs and the traitors", "liars"]  # never across the line break


def test_candidates_drop_pieces_shorter_than_min_tokens(tokenizer):
    text = "calm thugs calm vile traitors"
    out = outputs(tokenizer, text, {"thugs": 0.9, "vile traitors": 0.9})
    assert [text[s:e] for s, e, _ in runtime.candidates(out, text, 0.5, min_tokens=2)] == ["vile traitors"]


def test_nested_runs_are_labelled_inside_a_flagged_clause(tokenizer):
    text = "The corrupt traitors are destroying us.\nCalm."
    clause = text.index("\n")
    out = outputs(tokenizer, text, {text[:clause]: 0.3})
    out.probs[(out.enc.starts >= text.index("traitors")) & (out.enc.ends <= text.index(" are")), -1] = 0.8
    out.probs[out.enc.starts == text.index("The"), -1] = 0.6  # seeds the clause but not the inner runs
    plain = runtime.spans_to_label(out, text, 0.25, seed=0.5)
    nested = runtime.spans_to_label(out, text, 0.25, seed=0.5, inner=0.7)
    assert [text[s:e] for s, e, _ in plain] == [text[:clause]]
    assert [text[s:e] for s, e, _ in nested] == [text[:clause], "traitors"]
    assert nested[1][2] == pytest.approx(0.8)


def test_old_configs_decode_with_plain_runs():
    knobs = runtime.decoding({"run_threshold": 0.3, "second_label": 0.4, "calibration": [1, 1, 0]})
    assert knobs == {"threshold": 0.3, "seed": None, "gap": 0, "min_tokens": 1, "inner": None, "technique_inner": None}


def test_technique_runs_are_labelled_inside_a_flagged_clause(tokenizer):
    from spinscope.detectors.techniques.labels import INDEX

    text = "These radical thugs want to burn it all down.\nThugs everywhere."
    clause = text.index("\n")
    out = outputs(tokenizer, text, {text[:clause]: 0.8})  # the whole clause is one candidate
    name_calling = INDEX["Name_Calling,Labeling"]
    for word in ("radical thugs", "Thugs"):  # the second lies outside any candidate
        at = text.index(word)
        out.probs[(out.enc.starts >= at) & (out.enc.ends <= at + len(word)), name_calling] = 0.7
    at = text.index("burn")
    out.probs[(out.enc.starts >= at) & (out.enc.ends <= at + 4), INDEX["Loaded_Language"]] = 0.4
    plain = runtime.spans_to_label(out, text, 0.5)
    nested = runtime.spans_to_label(out, text, 0.5, technique_inner=0.5)
    assert [text[s:e] for s, e, _ in plain] == [text[:clause]]
    assert [text[s:e] for s, e, _ in nested] == [text[:clause], "radical thugs"]  # not "burn" (0.4), not outside
    assert nested[1][2] == pytest.approx(0.8)  # scored by the "any" output, as every candidate


def test_spans_leave_out_commas_and_colons_at_their_ends():
    text = "Yes, lying traitors: all of them"
    assert runtime.trim(text, 3, 20) == (5, 19)
    assert runtime.trim(text, 3, 5) == (5, 5)  # nothing left


def test_retune_restores_the_config_when_tuning_fails(tmp_path, monkeypatch):
    from spinscope_train.techniques import data, tuning

    (tmp_path / "config.json").write_text(json.dumps({"seed": 13, "run_threshold": 0.3}))
    before = (tmp_path / "config.json").read_text()
    monkeypatch.setattr(data, "load_ptc", lambda ptc: [data.Labelled("1", "text")])

    def broken(folder, validation, log, members=None):
        (folder / "config.json").write_text("{}")
        raise RuntimeError("stopped")

    monkeypatch.setattr(tuning, "tune", broken)
    with pytest.raises(RuntimeError):
        train.retune(tmp_path, tmp_path)
    assert (tmp_path / "config.json").read_text() == before


def test_nested_phrases_of_stop_words_alone_are_left_out(tokenizer):
    from spinscope.detectors.techniques.labels import INDEX

    text = "They are destroying our beloved country and all of it."
    out = outputs(tokenizer, text, {text[:-1]: 0.8})
    flag = INDEX["Flag-Waving"]
    for phrase in ("our beloved country", "all of"):
        at = text.index(phrase)
        out.probs[(out.enc.starts >= at) & (out.enc.ends <= at + len(phrase)), flag] = 0.7
    nested = [text[s:e] for s, e, _ in runtime.spans_to_label(out, text, 0.5, technique_inner=0.5)[1:]]
    assert nested == ["our beloved country"]  # "all of" says nothing alone


def test_calibration_terms_for_length_and_technique_are_optional():
    from spinscope.detectors.techniques.runtime import calibrate

    old = {"calibration": [1.0, 1.0, 0.0]}
    assert calibrate(old, 0.5, 0.5) == 0.5
    assert calibrate(old, 0.5, 0.5, "Doubt", 40) == 0.5  # a config without the terms scores as before
    new = {**old, "calibration_length": 0.5, "calibration_technique": {"Doubt": -2.0}}
    assert calibrate(new, 0.5, 0.5, "Doubt", 40) < calibrate(new, 0.5, 0.5, "Loaded_Language", 40)
    assert calibrate(new, 0.5, 0.5, "Loaded_Language", 10) < calibrate(new, 0.5, 0.5, "Loaded_Language", 80)


def test_fit_calibration_learns_that_one_technique_is_right_more_often():
    from spinscope_train.techniques import data, tuning

    rows = []
    for n in range(60):
        text = "x " * 50
        art = data.Labelled(f"a{n}", text, [("Loaded_Language", 0, 10)])
        rows.append((art, "Loaded_Language", 0, 10, 0.4, 0.5))  # always right
        rows.append((art, "Doubt", 0, 10, 0.4, 0.5))  # never right
    calib = tuning.fit_calibration(rows)
    scores = tuning.calibrated(calib, rows)
    assert scores[0] > 0.7 and scores[1] < 0.3
    assert set(calib) == {"calibration", "calibration_length", "calibration_technique"}
