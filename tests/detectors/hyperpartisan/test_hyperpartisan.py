"""Hyperpartisan: the evidence figures, the distant labels, the profile key, the bundled examples and the quality gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import spinscope
from spinscope.detectors.hyperpartisan import features
from spinscope.detectors.hyperpartisan import model as hp_model
from spinscope.errors import PipelineError
from spinscope.model import Span

SCORES = json.loads((hp_model.DEFAULT / "scores.json").read_text(encoding="utf-8"))
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _span(kind, label="x", **attrs):
    return Span(start=0, end=1, kind=kind, label=label, score=0.9, attrs=attrs)


def test_hyperpartisan_figures_count_what_they_say():
    text = "We will win! Why? YOU know it. " + "word " * 93  # 100 words
    spans = [
        _span("technique", "Loaded_Language", voice="author"),
        _span("technique", "Doubt", voice="author"),
        _span("technique", "Name_Calling,Labeling", voice="quoted"),
        _span("quote", "direct", actor="a", source_type="named_person"),
        _span("quote", "direct", actor="a", source_type="named_person"),
        _span("quote", "indirect", speaker={"text": "Officials"}, source_type="vague"),
        _span("claim", "check_worthy", attributed=False, source_type="none"),
        _span("claim", "check_worthy", attributed=True, source_type="document"),
    ]
    profile = {"tone": {"negative_share": 0.25, "compound_mean": -0.1, "emotions": {"anger": 5.0, "fear": 2.0, "joy": 9.0}}, "genre_scores": {"opinion": 0.8}}
    got = features.compute(text, spans, profile)
    assert features.words(text) == 100
    assert got["inflammatory_techniques"] == pytest.approx(10.0) and got["other_techniques"] == pytest.approx(10.0) and got["quoted_techniques"] == pytest.approx(10.0)
    assert got["quotes"] == pytest.approx(30.0) and got["top_speaker_share"] == pytest.approx(2 / 3)
    assert got["named_sources"] == pytest.approx(3 / 5) and got["unattributed_claims"] == pytest.approx(0.5)
    assert got["anger_fear_disgust"] == pytest.approx(7.0) and got["opinion"] == 0.8 and got["negative_tone"] == 0.25
    assert got["exclamations"] == pytest.approx(10.0) and got["questions"] == pytest.approx(10.0) and got["capitals"] == pytest.approx(10.0)
    assert got["we"] == pytest.approx(10.0) and got["you"] == pytest.approx(10.0)
    assert list(got) == list(features.NAMES) and len(features.vector(got)) == len(features.NAMES)


def test_hyperpartisan_figures_without_other_detectors_are_zero_not_errors():
    got = features.compute("A plain sentence.", [], {})
    assert got["top_speaker_share"] == got["named_sources"] == got["opinion"] == 0.0


def test_hyperpartisan_masks_the_training_publishers_names():
    assert hp_model.mask("As Breitbart News reported, and The Washington Post and HuffPost") == "As the outlet reported, and The the outlet and the outlet"


def test_hyperpartisan_profile_gives_a_probability_a_decision_and_its_evidence():
    text = (EXAMPLES / "oped-hyperpartisan.txt").read_text(encoding="utf-8")
    found = spinscope.analyze(text).profile.model_dump()["hyperpartisan"]
    assert 0.0 <= found["probability"] <= 1.0 and found["hyperpartisan"] == (found["probability"] >= found["threshold"])
    assert found["evidence"] and all(e["name"] in features.NAMES and e["says"] for e in found["evidence"])
    weights = [abs(e["weight"]) for e in found["evidence"]]
    assert weights == sorted(weights, reverse=True)
    assert "not_run" not in found


def test_hyperpartisan_says_which_evidence_was_missing_in_a_reduced_run():
    from spinscope.options import Options

    found = spinscope.analyze("They lie to you! Wake up, America!", options=Options(detectors=("tone", "hyperpartisan"))).profile.model_dump()["hyperpartisan"]
    assert found["not_run"] == ["claims", "genre", "quotes", "techniques"]


def test_hyperpartisan_bundled_op_ed_is_flagged_and_ranks_above_the_wire_report():
    wire = spinscope.analyze((EXAMPLES / "wire-report.txt").read_text(encoding="utf-8")).profile.model_dump()
    oped = spinscope.analyze((EXAMPLES / "oped-hyperpartisan.txt").read_text(encoding="utf-8")).profile.model_dump()
    assert wire["genre"] == "reporting" and oped["genre"] == "opinion"
    assert oped["hyperpartisan"]["hyperpartisan"]
    assert oped["hyperpartisan"]["probability"] > wire["hyperpartisan"]["probability"] + 0.15


def test_hyperpartisan_a_foreign_model_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "model.joblib"
    bad.write_bytes(b"not a pickle")
    with pytest.raises(PipelineError) as caught:
        hp_model.load(str(bad))
    assert caught.value.code == "E302" and "\n" not in str(caught.value)


def test_hyperpartisan_labels_come_from_the_ratings(shared_data):
    from spinscope_train.hyperpartisan import data

    labels = data.labels(shared_data / "sources")
    assert labels == {"breitbart": 1, "huff-post": 1, "west-journal": 1, "nyt": 0, "politico": 0, "usa-today": 0, "wash-post": 0}
    dev = data.load(shared_data, "dev")
    assert len(dev) == SCORES["dev"]["articles"] and {e.publisher for e in dev} == set(labels)


def test_hyperpartisan_quality_gate_on_dev(shared_data):
    from spinscope_train.hyperpartisan import data, train

    got = train.report(hp_model.load(), shared_data)["dev"]
    dev = data.load(shared_data, "dev")
    majority = max(sum(e.label for e in dev), sum(1 - e.label for e in dev)) / len(dev)
    assert got["articles"] == SCORES["dev"]["articles"]
    assert got["accuracy"] >= SCORES["dev"]["accuracy"] - 0.02
    assert got["accuracy"] > majority  # above always answering the larger class


def test_article_page_starts_with_genre_hyperpartisan_and_frames_each_with_a_reason():
    from spinscope.web.render import article_view, glance

    analysis = spinscope.analyze((EXAMPLES / "oped-hyperpartisan.txt").read_text(encoding="utf-8"))
    rows = glance(analysis)
    assert [r["name"] for r in rows] == ["Genre", "Hyperpartisan", "Frames"]
    assert all(r["verdict"] and r["reason"] and "\n" not in r["reason"] for r in rows)
    assert rows[1]["verdict"].startswith("Hyperpartisan (")
    assert article_view(analysis)["glance"] == rows


def test_hyperpartisan_threshold_chosen_for_the_prior_with_publishers_weighing_the_same():
    from types import SimpleNamespace as E

    from spinscope_train.hyperpartisan.train import choose_threshold, prior_accuracy

    examples = [E(publisher="a", label=1)] * 4 + [E(publisher="b", label=0)] * 4 + [E(publisher="c", label=0)] * 2
    probs = [0.9, 0.8, 0.58, 0.56, 0.57, 0.55, 0.2, 0.1, 0.3, 0.2]
    # at 0.5 every "a" article is right and half of "b"'s are wrong (recall of "not": mean of b 0.5 and c 1.0);
    # at 0.58 one "a" article is lost and every "b" is kept
    assert prior_accuracy(examples, probs, 0.5) == round(0.37 * 1.0 + 0.63 * (0.5 + 1.0) / 2, 4)
    assert prior_accuracy(examples, probs, 0.58) == round(0.37 * 0.75 + 0.63 * 1.0, 4)
    assert choose_threshold(examples, probs) == (0.56, prior_accuracy(examples, probs, 0.56))  # keeps every "a", loses one "b"
    assert choose_threshold(examples, probs, prior=0.1)[0] == 0.58  # where few articles are hyperpartisan, keep every "not"
    assert SCORES["threshold"]["chosen"] == hp_model.load()["threshold"]
