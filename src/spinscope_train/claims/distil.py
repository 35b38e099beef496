"""Fine-tuned MiniLM teachers distilled into a small student that scores every sentence (``train claims --distil``).

Why a student: a sentence classifier must score every sentence of an article,
and on news the six-layer MiniLM costs about as much as the whole foundation
pipeline, while the detector's budget is 30% of it.  The student keeps
MiniLM's lower :data:`STUDENT_LAYERS` layers, narrowed to :data:`STUDENT_HEADS`
attention heads and :data:`STUDENT_FFN` feed-forward units each
(:mod:`.shrink`), which brings it inside the budget; trained to match the
teachers' probabilities on many more sentences than carry labels, it keeps
part of what they learned.  This is the shipped claims model (the model card
has the figures).

1. Teachers: MiniLM-L6 fine-tuned whole (every layer) on the inner training
   part (:func:`.finetune.inner_split`, :func:`.finetune.sample`), one per seed in
   :data:`TEACHER_SEEDS`; their logits are averaged.
2. Student: MiniLM cut to its lower layers and narrowed, trained on
   every inner training line (its label and the teachers' probability) and on
   unlabelled news sentences (the teachers' probability only): PTC training
   articles' lines and :data:`POLNEAR_ARTICLES` PolNeAR training articles, when
   those corpora sit beside ``claims/``.
3. Export to ONNX, int8; Platt scaling and the F1-best threshold are chosen on
   the inner validation, scored by the exported graph as at run time.

Nothing here reads the fixed validation split; :func:`train` scores it at the end, to report.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import numpy as np

from spinscope.detectors.claims.model import blend
from spinscope_train.claims import cascade, data, evaluate, finetune

TEACHER_SEEDS = (13, 7)
TEACHER_LAYERS, TEACHER_EPOCHS, TEACHER_LEARNING_RATE = 6, 3, 5e-5
STUDENT_LAYERS, STUDENT_EPOCHS, STUDENT_LEARNING_RATE = 2, 3, 1e-4
STUDENT_HEADS, STUDENT_FFN = 6, 768  # of MiniLM's 12 heads and 1,536 feed-forward units per layer (:mod:`.shrink`)
HARD_WEIGHT = 0.5  # share of the student's loss from labels; the rest from the teachers' probabilities
POLNEAR_ARTICLES = 300
NAME = "spinscope/claims-minilm-{shape}-distilled"
VERSION = "3"


def news_sentences(root: Path, seed: int = 13) -> list[str]:
    """Unlabelled news sentences: PTC training articles' lines and sentences of PolNeAR training articles."""
    from spinscope import nlp
    from spinscope.detectors.claims import attribution

    lines = [line.strip() for path in sorted((root / "ptc2020" / "train-articles").glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    files = sorted((root / "quotes-polnear" / "train" / "text").glob("*.txt"))
    random.Random(seed).shuffle(files)
    texts = [p.read_text(encoding="utf-8") for p in files[:POLNEAR_ARTICLES]]
    lines += [s.text.strip() for doc in nlp.pipe_batched(texts) for s in attribution.claim_units(doc)]
    return lines


def pool(fit: list[data.Line], news: list[str]) -> list[str]:
    """The student's texts: the labelled lines first, then each news sentence not already among them."""
    seen = {x.text for x in fit}
    extra = []
    for text in news:
        if len(text) >= 10 and text not in seen:
            seen.add(text)
            extra.append(text)
    return [x.text for x in fit] + extra


def teacher_logits(fit: list[data.Line], texts: list[str], seeds=None, log=print) -> np.ndarray:
    """The mean logit of the teachers (one per seed, :data:`TEACHER_SEEDS` by default) for each text."""
    out = []
    for seed in seeds or TEACHER_SEEDS:
        start = time.perf_counter()
        teacher = finetune.full_train(finetune.sample(fit, seed), seed, TEACHER_EPOCHS, TEACHER_LEARNING_RATE, TEACHER_LAYERS, log=log)
        out.append(finetune.logits(teacher, texts))
        log(f"teacher seed {seed}: {time.perf_counter() - start:.0f} s")
    return np.mean(out, axis=0)


def choose(val: list[data.Line], logits: np.ndarray) -> dict:
    """Platt scaling of the student's logit and the F1-best threshold on the inner validation's ClaimBuster lines."""
    labels = np.array([x.label for x in val])
    neutral = np.full(len(labels), 0.5)  # the linear model's logit is 0 here: it takes no part
    cal = cascade.calibration(labels, logits, neutral, use_linear=False)
    probs = blend(cal, logits, neutral)
    cb = np.array([x.group == "claimbuster" for x in val])
    return {"calibration": cal, "threshold": evaluate.best_threshold(labels[cb].tolist(), probs[cb])}


def model_name(layers: int, ffn: int, heads: int) -> str:
    """The student's model name says its shape: ``spinscope/claims-minilm-l2-h6-ffn768-distilled``."""
    return NAME.format(shape=f"l{layers}-h{heads}-ffn{ffn}")


def train(
    folder: Path,
    out: Path,
    seed: int = 13,
    log=print,
    student_layers: int = STUDENT_LAYERS,
    student_ffn: int = STUDENT_FFN,
    student_heads: int = STUDENT_HEADS,
) -> dict:
    """After ``train.train`` wrote the linear model to ``out``: teachers, student, export; ``out`` then holds the student model."""
    from spinscope.detectors.claims import model as claim_model
    from spinscope.detectors.claims.transformer import TransformerScorer

    fit, val = finetune.inner_split(folder)
    news = news_sentences(folder.parent, seed) if (folder.parent / "ptc2020").is_dir() else []
    texts = pool(fit, news)
    log(f"student pool: {len(fit)} labelled lines, {len(texts) - len(fit)} unlabelled news sentences")
    soft = teacher_logits(fit, texts, log=log)
    student = finetune.full_train(
        fit,
        seed,
        STUDENT_EPOCHS,
        STUDENT_LEARNING_RATE,
        student_layers,
        texts=texts,
        soft=soft,
        hard_weight=HARD_WEIGHT,
        log=log,
        ffn=student_ffn,
        heads=student_heads,
    )
    exported = out / cascade.FOLDER
    finetune.export(student, exported).unlink()
    chosen = choose(val, TransformerScorer(exported).logits([x.text for x in val]))
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    config.update(
        name=model_name(student_layers, student_ffn, student_heads),
        version=VERSION,
        linear_threshold=config.get("linear_threshold", config["threshold"]),
        threshold=chosen["threshold"],
        cascade={
            "folder": cascade.FOLDER,
            "cutoff": None,
            "calibration": chosen["calibration"],
            "teachers": {"seeds": list(TEACHER_SEEDS), "layers": TEACHER_LAYERS, "epochs": TEACHER_EPOCHS},
            "student": {"layers": student_layers, "heads": student_heads, "ffn": student_ffn, "epochs": STUDENT_EPOCHS, "labelled": len(fit), "unlabelled": len(texts) - len(fit)},
        },
    )
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    linear_alone = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    linear_alone.pop("checkthat_ap_per_debate", None)
    _, cb_valid = data.claimbuster(folder)
    _, ct_valid = data.checkthat_split(folder)
    scores = {**evaluate.report(claim_model.load(out), cb_valid, ct_valid), "linear_alone": linear_alone}
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return scores
