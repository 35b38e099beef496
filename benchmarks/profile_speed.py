"""How much the article profile adds to the pipeline's time.

Runs ``spinscope.analyze_many`` over the 90 articles of
``$SPINSCOPE_DATA/ptc2020/test-articles-unlabeled/`` twice in one process,
with detectors ``entities`` and ``entities,profile,genre,tone,propaganda``
(after a warm-up that loads every model), and prints both times and their
ratio.  The target: a ratio of at most 1.20.

    OMP_NUM_THREADS=1 python benchmarks/profile_speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

BASE = ("entities",)
FULL = ("entities", "profile", "genre", "tone", "propaganda")


def articles(data: Path) -> list[str]:
    folder = data / "ptc2020" / "test-articles-unlabeled"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        sys.exit(f"no articles in {folder}: set SPINSCOPE_DATA to the shared data folder")
    return [p.read_text(encoding="utf-8") for p in paths]


def timed(texts: list[str], detectors: tuple[str, ...]) -> float:
    import spinscope

    start = time.perf_counter()
    for _ in spinscope.analyze_many(texts, detectors=detectors):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each configuration; the fastest counts")
    args = parser.parse_args()
    repo = Path(__file__).resolve().parents[1]
    texts = articles(Path(os.environ.get("SPINSCOPE_DATA", repo.parent / "shared" / "data")))
    timed(texts[:4], FULL)  # warm-up: spaCy, the genre model and the lexicons load here
    runs = [(timed(texts, BASE), timed(texts, FULL)) for _ in range(args.repeat)]  # interleaved: load drifts
    base, full = min(r[0] for r in runs), min(r[1] for r in runs)
    print(f"articles={len(texts)} entities={base:.2f}s with_profile={full:.2f}s ratio={full / base:.3f}")


if __name__ == "__main__":
    main()
