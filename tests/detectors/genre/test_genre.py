"""Genre: the shipped model's quality gates, the satire check, outlets and the profile keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.detectors.genre import model as genre_model
from spinscope.detectors.genre import outlets
from spinscope.detectors.genre.detector import GENRES, GenreDetector, decide
from spinscope.model import Article
from spinscope_train.genre import data, train

SCORES = json.loads((genre_model.DEFAULT / "scores.json").read_text(encoding="utf-8"))
SATIRE_TARGET = 0.75


@pytest.fixture(scope="module")
def shipped():
    return genre_model.load()


def test_genre_quality_gate_validation_macro_f1(shipped, shared_data):
    _, validation = data.split(data.semeval(shared_data / "semeval2023-en"))
    got = train.scores(shipped, validation)
    assert got["support"] == SCORES["validation"]["support"]
    assert got["macro_f1"] >= SCORES["validation"]["macro_f1"] - 0.01


def test_genre_satire_check_accuracy_gate(shipped, shared_data):
    check = data.satire_check(shared_data)
    assert sum(e.genre == "satire" for e in check) == sum(e.genre != "satire" for e in check) == 30
    got = train.satire_accuracy(shipped, check)
    assert got["accuracy"] >= SATIRE_TARGET
    assert got["accuracy"] >= SCORES["satire_check"]["accuracy"] - 0.01


def test_genre_cross_validation_recorded_in_scores():
    cv = SCORES["cross_validation"]
    assert cv["folds"] >= 10
    assert 0.0 < cv["macro_f1"]["mean"] <= 1.0 and cv["macro_f1"]["sd"] >= 0.0
    assert set(cv["per_class_f1"]) == set(GENRES)


def _examples(counts: dict[str, int]) -> list[data.Example]:
    return [data.Example(f"{g}{i}", f"text {g} {i}", g, "semeval2023") for g, n in counts.items() for i in range(n)]


def test_genre_split_is_stratified_and_fixed_by_id():
    examples = _examples({"opinion": 50, "reporting": 10, "satire": 5})
    train_part, held = data.split(examples)
    assert {e.id for e in train_part}.isdisjoint({e.id for e in held})
    assert len(train_part) + len(held) == len(examples)
    assert [sum(e.genre == g for e in held) for g in GENRES] == [10, 2, 1]
    assert {e.id for e in data.split(list(reversed(examples)))[1]} == {e.id for e in held}


def test_genre_cv_folds_stratified_and_disjoint():
    from spinscope_train.genre import cv

    examples = _examples({"opinion": 40, "reporting": 10, "satire": 5})
    pairs = cv.folds(examples, k=5, repeats=2, seed=13)
    assert len(pairs) == 10
    for fold_train, fold_test in pairs:
        assert {e.id for e in fold_train}.isdisjoint({e.id for e in fold_test})
        assert [sum(e.genre == g for e in fold_test) for g in GENRES] == [8, 2, 1]
    first_repeat = [e.id for _, test in pairs[:5] for e in test]
    assert sorted(first_repeat) == sorted(e.id for e in examples)


def test_genre_style_rates_separate_report_from_commentary():
    from spinscope.detectors.genre.features import NAMES, style_vector

    report = "Talks resume\n\nThe minister said on Tuesday that 40 people were hurt. Police told reporters the road was closed."
    comment = "Enough is enough\n\nI think this is shameful. Why do we keep lying to ourselves? It is absurd!"
    r, c = dict(zip(NAMES, style_vector(report))), dict(zip(NAMES, style_vector(comment)))
    assert r["attributed_sentences"] > c["attributed_sentences"]
    assert r["number_sentences"] > c["number_sentences"]
    assert c["first_singular"] > r["first_singular"] and c["evaluative"] > r["evaluative"]
    assert c["question_sentences"] > 0 and c["exclaim_sentences"] > 0 == r["exclaim_sentences"]


def test_genre_satire_check_never_trained_on():
    trained = {e.text for e in data.written("satire_train")}
    check = data.written("satire_check")
    assert len(check) == 30 and len(trained) >= 30
    assert not trained & {e.text for e in check}


def test_genre_detector_profile_keys_and_scores_sum_to_one(news_text):
    found = GenreDetector().detect(None, Article(text=news_text))
    assert found.spans == []
    p = found.profile
    assert p["genre"] in GENRES and p["genre_basis"] == "model"
    assert set(p["genre_scores"]) == set(GENRES)
    assert sum(p["genre_scores"].values()) == pytest.approx(1.0, abs=1e-3)
    assert p["genre"] == max(p["genre_scores"], key=p["genre_scores"].get)


def test_genre_onion_style_piece_is_satire():
    text = (
        "Area Man Announces He Will Finally Clean Garage Sometime Before Heat Death Of Universe\n\n"
        "FRESNO, CA—Local man Dale Hutchins, 52, told reporters Saturday he would finally clean out his garage "
        '"sometime before the heat death of the universe," a timeline experts called ambitious. "I just need to '
        'find the right weekend," said Hutchins, who at press time was asleep in a lawn chair.'
    )
    assert GenreDetector().detect(None, Article(text=text)).profile["genre"] == "satire"


def test_genre_known_satire_outlet_overrides_model(news_text):
    found = GenreDetector().detect(None, Article(text=news_text, url="https://www.theonion.com/some-story"))
    assert found.profile["genre"] == "satire" and found.profile["genre_basis"] == "outlet"
    assert found.profile["genre_outlet"] == "theonion.com"


@pytest.mark.parametrize(
    ("url", "outlet", "expected"),
    [
        ("https://babylonbee.com/news/x", None, "babylonbee.com"),
        ("notbabylonbee.com/x", None, None),
        (None, "The Beaverton", "The Beaverton"),
        ("https://www.nytimes.com/2020/a.html", "The New York Times", None),
    ],
)
def test_genre_satire_outlet_matching(url, outlet, expected):
    assert outlets.satire_outlet(url, outlet) == expected


def test_genre_decide_rounds_and_picks_best():
    p = decide({"opinion": 0.2, "reporting": 0.7, "satire": 0.1}, None)
    assert p == {"genre": "reporting", "genre_scores": {"opinion": 0.2, "reporting": 0.7, "satire": 0.1}, "genre_basis": "model"}


def test_genre_bad_model_path_raises_e302(tmp_path: Path):
    from spinscope.errors import PipelineError

    broken = tmp_path / "model.joblib"
    broken.write_bytes(b"not a model")
    with pytest.raises(PipelineError, match="E302"):
        genre_model.load(str(broken))


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("They Sold Out Our Border\n\n(Iron Standard Op-Ed) — Let's stop pretending.", None, "(Iron Standard Op-Ed)"),
        ("OPINION: The deal is a surrender\n\nLet's stop pretending.", None, "OPINION:"),
        ("Editorial | A vote that matters\n\nThe council met.", None, "Editorial |"),
        ("Talks resume\n\nThe talks resumed on Monday.", "https://www.example.com/opinion/2020/talks.html", "/opinion/"),
        ("Talks resume\n\nGeorge Will wrote a scathing Washington Post op-ed this week.", None, None),
        ("Poll shifts\n\nPublic opinion: a poll found support fell.", None, None),
        ("Talks resume\n\nThe talks resumed.", "https://www.example.com/politics/opinion-poll-shows.html", None),
    ],
)
def test_genre_opinion_label_only_from_rubrics(text, url, expected):
    from spinscope.detectors.genre import rubric

    assert rubric.opinion_label(text, url) == expected


def test_genre_decide_page_label_over_model_but_not_over_satire_outlet():
    scores = {"opinion": 0.2, "reporting": 0.7, "satire": 0.1}
    labelled = decide(scores, None, "(TMU Op-Ed)")
    assert (labelled["genre"], labelled["genre_basis"], labelled["genre_label"]) == ("opinion", "label", "(TMU Op-Ed)")
    assert labelled["genre_scores"]["reporting"] == 0.7  # what the text alone says stays visible
    assert decide(scores, "theonion.com", "(Op-Ed)")["genre"] == "satire"
