"""Start-up time of the ``spinscope`` command, and where the first analysis spends it.

    python benchmarks/startup.py [--repeat 5] [--detectors a,b]

Each command runs in a fresh process, ``--repeat`` times; the best and the
median wall time are printed for:

* ``python -c pass`` (the interpreter alone, the floor),
* ``spinscope --help`` and ``spinscope --version`` (target: under 0.5 s),
* ``spinscope analyze SHORT.txt --format json`` with all detectors, where
  SHORT.txt is a ~150-word article the script writes to a temporary folder
  (target: under 5 s).

Then the first analysis is broken into stages, again in fresh processes
(median of ``--repeat``): imports, the spaCy load, parsing, building the
detectors, each detector's first call (which loads its model) and its second
call on the same text (the analysis itself, without loading).  The first call
minus the second is what that detector's loading costs.  The machine's load
average is printed too, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHORT = (
    "Senator Maria Lopez said on Tuesday that the new border bill would cut illegal crossings by 40 percent within a year.\n\n"
    '"This is the toughest law this country has ever seen," Lopez told reporters in Washington. '
    "Critics called the plan a disgrace and a betrayal of American values, warning that it would cost taxpayers $12 billion.\n\n"
    "The Department of Homeland Security has not released figures to support the claim. "
    "According to a report by the Migration Policy Institute, crossings fell by 8 percent last year, "
    "well before the bill was introduced.\n\n"
    "Opponents, including Governor James Carter, say the measure is a cynical stunt ahead of the November election. "
    '"Everyone knows this bill will never work," Carter said in a statement. '
    "Supporters insist that only a radical crackdown can stop the invasion at the southern border.\n\n"
    "The bill faces a vote in the Senate next week, where it needs 60 votes to pass."
)

# Runs in a fresh interpreter: times each stage of a first analysis and prints them as JSON.
STAGES = r"""
import json, sys, time
clock = time.perf_counter
out = {}
t = clock()
import spinscope.cli
from spinscope import detectors as registry, nlp
from spinscope.ingest import from_string
from spinscope.options import Options
out["imports"] = clock() - t
t = clock(); nlp.load(); out["spaCy load"] = clock() - t
selected = tuple(sys.argv[2].split(",")) if sys.argv[2] else None
opts = Options(detectors=selected)
t = clock(); article = from_string(open(sys.argv[1], encoding="utf-8").read(), options=opts); out["ingest"] = clock() - t
t = clock(); doc = next(nlp.pipe_batched([article.text])); out["parse"] = clock() - t
t = clock(); dets = registry.shared(opts.detectors, opts.model_paths); out["build detectors"] = clock() - t
ran = frozenset(d.name for d in dets)
spans = []
for det in sorted(dets, key=lambda d: getattr(d, "uses_spans", False)):
    times = []
    for _ in range(2):
        t = clock()
        if getattr(det, "uses_spans", False):
            found = det.detect(doc, article, spans=list(spans), ran=ran)
        else:
            found = det.detect(doc, article)
        det.models()
        times.append(clock() - t)
    spans.extend(found.spans)
    out[f"{det.name}: load"] = max(times[0] - times[1], 0.0)
    out[f"{det.name}: analysis"] = times[1]
print(json.dumps(out))
"""


def spinscope_command() -> list[str]:
    """The installed ``spinscope`` script, else the module run by this interpreter."""
    found = shutil.which("spinscope")
    return [found] if found else [sys.executable, "-m", "spinscope.cli"]


def wall(cmd: list[str], repeat: int) -> list[float]:
    """Wall time of ``cmd`` in ``repeat`` fresh processes; fails loudly if the command fails."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return times


def stages(short: Path, detectors: str, repeat: int) -> dict[str, float]:
    """Median time of each stage of a first analysis, over ``repeat`` fresh processes."""
    runs = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, "-c", STAGES, str(short), detectors], capture_output=True, text=True, check=True)
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def verdict(seconds: float, target: float) -> str:
    return f"{'PASS' if seconds < target else 'FAIL'} (target < {target} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per command (default 5)")
    parser.add_argument("--detectors", default="", help="comma-separated detectors for the analysis (default: all)")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    spinscope = spinscope_command()
    with tempfile.TemporaryDirectory() as tmp:
        short = Path(tmp) / "short.txt"
        short.write_text(SHORT + "\n", encoding="utf-8")
        analyse = [*spinscope, "analyze", str(short), "--format", "json"] + (["--detectors", args.detectors] if args.detectors else [])
        commands = {
            "python -c pass": ([sys.executable, "-c", "pass"], None),
            "spinscope --help": ([*spinscope, "--help"], 0.5),
            "spinscope --version": ([*spinscope, "--version"], 0.5),
            f"spinscope analyze short.txt ({len(SHORT.split())} words)": (analyse, 5.0),
        }
        print(f"{'command':<45} {'best':>7} {'median':>7}")
        for label, (cmd, target) in commands.items():
            times = wall(cmd, args.repeat)
            best, median = min(times), statistics.median(times)
            print(f"{label:<45} {best:6.2f}s {median:6.2f}s  {verdict(median, target) if target else ''}", flush=True)
        print("\nfirst analysis, by stage (median of fresh processes):")
        parts = stages(short, args.detectors, args.repeat)
        for key, seconds in parts.items():
            print(f"  {key:<28} {seconds:6.3f} s")
        print(f"  {'total':<28} {sum(parts.values()):6.3f} s")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
