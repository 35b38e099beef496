"""The two-fold validation: folds cover the validation split, are both non-trivial, and differ
from the calibration halves the tuning uses inside a fold."""

from spinscope_train.techniques import data, tuning
from spinscope_train.techniques.twofold import fold


def test_folds_split_the_validation_articles_and_cut_across_the_calibration_halves(shared_data):
    _, validation = data.split(data.load_ptc(shared_data / "ptc2020"))
    folds = [[a.id for a in validation if fold(a.id) == k] for k in (0, 1)]
    assert sorted(folds[0] + folds[1]) == sorted(a.id for a in validation)
    assert min(len(f) for f in folds) >= len(validation) // 3
    for ids in folds:  # each fold has articles of both calibration halves, so tuning inside it can calibrate and measure
        assert {tuning.calibration_half(i) for i in ids} == {True, False}
