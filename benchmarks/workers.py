"""Throughput of `analyze` with 1 and with N worker processes, same texts, same run.

    python benchmarks/workers.py [--workers 2] [--detectors a,b] [--copies 2]

Texts: the 90 articles of ptc2020/test-articles-unlabeled (repeated --copies
times).  Each run includes its processes' model loading, as a user's run does.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--detectors", default=None)
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    folder = DATA / "ptc2020" / "test-articles-unlabeled"
    if not folder.is_dir():
        sys.exit(f"no articles at {folder}: set SPINSCOPE_DATA")

    from spinscope.engine import analyze_stream
    from spinscope.ingest import from_string
    from spinscope.options import Options

    selected = tuple(args.detectors.split(",")) if args.detectors else None
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("article*.txt"))] * args.copies
    timings = {}
    for workers in (1, args.workers):
        opts = Options(detectors=selected, workers=workers)
        articles = [from_string(t + "\n" * workers, options=opts, id=f"a{i}") for i, t in enumerate(texts)]
        start = time.perf_counter()
        count = sum(1 for _ in analyze_stream(articles, options=opts))
        timings[workers] = time.perf_counter() - start
        print(f"workers={workers}: {count} articles in {timings[workers]:.1f} s, {count / timings[workers]:.2f} articles/s")
    print(f"speed-up with {args.workers} workers: {timings[1] / timings[args.workers]:.2f}x (cores: {os.cpu_count()})")


if __name__ == "__main__":
    main()
