"""Scores on the validation splits: check-worthy F1 and macro-F1 on ClaimBuster, MAP per debate on CheckThat!."""

from __future__ import annotations

import numpy as np

from spinscope.detectors.claims import data, features


def tag_lines(lines: list[data.Line]) -> list[str]:
    """spaCy tag strings for each line, parsed one line per document as in a one-sentence article."""
    from spinscope import nlp

    return [features.tag_string(doc) for doc in nlp.load().pipe((x.text for x in lines), batch_size=256)]


def best_threshold(labels: list[int], scores: np.ndarray) -> float:
    """The score threshold that maximises F1 of the positive class."""
    from sklearn.metrics import precision_recall_curve

    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    return round(float(thresholds[int(np.argmax(f1[:-1]))]), 4)


def average_precision(labels: list[int], scores) -> float:
    """AP of a ranking as CheckThat! 2019 computes it: mean precision at each positive's rank."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    ranked = np.asarray(labels)[order]
    if ranked.sum() == 0:
        return 0.0
    hits = np.cumsum(ranked)
    return float(np.mean((hits / np.arange(1, len(ranked) + 1))[ranked == 1]))


def _tags(lines: list[data.Line], tags: dict | None) -> list[str]:
    return [tags[x.id] for x in lines] if tags else tag_lines(lines)


def debate_aps(model, debates: dict[str, list[data.Line]], tags: dict | None = None) -> dict[str, float]:
    """AP of each debate's ranking; ``tags`` maps line ids to precomputed tag strings."""
    lines = [x for debate in debates.values() for x in debate]
    scores = iter(model.score([x.text for x in lines], _tags(lines, tags)))
    return {name: round(average_precision([x.label for x in debate], [next(scores) for _ in debate]), 4) for name, debate in debates.items()}


def report(model, cb_valid: list[data.Line], ct_valid: dict, tags: dict | None = None) -> dict:
    """The figures the model card and the quality gate use."""
    from sklearn.metrics import f1_score

    cb_scores = model.score([x.text for x in cb_valid], _tags(cb_valid, tags))
    labels = [x.label for x in cb_valid]
    predicted = (np.asarray(cb_scores) >= model.threshold).astype(int)
    aps = debate_aps(model, ct_valid, tags)
    return {
        "threshold": model.threshold,
        "claimbuster_f1_check_worthy": round(float(f1_score(labels, predicted)), 4),
        "claimbuster_macro_f1": round(float(f1_score(labels, predicted, average="macro")), 4),
        "claimbuster_validation_sentences": len(labels),
        "checkthat_map": round(float(np.mean(list(aps.values()))), 4),
        "checkthat_ap_per_debate": aps,
    }


def evaluate(folder, model_dir=None) -> dict:
    from spinscope.detectors.claims import model as claim_model

    model = claim_model.load(model_dir)
    cb_train, cb_valid = data.claimbuster(folder)
    _, ct_valid = data.checkthat_split(folder)
    lines = cb_valid + [x for debate in ct_valid.values() for x in debate]
    tags = dict(zip((x.id for x in lines), tag_lines(lines)))
    scores = report(model, cb_valid, ct_valid, tags)
    if model.cascade:  # the linear first stage alone, at its own threshold, for comparison
        import dataclasses

        linear = dataclasses.replace(model, cascade=None, threshold=model.linear_threshold)
        scores["linear_alone"] = {k: v for k, v in report(linear, cb_valid, ct_valid, tags).items() if k != "checkthat_ap_per_debate"}
    return scores


def attribution_scores(sample: list[dict], root) -> dict:
    """Precision/recall of ``attributed`` and source-span accuracy on a hand-annotated sample.

    ``sample`` is a list of ``{file, start, end, attributed, source}``
    with offsets into files under ``root``; each file is parsed whole, as the
    detector would see it, so that quotation speakers in nearby sentences count.
    """
    from pathlib import Path

    from spinscope import nlp
    from spinscope.detectors.claims import attribution

    predicted = {}
    files = sorted({x["file"] for x in sample})
    for name in files:
        text = (Path(root) / name).read_text(encoding="utf-8")
        sents = attribution.claim_units(nlp.load()(text))
        for sent, source in zip(sents, attribution.sources(sents)):
            predicted[(name, sent.start_char, sent.end_char)] = source
    return _attribution_figures(sample, predicted)


def _attribution_figures(gold: list[dict], predicted: dict) -> dict:
    tp = fp = fn = exact = overlap = 0
    for item in gold:
        found = _overlapping(predicted, item)
        if found and item["attributed"]:
            tp += 1
            g = item["source"]
            exact += (found[0], found[1]) == (g["start"], g["end"])
            overlap += found[0] < g["end"] and g["start"] < found[1]
        fp += bool(found) and not item["attributed"]
        fn += (not found) and item["attributed"]
    return {
        "sentences": len(gold),
        "attributed_gold": tp + fn,
        "precision": round(tp / max(tp + fp, 1), 4),
        "recall": round(tp / max(tp + fn, 1), 4),
        "source_exact": round(exact / max(tp, 1), 4),
        "source_overlap": round(overlap / max(tp, 1), 4),
    }


def _overlapping(predicted: dict, item: dict):
    """The prediction for the unit that overlaps the annotated sentence most."""
    best, most = None, 0
    for (name, start, end), source in predicted.items():
        shared = min(end, item["end"]) - max(start, item["start"])
        if name == item["file"] and shared > most:
            best, most = source, shared
    return best
