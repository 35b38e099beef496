"""The shipped model finds obvious techniques, with offsets that always fit the text."""

import json

import pytest

import spinscope
from spinscope.detectors.techniques import runtime
from spinscope.detectors.techniques.detector import DEFAULT_MIN_SCORE, TechniquesDetector
from spinscope.detectors.techniques.labels import TECHNIQUES
from spinscope.model import Article

TEXT = "Senator Smith gave a speech on Tuesday.\nThe corrupt, lying traitors in Washington are destroying our beloved country.\nThese radical leftist thugs want to burn everything down.\n"


@pytest.fixture(scope="module")
def found():
    article = Article(text=TEXT)
    return TechniquesDetector().detect(None, article).spans


def test_detector_techniques_file_matches_the_corpus_list():
    assert len(TECHNIQUES) == 14 == len(set(TECHNIQUES))
    assert "Name_Calling,Labeling" in TECHNIQUES and "Whataboutism,Straw_Men,Red_Herring" in TECHNIQUES


def test_detector_default_min_score_is_the_tuned_one():
    config = json.loads((runtime.DEFAULT_MODEL / "config.json").read_text(encoding="utf-8"))
    assert DEFAULT_MIN_SCORE == pytest.approx(config["default_min_score"])


def test_detector_finds_loaded_language_and_name_calling(found):
    kept = [s for s in found if s.score >= DEFAULT_MIN_SCORE]
    assert kept, "no technique found in an obviously loaded text"
    assert {s.label for s in kept} & {"Loaded_Language", "Name_Calling,Labeling"}
    covered = {TEXT[s.start : s.end] for s in kept}
    for word in ("traitors", "thugs"):
        at = TEXT.index(word)
        assert any(s.start <= at and at + len(word) <= s.end for s in kept), f"{word!r} not inside any of {covered}"
    first = TEXT.index("\n")
    assert not any(s.end <= first for s in kept), "a neutral first sentence was flagged"


def test_detector_scores_are_probabilities(found):
    assert all(0.0 <= s.score <= 1.0 and s.kind == "technique" and s.label in TECHNIQUES for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "Cafe\u0301 owners are \U0001f621 traitors \U0001f44d\U0001f3fd and thugs!\r\nThe radical mob lies.\r\n",
        "\u00c9lite f\u0327raudsters \u2014 disgusting criminals \u2014 ruin our glorious nation \U0001f1fa\U0001f1f8!",
        "\r\n\r\n  Idiots. Total idiots!!! \U0001f92c\r\n",
    ],
)
def test_detector_offsets_fit_any_text(text):
    result = spinscope.analyze(text, detectors=["techniques"], options=spinscope.Options(min_score=0.0))
    spans = [s for s in result.spans if s.kind == "technique"]
    for s in spans:
        assert 0 <= s.start < s.end <= len(result.text)
        piece = result.text[s.start : s.end]
        assert piece.strip(), "empty span"
        assert not (s.end < len(result.text) and result.text[s.end - 1].isalnum() and result.text[s.end].isalnum())


def test_detector_another_checkpoint_path_is_used(tmp_path):
    from spinscope.errors import PipelineError

    with pytest.raises(PipelineError) as info:
        TechniquesDetector(model_path=str(tmp_path)).detect(None, Article(text="Some text."))
    assert info.value.code == "E302"


def test_detector_window_outputs_do_not_depend_on_the_rest_of_the_article():
    """The last window's tokens get the same outputs whatever the first window holds.

    The int8 model quantises activations with one scale per input tensor, so
    windows batched together would change each other's outputs.
    """
    import numpy as np

    body = " ".join(f"The council met on day {k} and discussed the budget for the river bridge." for k in range(50))
    calm = "A quiet report on local matters.\n" + body
    loud = "DISGUSTING CORRUPT TRAITORS AND THUGS!!! THEY LIE, THEY ALWAYS LIE!!!\n" + body
    model = runtime.TechniqueModel()
    a, b = model.token_outputs(calm), model.token_outputs(loud)
    assert len(runtime.encoding.windows(len(a.enc.ids))) >= 3
    tail = 20  # owned by the last window in both texts, whose tokens are the same
    assert list(a.enc.ids[-tail:]) == list(b.enc.ids[-tail:])
    np.testing.assert_allclose(a.probs[-tail:], b.probs[-tail:], atol=1e-6)
    np.testing.assert_allclose(a.hidden[-tail:], b.hidden[-tail:], atol=1e-5)


def test_detector_settings_are_files_in_one_folder():
    folder, config = runtime.locate(runtime.ACCURATE_MODEL)
    assert folder == runtime.DEFAULT_MODEL and config == runtime.ACCURATE_MODEL
    assert runtime.locate(None) == (runtime.DEFAULT_MODEL, runtime.DEFAULT_MODEL / "config.json")
    default = json.loads((runtime.DEFAULT_MODEL / "config.json").read_text(encoding="utf-8"))
    accurate = json.loads(runtime.ACCURATE_MODEL.read_text(encoding="utf-8"))
    assert len(default["members"]) == 1 and len(accurate["members"]) == 2
    assert set(default["members"]) < set(accurate["members"])
    for name in accurate["members"]:
        assert (runtime.DEFAULT_MODEL / name / "model.onnx").is_file()


def test_detector_accurate_setting_runs_both_members_with_its_own_threshold():
    det = TechniquesDetector(model_path=str(runtime.ACCURATE_MODEL))
    spans = det.detect(None, Article(text=TEXT)).spans
    accurate = json.loads(runtime.ACCURATE_MODEL.read_text(encoding="utf-8"))
    assert det.default_min_score == pytest.approx(accurate["default_min_score"])
    assert [m.version for m in det.models()] == ["5-accurate"]
    assert [m.version for m in TechniquesDetector().models()] == ["5"]
    one = {(s.start, s.end, s.label, s.score) for s in TechniquesDetector().detect(None, Article(text=TEXT)).spans}
    assert spans and {(s.start, s.end, s.label, s.score) for s in spans} != one, "the two settings gave the same findings"
