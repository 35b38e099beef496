"""Scores of a model on the fixed validation split, as the SemEval-2020 scorers compute them."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from spinscope.detectors.techniques import runtime
from spinscope.detectors.techniques.labels import TECHNIQUES
from spinscope_train.techniques import data, scorer

# SemEval-2020 Task 11 winner's per-technique TC F1 on the test set, where the task set it as a reference
WINNER_TC_F1 = {
    "Bandwagon,Reductio_ad_hitlerum": 0.08,
    "Causal_Oversimplification": 0.23,
    "Whataboutism,Straw_Men,Red_Herring": 0.25,
    "Exaggeration,Minimisation": 0.34,
}


def predict(model: runtime.TechniqueModel, articles: list[data.Labelled]) -> tuple[dict, dict]:
    """``(spans, tc)``: technique spans per article, and a technique for every gold span."""
    spans, tc = {}, {}
    threshold = model_min_score(model)
    for art in articles:
        out = model.token_outputs(art.text)
        found = runtime.decode(out, art.text, model.config, lambda s, e, out=out, text=art.text: model.span_probs(out, text, s, e))
        spans[art.id] = [f for f in found if f[3] >= threshold]
        tc[art.id] = [TECHNIQUES[int(np.argmax(model.span_probs(out, art.text, s, e)))] for _, s, e in art.spans]
    return spans, tc


def model_min_score(model: runtime.TechniqueModel) -> float:
    model.session()
    return float(model.config.get("default_min_score", 0.5))


def score(articles: list[data.Labelled], spans: dict, tc: dict) -> dict:
    """Every figure of the report from predictions (see :func:`predict`)."""
    gold_si = {a.id: [(s, e) for _, s, e in a.spans] for a in articles}
    pred_si = {aid: [(s, e) for _, s, e, _ in found] for aid, found in spans.items()}
    gold_st = {a.id: a.spans for a in articles}
    pred_st = {aid: [(t, s, e) for t, s, e, _ in found] for aid, found in spans.items()}
    gold_tc = [t for a in articles for t, _, _ in a.spans]
    pred_tc = [t for a in articles for t in tc[a.id]]
    per_tc = scorer.per_technique_tc(pred_tc, gold_tc, TECHNIQUES)
    table = {t: {"tc": per_tc[t], "span_technique": scorer.span_technique(pred_st, gold_st, technique=t)} for t in TECHNIQUES}
    return {
        "articles": len(articles),
        "si": scorer.span_identification(pred_si, gold_si),
        "span_technique": scorer.span_technique(pred_st, gold_st),
        "tc": scorer.technique_classification(pred_tc, gold_tc),
        "per_technique": table,
    }


def evaluate(ptc: Path, model_path: Path | None = None, threads: int = 1) -> dict:
    model = runtime.TechniqueModel(model_path, threads=threads)
    _, validation = data.split(data.load_ptc(ptc))
    spans, tc = predict(model, validation)
    result = score(validation, spans, tc)
    result["min_score"] = model_min_score(model)
    result["reliability"] = model.config.get("reliability", [])
    result["model"] = {"path": str(model.path), "members": model.config.get("members") or []}
    return result


def evaluate_gold(corrections: Path, model_path: Path | None = None, threads: int = 1) -> dict:
    """The same figures on a team's own gold: the technique spans of a corrections file
    (``spinscope import ... -o FILE``), every article of it scored."""
    model = runtime.TechniqueModel(model_path, threads=threads)
    articles = data.load_corrections(corrections)
    spans, tc = predict(model, articles)
    result = score(articles, spans, tc)
    result["min_score"] = model_min_score(model)
    result["split"] = f"gold from {corrections}"
    result["model"] = {"path": str(model.path), "members": model.config.get("members") or []}
    return result


def report(result: dict) -> str:
    """The figures as plain text tables."""
    si, st, tc = result["si"], result["span_technique"], result["tc"]
    model = result.get("model") or {}
    members = model.get("members") or []
    lines = [f"model: {model.get('path', '?')}" + (f" (ensemble of {len(members)}: {', '.join(members)})" if members else "")] if model else []
    lines += [
        f"{result.get('split') or 'validation split'}: {result['articles']} articles{'' if result.get('split') else f' ({data.VALIDATION_RULE})'}; spans scored >= {result['min_score']}",
        f"span identification   P {si['precision']:.4f}  R {si['recall']:.4f}  F1 {si['f1']:.4f}",
        f"span + technique      P {st['precision']:.4f}  R {st['recall']:.4f}  F1 {st['f1']:.4f}",
        f"technique classification micro-F1 {tc['f1']:.4f}",
        "",
        f"{'technique':36} {'gold':>5} {'TC P':>6} {'TC R':>6} {'TC F1':>6} {'span+tech F1':>12} {'winner TC F1':>12}",
    ]
    for tech, row in result["per_technique"].items():
        t, s = row["tc"], row["span_technique"]
        ref = f"{WINNER_TC_F1[tech]:.2f}" if tech in WINNER_TC_F1 else ""
        lines.append(f"{tech:36} {t['gold']:>5} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f} {s['f1']:12.3f} {ref:>12}")
    if result.get("reliability"):
        lines += ["", "reliability (held-out half of validation): score bin, spans, share right"]
        lines += [f"  {r['bin']}  {r['spans']:>5}  {r['right'] if r['right'] is not None else '-'}" for r in result["reliability"]]
    return "\n".join(lines)
