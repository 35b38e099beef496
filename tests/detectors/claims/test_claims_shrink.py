"""Narrowing a student before distillation: fewer heads and feed-forward units, the strongest kept, the rest of the network untouched."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch", reason="narrowing a student needs the train extra (torch)")
transformers = pytest.importorskip("transformers", reason="narrowing a student needs the train extra (transformers)")

from spinscope_train.claims import shrink  # noqa: E402


def tiny_bert(seed: int = 0):
    torch.manual_seed(seed)
    config = transformers.BertConfig(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=32,
        max_position_embeddings=32,
    )
    return transformers.BertModel(config).eval()


def run(model, ids):
    with torch.no_grad():
        return model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state


def test_narrow_to_full_width_changes_nothing():
    model, ids = tiny_bert(), torch.tensor([[1, 5, 9, 12, 2]])
    before = run(model, ids)
    shrink.narrow(model, ffn=32, heads=4)
    assert torch.equal(run(model, ids), before)


def test_narrow_drops_units_and_heads_from_the_matrices():
    model, ids = tiny_bert(), torch.tensor([[1, 5, 9, 12, 2], [1, 7, 3, 0, 0]])
    before = run(model, ids)
    shrink.narrow(model, ffn=8, heads=2)
    for layer in model.encoder.layer:
        assert layer.intermediate.dense.weight.shape == (8, 16)
        assert layer.output.dense.weight.shape == (16, 8)
        for name in ("query", "key", "value"):
            assert getattr(layer.attention.self, name).weight.shape == (8, 16)  # 2 heads of 4
        assert layer.attention.output.dense.weight.shape == (16, 8)
    after = run(model, ids)
    assert after.shape == before.shape and not torch.allclose(after, before)


def test_narrow_keeps_the_strongest_unit_and_head():
    model = tiny_bert()
    layer = model.encoder.layer[0]
    layer.intermediate.dense.weight.data[5] *= 100  # unit 5 reads with far larger weights
    marker = layer.intermediate.dense.weight.data[5].clone()
    layer.attention.self.value.weight.data[12:16] *= 100  # head 3 (columns 12-15) carries far larger values
    head = layer.attention.self.value.weight.data[12:16].clone()
    shrink.narrow(model, ffn=1, heads=1)
    assert torch.equal(layer.intermediate.dense.weight.data[0], marker)
    assert torch.equal(layer.attention.self.value.weight.data, head)
