"""Build the linear -> transformer cascade: cutoff, calibration and threshold, all chosen on the inner validation.

The inner validation (:func:`.finetune.inner_split`) lies inside the training
part of the fixed split.  Its linear scores come from a linear model fitted on
the inner training lines only, so that they behave like the shipped linear
model's scores on unseen text.  Nothing here looks at the fixed validation
split; :func:`build` scores it only at the end, to report.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from spinscope.detectors.claims.model import blend, load
from spinscope_train.claims import data, evaluate, finetune, train

RECALL = 0.98  # share of check-worthy sentences the cutoff must pass on to the transformer
FOLDER = "transformer"


def cutoff(labels, linear_probs, recall: float = RECALL) -> float:
    """The highest linear-score cutoff that keeps at least ``recall`` of the positives (rounded down)."""
    positives = np.sort(np.asarray(linear_probs)[np.asarray(labels) == 1])
    keep = int(np.ceil(recall * len(positives)))
    return float(np.floor(positives[len(positives) - keep] * 1e4) / 1e4)


def calibration(labels, logits, linear_probs, use_linear: bool) -> list[float]:
    """Platt scaling ``[a, b, c]`` of the transformer logit (and the linear logit when ``use_linear``)."""
    from sklearn.linear_model import LogisticRegression

    p = np.clip(np.asarray(linear_probs, dtype=np.float64), 1e-6, 1 - 1e-6)
    x = np.column_stack([logits, np.log(p / (1 - p)) if use_linear else np.zeros(len(p))])
    clf = LogisticRegression(C=100.0, max_iter=1000).fit(x, labels)
    return [round(float(clf.coef_[0][0]), 5), round(float(clf.coef_[0][1]), 5), round(float(clf.intercept_[0]), 5)]


def cv_log_loss(labels, logits, linear_probs, use_linear: bool, folds: int = 5) -> float:
    """Held-out log-loss of a calibration, by folds over the inner validation lines."""
    labels, logits, linear_probs = map(np.asarray, (labels, logits, linear_probs))
    losses = []
    for k in range(folds):
        test = np.arange(len(labels)) % folds == k
        cal = calibration(labels[~test], logits[~test], linear_probs[~test], use_linear)
        q = np.clip(blend(cal, logits[test], linear_probs[test]), 1e-9, 1 - 1e-9)
        losses.append(-np.mean(labels[test] * np.log(q) + (1 - labels[test]) * np.log(1 - q)))
    return float(np.mean(losses))


def select(val: list[data.Line], linear_probs: np.ndarray, logits: np.ndarray, cut: float | None = None) -> dict:
    """Cutoff (unless given), calibration (transformer alone or blended, by held-out log-loss) and F1-best threshold."""
    labels = np.array([x.label for x in val])
    cut = cutoff(labels, linear_probs) if cut is None else cut
    above = linear_probs >= cut
    losses = {u: cv_log_loss(labels[above], logits[above], linear_probs[above], u) for u in (False, True)}
    use_linear = losses[True] < losses[False]
    cal = calibration(labels[above], logits[above], linear_probs[above], use_linear)
    final = np.array(linear_probs, dtype=np.float64)
    final[above] = blend(cal, logits[above], linear_probs[above])
    cb = np.array([x.group == "claimbuster" for x in val])
    return {
        "cutoff": cut,
        "calibration": cal,
        "threshold": evaluate.best_threshold(labels[cb].tolist(), final[cb]),
        "inner": {
            "lines": len(val),
            "positives": int(labels.sum()),
            "passed_to_transformer": round(float(above.mean()), 4),
            "recall_passed": round(float(above[labels == 1].mean()), 4),
            "calibration_log_loss": {"transformer": round(losses[False], 4), "blend": round(losses[True], 4)},
        },
    }


def inner_linear_scores(folder: Path, tags: dict, seed: int) -> tuple[list[data.Line], np.ndarray]:
    """Inner validation lines and their scores by a linear model fitted on the inner training lines."""
    fit, val = finetune.inner_split(folder)
    model = train.fit(fit, [tags[x.id] for x in fit], seed)
    return val, model.linear([x.text for x in val], [tags[x.id] for x in val])


def build(folder: Path, linear_dir: Path, transformer_dir: Path, out: Path, tags: dict, seed: int = 13) -> dict:
    """Write the cascade model folder ``out`` from a linear model folder and an exported transformer folder."""
    from spinscope.detectors.claims.transformer import TransformerScorer

    val, linear_probs = inner_linear_scores(folder, tags, seed)
    chosen = select(val, linear_probs, TransformerScorer(transformer_dir).logits([x.text for x in val]))
    out.mkdir(parents=True, exist_ok=True)
    if linear_dir.resolve() != out.resolve():
        shutil.copy(linear_dir / "model.npz", out / "model.npz")
    if transformer_dir.resolve() != (out / FOLDER).resolve():
        shutil.copytree(transformer_dir, out / FOLDER, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.fp32.onnx"))
    config = json.loads((linear_dir / "config.json").read_text(encoding="utf-8"))
    config.update(version="2", linear_threshold=config.get("linear_threshold", config["threshold"]), threshold=chosen["threshold"])
    config["cascade"] = {"folder": FOLDER, "cutoff": chosen["cutoff"], "calibration": chosen["calibration"], "inner_validation": chosen["inner"]}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    model = load(out)
    cb_train, cb_valid = data.claimbuster(folder)
    _, ct_valid = data.checkthat_split(folder)
    scores = evaluate.report(model, cb_valid, ct_valid, tags=tags)
    scores["passed_to_transformer"] = round(float(np.mean(model.linear([x.text for x in cb_valid], [tags[x.id] for x in cb_valid]) >= model.cascade["cutoff"])), 4)
    return scores


def train_cascade(folder: Path, out: Path, seed: int = 13, log=print) -> dict:
    """After ``train.train`` wrote the linear model to ``out``: fine-tune, export, and add the cascade to ``out``."""
    fit, _ = finetune.inner_split(folder)
    model = finetune.train(finetune.sample(fit, seed), seed, log=log)
    exported = out / FOLDER
    finetune.export(model, exported).unlink()
    cb_train, cb_valid = data.claimbuster(folder)
    lines = cb_train + cb_valid + [x for debate in data.checkthat(folder).values() for x in debate]
    tags = dict(zip((x.id for x in lines), evaluate.tag_lines(lines)))
    linear_alone = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    linear_alone.pop("checkthat_ap_per_debate", None)
    scores = {**build(folder, out, exported, out, tags, seed), "linear_alone": linear_alone}
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return scores
