"""The SemEval-2020 measures on cases computed by hand."""

import pytest

from spinscope_train.techniques import scorer


def test_scorer_si_exact_match_is_one():
    result = scorer.span_identification({"1": [(0, 10)]}, {"1": [(0, 10)]})
    assert result["precision"] == result["recall"] == result["f1"] == 1.0


def test_scorer_si_partial_overlap():
    # predicted 0-10, gold 5-25: overlap 5; P = 5/10, R = 5/20
    result = scorer.span_identification({"1": [(0, 10)]}, {"1": [(5, 25)]})
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(0.25)
    assert result["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_scorer_si_no_prediction_scores_zero():
    result = scorer.span_identification({}, {"1": [(0, 10)]})
    assert result["precision"] == 0.0 and result["recall"] == 0.0 and result["f1"] == 0.0
    assert result["gold"] == 1


def test_scorer_si_merges_overlapping_spans():
    # gold 0-10 and 5-20 merge into 0-20; predictions 0-4 and 2-8 merge into 0-8
    assert scorer.merge([(5, 20), (0, 10)]) == [(0, 20)]
    result = scorer.span_identification({"1": [(0, 4), (2, 8)]}, {"1": [(0, 10), (5, 20)]})
    assert result["predicted"] == 1 and result["gold"] == 1
    assert result["precision"] == pytest.approx(1.0)
    assert result["recall"] == pytest.approx(8 / 20)


def test_scorer_si_adjacent_spans_stay_apart():
    assert scorer.merge([(0, 5), (5, 9)]) == [(0, 5), (5, 9)]


def test_scorer_si_sums_over_articles():
    # article 1: exact; article 2: a false positive, its gold missed
    result = scorer.span_identification({"1": [(0, 10)], "2": [(50, 60)]}, {"1": [(0, 10)], "2": [(0, 10)]})
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(0.5)


def test_scorer_span_technique_needs_the_same_label():
    gold = {"1": [("Doubt", 0, 10), ("Slogans", 20, 30)]}
    pred = {"1": [("Doubt", 0, 5), ("Doubt", 20, 30)]}
    result = scorer.span_technique(pred, gold)
    # only the first prediction earns credit: P = (5/5 + 0)/2, R = (5/10 + 0)/2
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(0.25)
    one = scorer.span_technique(pred, gold, technique="Slogans")
    assert one["precision"] == 0.0 and one["gold"] == 1


def test_scorer_tc_is_accuracy_with_one_prediction_per_span():
    result = scorer.technique_classification(["Doubt", "Slogans", "Doubt"], ["Doubt", "Doubt", "Doubt"])
    assert result["f1"] == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        scorer.technique_classification(["Doubt"], [])


def test_scorer_per_technique_table():
    table = scorer.per_technique_tc(["A", "A", "B"], ["A", "B", "B"], ["A", "B"])
    assert table["A"]["precision"] == pytest.approx(0.5) and table["A"]["recall"] == 1.0
    assert table["B"]["precision"] == 1.0 and table["B"]["recall"] == pytest.approx(0.5)
