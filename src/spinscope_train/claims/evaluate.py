"""Scores on the validation splits: check-worthy F1 and macro-F1 on ClaimBuster, MAP per debate on CheckThat!."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from spinscope.detectors.claims import features
from spinscope_train.claims import data


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


def _tags(model, lines: list[data.Line], tags: dict | None) -> list[str] | None:
    if not getattr(model, "uses_linear", True):
        return None
    return [tags[x.id] for x in lines] if tags else tag_lines(lines)


def debate_aps(model, debates: dict[str, list[data.Line]], tags: dict | None = None) -> dict[str, float]:
    """AP of each debate's ranking; ``tags`` maps line ids to precomputed tag strings."""
    lines = [x for debate in debates.values() for x in debate]
    scores = iter(model.score([x.text for x in lines], _tags(model, lines, tags)))
    return {name: round(average_precision([x.label for x in debate], [next(scores) for _ in debate]), 4) for name, debate in debates.items()}


def report(model, cb_valid: list[data.Line], ct_valid: dict, tags: dict | None = None) -> dict:
    """The figures the model card and the quality gate use."""
    from sklearn.metrics import f1_score

    cb_scores = model.score([x.text for x in cb_valid], _tags(model, cb_valid, tags))
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
    polnear = Path(folder).parent / "quotes-polnear"
    if (polnear / "dev" / "attributions").is_dir():
        scores["attribution_polnear"] = polnear_attribution(polnear, "dev")
    return scores


def attribution_scores(sample: list[dict], root) -> dict:
    """Precision/recall of ``attributed`` and source-span accuracy on a hand-annotated sample.

    ``sample`` is a list of ``{file, start, end, attributed, source}``
    with offsets into files under ``root``; each file is parsed whole, as the
    detector would see it, so that quotation speakers in nearby sentences count.
    """
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


def polnear_attribution(root, part: str = "dev") -> dict:
    """Agreement of ``attributed`` and the source span with PolNeAR's attribution relations.

    A sentence (a claim unit) is attributed in the gold when the content of
    a PolNeAR attribution that has a source covers at least half of its
    non-space characters; its gold source is that attribution's source.
    PolNeAR also annotates beliefs ("Republicans fear …") and leaves some
    attributions out, so this measures agreement with one annotation
    scheme, on many more sentences than the hand-annotated sample.
    """
    from itertools import accumulate

    from spinscope import nlp
    from spinscope.detectors.claims import attribution
    from spinscope_train.quotes import data as polnear

    articles = polnear.load(root, part)
    tp = fp = fn = tn = overlap = 0
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        solid = [0, *accumulate(not ch.isspace() for ch in article.text)]  # non-space characters before each offset
        sents = attribution.claim_units(doc)
        for sent, source in zip(sents, attribution.sources(sents)):
            a, b = sent.start_char, sent.end_char
            size = solid[b] - solid[a]
            gold = next(
                (q for q in article.quotes if q.source and size and solid[min(b, q.end)] - solid[max(a, q.start)] >= size / 2),
                None,
            )
            if gold and source:
                tp += 1
                overlap += source[0] < gold.source[1] and gold.source[0] < source[1]
            fp += bool(source) and not gold
            fn += bool(gold) and not source
            tn += not gold and not source
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {
        "part": part,
        "articles": len(articles),
        "sentences": tp + fp + fn + tn,
        "attributed_gold": tp + fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / max(precision + recall, 1e-12), 4),
        "source_overlap": round(overlap / max(tp, 1), 4),
    }
