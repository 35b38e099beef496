"""Fuzz ingest and the whole pipeline for a bounded time and count the inputs tried.

    python benchmarks/fuzz.py --seconds 600            # all detectors, big inputs included
    python benchmarks/fuzz.py --seconds 60 --small     # the CI strategies only

Draws documents from ``tests/fuzzing/strategies.py`` (random bytes, text in
seven encodings and mixed within a file, zero-width and bidi characters,
HTML nested up to 20,000 deep, 1 MB attributes and 1 MB single lines,
broken JSONL, CSV, truncated gzip WARC) and runs each through
``analyze_stream`` with every detector.  Each run must give analyses whose
spans lie inside ``text``, or the project's own input error.  Prints inputs
tried, analyses, input errors, the slowest input and any failure (with the
input saved under ``--keep``); exits 1 on a failure.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_strategies():
    spec = importlib.util.spec_from_file_location("fuzz_strategies", REPO / "tests" / "fuzzing" / "strategies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="how long to draw inputs (default 600)")
    parser.add_argument("--small", action="store_true", help="the bounded CI strategies only (no 1 MB inputs)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the draws")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"), help="folder for inputs that failed")
    args = parser.parse_args()

    from hypothesis import HealthCheck, Phase, given, seed, settings

    strategies = load_strategies()
    docs = strategies.DOCS if args.small else strategies.BIG_DOCS
    tally = {"inputs": 0, "analyses": 0, "input_errors": 0, "failures": 0, "bytes": 0}
    slowest = (0.0, "")
    deadline = time.monotonic() + args.seconds
    work = Path(tempfile.mkdtemp(prefix="spinscope-fuzz-"))

    def one(doc):
        nonlocal slowest
        if time.monotonic() > deadline:
            return
        suffix, payload = doc
        path = work / f"input{tally['inputs']}{suffix}"
        path.write_bytes(payload)
        tally["inputs"] += 1
        tally["bytes"] += len(payload)
        started = time.monotonic()
        try:
            analyses, errors = strategies.check(path)
            tally["analyses"] += analyses
            tally["input_errors"] += errors
        except Exception:  # noqa: BLE001 - every failure is counted and kept
            tally["failures"] += 1
            args.keep.mkdir(parents=True, exist_ok=True)
            kept = args.keep / path.name
            kept.write_bytes(payload)
            print(f"FAILURE on {kept} ({len(payload)} bytes):\n{traceback.format_exc(limit=3)}", file=sys.stderr)
        took = time.monotonic() - started
        if took > slowest[0]:
            slowest = (took, f"{suffix}, {len(payload):,} bytes")
        path.unlink()

    started = time.monotonic()
    rounds = 0
    while time.monotonic() < deadline:  # rounds of 50 draws, each with its own seed, until time is up
        run = seed(args.seed + rounds)(settings(max_examples=50, deadline=None, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))(given(doc=docs)(one)))
        run()
        rounds += 1
    took = time.monotonic() - started
    print(f"inputs tried      : {tally['inputs']:,} in {took:.0f} s ({tally['bytes'] / 1e6:.1f} MB)")
    print(f"analyses          : {tally['analyses']:,}")
    print(f"input errors      : {tally['input_errors']:,}")
    print(f"slowest input     : {slowest[0]:.1f} s ({slowest[1]})")
    print(f"failures          : {tally['failures']}")
    print("PASS" if not tally["failures"] else "FAIL")
    return 1 if tally["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
