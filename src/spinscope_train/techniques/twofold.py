"""Validation figures that no knob was tuned on: two folds over the validation split.

The shipped decoding knobs, lexical mix, calibration and default minimum
score are chosen on the whole validation split (:mod:`.tuning`), so the
figures ``evaluate`` prints on that split flatter them.  Here the validation
articles are cut in two folds by hash; the same tuning is run on one fold
and its choice is scored on the other, both ways round, and the predictions
of the two held-out folds are scored together.  The model weights are the
shipped ones (trained on the training split, which neither fold touches);
only the choice among designs was made with the whole split in view.

    spinscope evaluate techniques --data DATA --two-fold
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from spinscope.detectors.techniques import runtime
from spinscope_train.techniques import data, evaluate, tuning

TUNED_KEYS = ("members",)  # what the tuning keeps from the shipped config


def fold(article_id: str) -> int:
    """0 or 1; independent of the calibration halves that :mod:`.tuning` uses inside a fold."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) // 10 % 2


def two_fold(ptc: Path, model_path: Path | None = None, log=print) -> dict:
    """Scores of the pooled held-out predictions, the knobs each fold chose, and the reliability of
    ``score`` on held-out articles."""
    source, config_file = runtime.locate(model_path)
    shipped = json.loads(config_file.read_text(encoding="utf-8"))
    _, validation = data.split(data.load_ptc(ptc))
    folds = [[a for a in validation if fold(a.id) == k] for k in (0, 1)]
    spans, tc, rows, chosen = {}, {}, [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k in (0, 1):
            folder = Path(tmp) / f"fold{k}"
            _link_model(source, folder)
            config = tuning.tune(folder, folds[k], log=lambda *_: None, members=shipped.get("members"))
            (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
            chosen.append({key: value for key, value in config.items() if key not in ("reliability", "members")})
            model = runtime.TechniqueModel(folder)
            held_out = folds[1 - k]
            log(f"fold {k}: tuned on {len(folds[k])} articles, scoring {len(held_out)}")
            fold_spans, fold_tc = evaluate.predict(model, held_out)
            spans.update(fold_spans)
            tc.update(fold_tc)
            rows += _scored_candidates(model, held_out)
    result = evaluate.score(validation, spans, tc)
    result["folds"] = chosen
    result["reliability"] = _reliability(rows)
    return result


def _link_model(source: Path, folder: Path) -> None:
    """A working copy of a model folder: its files linked, its config written fresh by the tuning."""
    folder.mkdir(parents=True)
    for path in source.iterdir():
        if path.suffix == ".json" and path.name != "tokenizer.json":
            continue  # the settings: the tuning writes its own
        target = folder / path.name
        if path.is_dir():
            shutil.copytree(path, target, copy_function=_link)
        else:
            _link(path, target)


def _link(src, dst) -> None:
    try:
        Path(dst).symlink_to(Path(src).resolve())
    except OSError:
        shutil.copy2(src, dst)


def _scored_candidates(model: runtime.TechniqueModel, articles: list[data.Labelled]) -> list[tuple[float, bool]]:
    """``(score, right)`` of every span the model gives (all scores), for the reliability table."""
    found = []
    for art in articles:
        out = model.token_outputs(art.text)
        for tech, s, e, score in runtime.decode(out, art.text, model.config, lambda s, e, out=out, text=art.text: model.span_probs(out, text, s, e)):
            found.append((score, tuning.is_right((art, tech, s, e))))
    return found


def _reliability(rows: list[tuple[float, bool]]) -> list[dict]:
    table = []
    for lo, hi in zip(tuning.BINS[:-1], tuning.BINS[1:]):
        inside = [right for score, right in rows if lo <= score < hi or (hi == 1.0 and score == 1.0)]
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "spans": len(inside), "right": round(float(np.mean(inside)), 3) if inside else None})
    at_half = [right for score, right in rows if score >= 0.5]
    table.append({"bin": ">=0.5", "spans": len(at_half), "right": round(float(np.mean(at_half)), 3) if at_half else None})
    return table


def report(result: dict) -> str:
    si, st, tc = result["si"], result["span_technique"], result["tc"]
    lines = [
        f"two folds over the validation split ({result['articles']} articles): knobs tuned on one fold, scored on the other",
        f"span identification   P {si['precision']:.4f}  R {si['recall']:.4f}  F1 {si['f1']:.4f}",
        f"span + technique      P {st['precision']:.4f}  R {st['recall']:.4f}  F1 {st['f1']:.4f}",
        f"technique classification micro-F1 {tc['f1']:.4f}",
        "",
        "knobs each fold chose:",
        *(f"  fold {k}: {json.dumps(c, sort_keys=True)}" for k, c in enumerate(result["folds"])),
        "",
        "reliability on held-out articles (every span, any score): score bin, spans, share right",
        *(f"  {row['bin']:<8} {row['spans']:>5}  {row['right'] if row['right'] is not None else '-'}" for row in result["reliability"]),
    ]
    return "\n".join(lines)
