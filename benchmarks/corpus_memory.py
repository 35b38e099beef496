"""Peak memory of ``corpus add`` for 10k vs 100k generated JSONL records (``--detectors profile``).

Each run is a separate process; its peak resident memory comes from
``resource.getrusage(RUSAGE_CHILDREN)``.  Streaming keeps it flat: a few
batches in flight, nothing accumulated per article.

    python benchmarks/corpus_memory.py [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = "the council said a new plan would cut taxes for families while critics warned of deep cuts to schools hospitals and roads across the region".split()


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            text = " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "."
            out.write(json.dumps({"id": f"g{i}", "outlet": f"outlet{i % 20}", "text": f"Report {i}. {text}"}) + "\n")


def run(n: int, tmp: Path) -> tuple[float, float]:
    src = tmp / f"records-{n}.jsonl"
    generate(src, n)
    cmd = [sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", f"sqlite:///{tmp}/mem-{n}.db", "--detectors", "profile", "--batch-size", "64"]
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # a fresh child per size, so each peak is its own
        proc = subprocess.run(cmd, env={**os.environ, "OMP_NUM_THREADS": "1"}, stderr=subprocess.DEVNULL)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        (tmp / f"peak-{n}").write_text(f"{peak} {proc.returncode}")
        os._exit(0)
    os.waitpid(pid, 0)
    peak_kb, code = (int(x) for x in (tmp / f"peak-{n}").read_text().split())
    assert code == 0, f"corpus add exited {code}"
    return peak_kb / 1024, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            peak, seconds = run(n, Path(tmp))
            print(f"{n:>7} records: peak RSS {peak:7.1f} MiB, {seconds:6.1f} s ({n / seconds:,.0f} records/s)", flush=True)


if __name__ == "__main__":
    main()
