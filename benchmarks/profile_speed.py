"""How much the article profile adds to the pipeline's time.

Runs ``spinscope.analyze_many`` over the articles of
``$SPINSCOPE_DATA/ptc2020/test-articles-unlabeled/`` in one process, with
two pairs of detector choices (after a warm-up that loads every model):

* ``entities`` against ``entities,profile,genre,tone,propaganda`` — the
  cheap profile parts on top of the parser alone;
* the foundation pipeline (every default detector except ``genre``,
  ``frames`` and ``hyperpartisan``) against the full default pipeline — what
  the three article judgements add to a normal run.

It prints both times of each pair and their ratio.  The target: a ratio of
at most 1.20 for each.

    OMP_NUM_THREADS=1 python benchmarks/profile_speed.py [--repeat 3] [--limit 90]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

JUDGEMENTS = ("genre", "frames", "hyperpartisan")


def pairs() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    from spinscope import detectors

    full = tuple(detectors.names())
    foundation = tuple(name for name in full if name not in JUDGEMENTS)
    return [
        ("profile_parts", ("entities",), ("entities", "profile", "genre", "tone", "propaganda")),
        ("judgements", foundation, full),
    ]


def articles(data: Path, limit: int) -> list[str]:
    folder = data / "ptc2020" / "test-articles-unlabeled"
    paths = sorted(folder.glob("*.txt"))[:limit]
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
    parser.add_argument("--limit", type=int, default=90, help="articles to analyse (the first N by file name)")
    args = parser.parse_args()
    repo = Path(__file__).resolve().parents[1]
    texts = articles(Path(os.environ.get("SPINSCOPE_DATA", repo.parent / "shared" / "data")), args.limit)
    for name, base_choice, full_choice in pairs():
        timed(texts[:4], full_choice)  # warm-up: spaCy and every model of the choice load here
        runs = [(timed(texts, base_choice), timed(texts, full_choice)) for _ in range(args.repeat)]  # interleaved
        base, full = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"{name}: articles={len(texts)} base={base:.2f}s with={full:.2f}s ratio={full / base:.3f}")
        print(f"  base: {','.join(base_choice)}")
        print(f"  with: {','.join(full_choice)}")


if __name__ == "__main__":
    main()
