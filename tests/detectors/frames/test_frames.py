"""Frames: the profile keys, the shipped model's quality gate on its validation split, and bad model files."""

from __future__ import annotations

import json

import pytest

import spinscope
from spinscope.detectors.frames import model as frames_model
from spinscope.detectors.frames.detector import FramesDetector
from spinscope.errors import PipelineError
from spinscope.model import Article
from spinscope.options import Options
from spinscope_train.frames import data, train

SCORES = json.loads((frames_model.DEFAULT / "scores.json").read_text(encoding="utf-8"))
FRAMES = 14

CRIME = (
    "Police arrest two men over Leeds jewellery robbery\n\n"
    "Two men have been arrested and charged with armed robbery after a jewellery shop in Leeds was raided on Monday. "
    "Detectives said the suspects, aged 24 and 31, threatened staff with a knife before fleeing with watches worth 40,000 pounds. "
    "Both will appear before magistrates on Thursday, where prosecutors will ask for them to be held in custody until trial. "
    "If convicted, they face up to ten years in prison, a police spokesman said."
)


def test_frames_profile_has_a_score_per_frame_and_a_ranked_choice():
    analysis = spinscope.analyze(CRIME, options=Options(detectors=("frames",)))
    frames = analysis.profile.model_dump()["frames"]
    assert len(frames["scores"]) == FRAMES and all(0.0 <= p <= 1.0 for p in frames["scores"].values())
    chosen = frames["chosen"]
    assert chosen and set(chosen) <= set(frames["scores"])
    assert [frames["scores"][f] for f in chosen] == sorted((frames["scores"][f] for f in chosen), reverse=True)
    assert all(frames["scores"][f] >= frames["threshold"] for f in chosen[1:])
    assert "Crime_and_punishment" in chosen


def test_frames_the_same_text_gives_the_same_frames():
    first = FramesDetector().detect(None, Article(text=CRIME)).profile
    again = FramesDetector().detect(None, Article(text=CRIME)).profile
    assert first == again


def test_frames_always_choose_the_most_probable_frame():
    assert frames_model.chosen({"Economic": 0.1, "Political": 0.2}, 0.9) == ["Political"]
    assert frames_model.chosen({"Economic": 0.5, "Political": 0.7, "Morality": 0.2}, 0.4) == ["Political", "Economic"]


def test_frames_a_foreign_model_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "model.joblib"
    bad.write_bytes(b"not a pickle")
    with pytest.raises(PipelineError) as caught:
        frames_model.load(str(bad))
    assert caught.value.code == "E302" and "\n" not in str(caught.value)


def test_frames_quality_gate_on_the_validation_split(shared_data):
    bundle = frames_model.load()
    got = train.report(bundle, shared_data)
    assert got["validation"]["articles"] == SCORES["validation"]["articles"] == 72
    assert got["validation"]["micro_f1"] >= SCORES["validation"]["micro_f1"] - 0.01
    assert got["validation"]["micro_f1"] >= got["baseline_validation"]["micro_f1"] + 0.1  # well above the most common frames


def test_frames_split_is_fixed_by_the_ids(shared_data):
    examples = data.load(shared_data)
    assert len(examples) == 358
    train_part, held = data.split(examples)
    assert len(held) == 72 and not {e.id for e in held} & {e.id for e in train_part}
    assert {e.id for e in data.split(list(reversed(examples)))[1]} == {e.id for e in held}  # the order articles come in does not matter
