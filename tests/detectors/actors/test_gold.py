"""Merge quality on the hand-made gold set (20 PTC articles): B-cubed floors, pinned a little under today's figures."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold" / "actors-gold.json"
FLOORS = {"precision": 0.95, "recall": 0.83}  # measured: precision 0.960, recall 0.845


def test_gold_actor_merging_bcubed(shared_data):
    from spinscope_train.actors.evaluate import evaluate_gold

    if not (shared_data / "ptc2020" / "train-articles").is_dir():
        pytest.skip(f"{shared_data}/ptc2020/train-articles not found: the gold set's texts are needed")
    got = evaluate_gold(shared_data, GOLD)
    assert got["articles"] == 20 and got["mentions"] == 272
    for key, floor in FLOORS.items():
        assert got[key] >= floor, (key, got)
