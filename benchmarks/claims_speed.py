"""How much the claims detector adds to the foundation pipeline (spaCy + entities + profile).

Runs ``spinscope.analyze_many`` over the 90 unlabelled PTC test articles twice
in one process — without and with ``claims`` — after a warm-up that loads every
model, and prints both times and their ratio.  Usage:

    OMP_NUM_THREADS=1 python benchmarks/claims_speed.py [FOLDER]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import spinscope

BASE = ["entities", "profile"]


def _folder() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    root = os.environ.get("SPINSCOPE_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
    return Path(root) / "ptc2020" / "test-articles-unlabeled"


def _timed(texts: list[str], detectors: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    spans = sum(len(a.spans) for a in spinscope.analyze_many(texts, detectors=detectors))
    return time.perf_counter() - start, spans


def main() -> None:
    folder = _folder()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt articles in {folder}")
    list(spinscope.analyze_many(texts[:2], detectors=[*BASE, "claims"]))  # warm-up: load every model
    base, _ = _timed(texts, BASE)
    full, spans = _timed(texts, [*BASE, "claims"])
    print(f"articles: {len(texts)}")
    print(f"foundation (entities, profile): {base:.2f} s")
    print(f"foundation + claims:            {full:.2f} s  ({spans} spans)")
    print(f"ratio: {full / base:.3f}  (claims add {100 * (full / base - 1):.1f}%)")


if __name__ == "__main__":
    main()
