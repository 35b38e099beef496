"""Peak memory of ``spinscope analyze`` over N articles: does it stay flat as N grows?

    python benchmarks/analyze_memory.py [--sizes 1000,10000] [--chars 600]
        [--formats jsonl] [--other-formats json,csv --other-sizes 500,5000]

For each size N the script writes a JSONL file of N articles: the 461 PTC
2020 training and test articles (``$SPINSCOPE_DATA/ptc2020``), cycled, each
cut to its first ``--chars`` characters (0: whole articles) and given a
unique id and a unique first line naming a made-up correspondent ("Filed by
Kalo Miraven, desk 123."), so that no cache can hide work and every article
brings an actor the run has never seen (the worst case for anything that
remembers actors across articles).  It then runs

    spinscope analyze FILE --format FMT -o OUT        (all detectors)

as a subprocess and samples the resident memory of it and its children
(psutil) every ``--interval`` seconds.  Printed per run: the peak RSS, the
RSS after the first tenth of the articles and at the last sample (JSONL
only, read from the output as it grows) to show any growth per article, the
wall time and articles/s.  Per format: the ratio of the largest size's peak
to the smallest's, PASS when within ``--tolerance`` (10%) and every peak is
under ``--limit-mb`` (1.5 GB).

The peak follows the longest articles a run meets, so compare sizes that
both cover the whole pool (N >= 461) when articles are kept whole.  The
default run (jsonl, 1,000 and 10,000 articles of 600 characters) takes
about 10-12 minutes on one free core; json and csv at 500 and 5,000 add
about 10 minutes (``--other-formats json,csv``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))
SYLLABLES = ["ka", "lo", "mi", "ra", "ven", "dor", "sel", "tu", "bri", "na", "gol", "pe", "zan", "fi", "mor", "the"]


def texts(chars: int) -> list[str]:
    """The PTC articles, train then test, each cut to ``chars`` characters at a word boundary."""
    folders = [DATA / "ptc2020" / "train-articles", DATA / "ptc2020" / "test-articles-unlabeled"]
    found = [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("article*.txt"))]
    if not found:
        sys.exit(f"no PTC articles under {DATA / 'ptc2020'}: set SPINSCOPE_DATA")
    return [t if not chars or len(t) <= chars else t[:chars].rsplit(" ", 1)[0] for t in found]


def correspondent(i: int) -> str:
    """A made-up name unique to ``i`` (16**4 of them): the article's first line."""
    n = len(SYLLABLES)
    first = (SYLLABLES[i % n] + SYLLABLES[(i // n) % n]).capitalize()
    last = (SYLLABLES[(i // n**2) % n] + SYLLABLES[(i // n**3) % n] + "ven").capitalize()
    return f"Filed by {first} {last}, desk {i}."


def write_input(path: Path, n: int, pool: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            record = {"id": f"m{i}", "text": f"{correspondent(i)}\n\n{pool[i % len(pool)]}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


class Sampler(threading.Thread):
    """Samples the RSS of a process and its children until it exits; notes articles written so far."""

    def __init__(self, pid: int, interval: float, output: Path, count_lines: bool) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.output, self.count_lines = pid, interval, output, count_lines
        self.samples: list[tuple[float, int, int]] = []  # (seconds, rss bytes, articles written)
        self._offset = self._lines = 0

    def run(self) -> None:
        import psutil

        start = time.perf_counter()
        try:
            proc = psutil.Process(self.pid)
            while proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                self.samples.append((time.perf_counter() - start, _rss(proc), self._written()))
                time.sleep(self.interval)
        except psutil.NoSuchProcess:
            pass

    def _written(self) -> int:
        """Lines of the output so far, reading only what was added since the last sample."""
        if not self.count_lines or not self.output.exists():
            return 0
        with open(self.output, "rb") as f:
            f.seek(self._offset)
            for chunk in iter(lambda: f.read(1 << 20), b""):
                self._lines += chunk.count(b"\n")
                self._offset += len(chunk)
        return self._lines


def _rss(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run(n: int, fmt: str, pool: list[str], tmp: Path, args) -> dict:
    """Analyse n generated articles in ``fmt`` in a fresh process; its memory profile and speed."""
    src, out = tmp / f"in-{n}.jsonl", tmp / f"out-{n}.{fmt}"
    write_input(src, n, pool)
    cmd = [sys.executable, "-m", "spinscope.cli", "analyze", str(src), "--format", fmt, "-o", str(out)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "OMP_NUM_THREADS": "1"})
    sampler = Sampler(proc.pid, args.interval, out, count_lines=args.progress and fmt == "jsonl")
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"analyze exited {proc.returncode}: {err.decode(errors='replace')[-800:]}")
    out.unlink()
    return {"n": n, "seconds": seconds, "peak": max(s[1] for s in sampler.samples), "samples": sampler.samples}


def at_articles(samples: list, count: int) -> float | None:
    """RSS (MiB) at the first sample with at least ``count`` articles written."""
    return next((rss / 2**20 for _, rss, done in samples if done >= count), None)


def steady_rate(samples: list) -> float:
    """Articles per second from the first article written to the last sample, i.e. without start-up."""
    written = [(t, done) for t, _, done in samples if done]
    if len(written) < 2 or written[-1][0] == written[0][0]:
        return 0.0
    return (written[-1][1] - written[0][1]) / (written[-1][0] - written[0][0])


def report(fmt: str, results: list[dict], args) -> bool:
    for r in results:
        growth = ""
        tenth, last = at_articles(r["samples"], r["n"] // 10), at_articles(r["samples"], max(done for _, _, done in r["samples"]))
        if tenth and last:
            growth = f", RSS {tenth:.0f} MiB after {r['n'] // 10} articles -> {last:.0f} MiB at the last sample, {steady_rate(r['samples']):.1f} articles/s after start-up"
        print(f"{fmt:>5} {r['n']:>6} articles: peak RSS {r['peak'] / 2**20:7.1f} MiB, {r['seconds']:6.1f} s, {r['n'] / r['seconds']:5.1f} articles/s{growth}", flush=True)
    small, large = results[0], results[-1]
    ratio = large["peak"] / small["peak"]
    flat = abs(ratio - 1) <= args.tolerance
    under = all(r["peak"] / 2**20 < args.limit_mb for r in results)
    print(
        f"{fmt:>5} peak {large['n']}/{small['n']}: {ratio:.3f}  {'PASS' if flat else 'FAIL'} (within {args.tolerance:.0%}); {'PASS' if under else 'FAIL'} (under {args.limit_mb:.0f} MiB)", flush=True
    )
    return flat and under


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="article counts for --formats (default 1000,10000)")
    parser.add_argument("--formats", default="jsonl", help="formats run at --sizes (default jsonl)")
    parser.add_argument("--other-formats", default="", help="formats run at --other-sizes, e.g. json,csv (default: none)")
    parser.add_argument("--other-sizes", default="500,5000", help="article counts for --other-formats (default 500,5000)")
    parser.add_argument("--chars", type=int, default=600, help="cut each article to its first K characters; 0 keeps them whole (default 600)")
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between RSS samples (default 0.2)")
    parser.add_argument("--tolerance", type=float, default=0.10, help="largest peak / smallest peak allowed off 1 (default 0.10)")
    parser.add_argument("--limit-mb", type=float, default=1536, help="peak RSS limit in MiB (default 1536)")
    parser.add_argument("--no-progress", dest="progress", action="store_false", help="do not count output lines while sampling")
    args = parser.parse_args()
    pool = texts(args.chars)
    print(
        f"{len(pool)} PTC articles cycled, cut to {args.chars or 'all'} characters (mean {sum(map(len, pool)) / len(pool):.0f}); "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} cores",
        flush=True,
    )
    plan = [(f, args.sizes) for f in args.formats.split(",") if f] + [(f, args.other_sizes) for f in args.other_formats.split(",") if f]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, sizes in plan:
            results = [run(int(n), fmt, pool, Path(tmp), args) for n in sizes.split(",")]
            ok = report(fmt, results, args) and ok
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
