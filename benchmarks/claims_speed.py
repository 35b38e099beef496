"""How much the claims detector adds to the foundation pipeline (spaCy + entities + profile).

Runs ``spinscope.analyze_many`` over the 90 unlabelled PTC test articles in one
process — without and with ``claims``, alternating, ``ROUNDS`` times each — after
a warm-up that loads every model, and prints the fastest time of each and their
ratio (the minimum damps noise from other jobs on a shared machine).  Usage:

    OMP_NUM_THREADS=1 python benchmarks/claims_speed.py [FOLDER] [MODEL_DIR]

``MODEL_DIR`` times a claims model other than the shipped one.  The last
line counts the sentences the cascade's transformer rescored.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import spinscope

BASE = ["entities", "profile"]
ROUNDS = 2


def _folder() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    root = os.environ.get("SPINSCOPE_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
    return Path(root) / "ptc2020" / "test-articles-unlabeled"


def _model_dir() -> str | None:
    return sys.argv[2] if len(sys.argv) > 2 else None


def _options(detectors: list[str]):
    from spinscope.options import Options

    return Options(detectors=tuple(detectors), model_paths={"claims": _model_dir()} if _model_dir() else {})


def _timed(texts: list[str], detectors: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    spans = sum(len(a.spans) for a in spinscope.analyze_many(texts, options=_options(detectors)))
    return time.perf_counter() - start, spans


def main() -> None:
    folder = _folder()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt articles in {folder}")
    list(spinscope.analyze_many(texts[:2], options=_options([*BASE, "claims"])))  # warm-up: load every model
    base = full = float("inf")
    for _ in range(ROUNDS):
        base = min(base, _timed(texts, BASE)[0])
        seconds, spans = _timed(texts, [*BASE, "claims"])
        full = min(full, seconds)
    print(f"articles: {len(texts)}")
    print(f"fastest of {ROUNDS} rounds each")
    print(f"foundation (entities, profile): {base:.2f} s")
    print(f"foundation + claims:            {full:.2f} s  ({spans} spans)")
    print(f"ratio: {full / base:.3f}  (claims add {100 * (full / base - 1):.1f}%)")
    alone = _detector_alone(texts)
    print(f"claims detector alone on the same parses: {alone:.2f} s ({100 * alone / base:.1f}% of the foundation time)")


def _detector_alone(texts: list[str]) -> float:
    """Time of ``ClaimsDetector.detect`` by itself, on parses made beforehand: less noisy than the ratio."""
    from spinscope import nlp
    from spinscope.detectors.claims.detector import ClaimsDetector
    from spinscope.model import Article

    pairs = [(Article(text=t), doc) for t, doc in zip(texts, nlp.pipe_batched(texts))]
    detector = ClaimsDetector(model_path=_model_dir())
    detector.detect(pairs[0][1], pairs[0][0])
    start = time.perf_counter()
    for article, doc in pairs:
        detector.detect(doc, article)
    seconds = time.perf_counter() - start
    _print_passed(detector._model(), [doc for _, doc in pairs])
    return seconds


def _print_passed(model, docs) -> None:
    """How many sentences the cascade's transformer rescored (its cost grows with this share)."""
    from spinscope.detectors.claims import attribution, features

    if not model.cascade:
        return
    sents = [s for doc in docs for s in attribution.claim_units(doc)]
    if model.scores_all:
        print(f"sentences scored by the transformer: all {len(sents)}")
        return
    linear = model.linear([s.text.strip() for s in sents], [features.tag_string(s) for s in sents])
    passed = int((linear >= model.cascade["cutoff"]).sum())
    print(f"sentences rescored by the transformer: {passed} of {len(sents)} ({100 * passed / max(len(sents), 1):.0f}%)")


if __name__ == "__main__":
    main()
