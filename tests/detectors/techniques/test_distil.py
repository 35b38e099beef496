"""A student distilled from a teacher: token targets mix gold labels with the teacher's probabilities."""

import numpy as np
import pytest

from spinscope.detectors.techniques import encoding, runtime
from spinscope.detectors.techniques.labels import INDEX
from spinscope_train.techniques import data, train


@pytest.fixture(scope="module")
def tokenizer():
    return encoding.load_tokenizer(str(runtime.DEFAULT_MODEL / "tokenizer.json"))


class Teacher:
    """Says 0.8 for every output of every token."""

    def __init__(self, tokenizer, value=0.8):
        self.tokenizer, self.value = tokenizer, value

    def token_outputs(self, text):
        enc = encoding.encode(self.tokenizer, text)
        return runtime.TokenOutputs(enc, np.full((len(enc.ids), train.N_OUT), self.value, dtype=np.float32), np.zeros((len(enc.ids), 4)))


TEXT = "The corrupt elite will destroy our great nation, and nobody will stop them."
ART = data.Labelled("a1", TEXT, [("Loaded_Language", 4, 11)])


def corrupt(tokenizer):
    i, j = encoding.token_range(encoding.encode(tokenizer, TEXT), 4, 11)
    assert j > i
    return i


def test_gold_targets_without_a_teacher(tokenizer):
    (window,) = train.examples([ART], tokenizer)
    k, i = INDEX["Loaded_Language"], corrupt(tokenizer)
    assert window["targets"][i, k] == 1.0 and window["targets"][i, -1] == 1.0
    assert window["targets"][i + 2 :, :].max() == 0.0


def test_teacher_probabilities_are_mixed_into_the_targets(tokenizer):
    (window,) = train.examples([ART], tokenizer, Teacher(tokenizer), teacher_weight=0.25)
    k, i = INDEX["Loaded_Language"], corrupt(tokenizer)
    assert window["targets"][i, k] == pytest.approx(0.75 + 0.25 * 0.8)
    assert window["targets"][i + 3, k] == pytest.approx(0.25 * 0.8)
    assert [s[:3] for s in window["spans"]] == [s[:3] for s in train.examples([ART], tokenizer)[0]["spans"]]  # the span head still learns gold


def test_a_teacher_with_another_tokenizer_is_refused(tokenizer):
    class Other(Teacher):
        def token_outputs(self, text):
            out = super().token_outputs(text)
            out.enc.ids[0] += 1
            return out

    with pytest.raises(ValueError, match="tokenizer"):
        train.examples([ART], tokenizer, Other(tokenizer))
