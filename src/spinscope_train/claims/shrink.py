"""Narrow a MiniLM student before distillation: fewer attention heads, a smaller feed-forward layer (training time only; needs torch).

On one CPU thread the student's cost is its arithmetic, and in each layer of
MiniLM the feed-forward block (384 -> 1536 -> 384) does two thirds of it.
Structured pruning keeps, in every layer, the ``heads`` attention heads and
the ``ffn`` feed-forward units with the largest weights, and drops the rest
from the matrices themselves, so the exported graph is smaller and faster;
distillation then trains what is left.  Importance is the product of the
norms of the weights that read into and write out of a head or unit: it
needs no data and picks the same units every time.
"""

from __future__ import annotations


def _linear(weight, bias):
    import torch

    layer = torch.nn.Linear(weight.shape[1], weight.shape[0])
    layer.weight.data, layer.bias.data = weight.clone(), bias.clone()
    return layer


def narrow(encoder, ffn: int | None = None, heads: int | None = None):
    """Keep ``ffn`` feed-forward units and ``heads`` attention heads in every layer of a BERT ``encoder`` (in place; returns it)."""
    for layer in encoder.encoder.layer:
        if ffn is not None:
            _keep_units(layer, ffn)
        if heads is not None:
            _keep_heads(layer, heads)
    return encoder


def _keep_units(layer, keep: int) -> None:
    up, down = layer.intermediate.dense, layer.output.dense
    if keep >= up.out_features:
        return
    importance = up.weight.data.norm(dim=1) * down.weight.data.norm(dim=0)
    units = importance.argsort(descending=True)[:keep].sort().values
    layer.intermediate.dense = _linear(up.weight.data[units], up.bias.data[units])
    layer.output.dense = _linear(down.weight.data[:, units], down.bias.data)


def _keep_heads(layer, keep: int) -> None:
    import torch

    attention, out = layer.attention.self, layer.attention.output.dense
    size = attention.attention_head_size
    count = attention.query.out_features // size
    if keep >= count:
        return
    importance = out.weight.data.view(-1, count, size).transpose(0, 1).flatten(1).norm(dim=1)
    for name in ("query", "key", "value"):
        importance = importance * getattr(attention, name).weight.data.view(count, -1).norm(dim=1)
    kept = importance.argsort(descending=True)[:keep].sort().values.tolist()
    columns = torch.cat([torch.arange(h * size, (h + 1) * size) for h in kept])
    for name in ("query", "key", "value"):
        projection = getattr(attention, name)
        setattr(attention, name, _linear(projection.weight.data[columns], projection.bias.data[columns]))
    layer.attention.output.dense = _linear(out.weight.data[:, columns], out.bias.data)
    # BertSelfAttention reshapes by head size, so the number of heads follows from the narrower matrices
    attention.num_attention_heads, attention.all_head_size = keep, keep * size
