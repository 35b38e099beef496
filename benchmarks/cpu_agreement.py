"""Do two CPUs give the same analyses?  This CPU against an emulated one (QEMU user mode).

    python benchmarks/cpu_agreement.py [--cpu Haswell] [--articles 8] [--int8 auto,u8s8]

Runs ``spinscope analyze`` on PTC validation articles here and again under
``qemu-x86_64 -cpu CPU`` (Haswell: AVX2 without VNNI or AVX-512) once per
``--int8`` setting, and prints, per span kind, how many spans the two runs
share exactly (start, end, label) and how far the scores of the shared ones
move, and the profile figures that differ.  ``auto`` is what a user gets;
``u8s8`` forces the shipped int8 form, which saturates on such a CPU.  QEMU
runs the emulated CPU's instructions exactly but slowly (about a minute per
article), so keep ``--articles`` small.  Needs ``apt-get install qemu-user``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path


def analyze(folder: Path, out: Path, int8: str, qemu: list[str]) -> None:
    env = {**os.environ, "SPINSCOPE_INT8": int8, "OMP_NUM_THREADS": "1"}
    cmd = [*qemu, sys.executable, "-m", "spinscope", "analyze", str(folder), "-o", str(out)]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["source"]: row for row in rows}


def compare(here: dict[str, dict], there: dict[str, dict]) -> tuple[dict, list[str]]:
    kinds: dict[str, dict] = defaultdict(lambda: {"here": 0, "there": 0, "shared": 0, "max_score_diff": 0.0})
    profile_diffs = []
    for source, a in here.items():
        b = there[source]
        sa = {(s["start"], s["end"], s["kind"], s["label"]): s for s in a["spans"]}
        sb = {(s["start"], s["end"], s["kind"], s["label"]): s for s in b["spans"]}
        for key in sa.keys() | sb.keys():
            row = kinds[key[2]]
            row["here"] += key in sa
            row["there"] += key in sb
            if key in sa and key in sb:
                row["shared"] += 1
                row["max_score_diff"] = max(row["max_score_diff"], abs((sa[key].get("score") or 0) - (sb[key].get("score") or 0)))
        profile_diffs += [f"{Path(source).name}: {path} {x} -> {y}" for path, x, y in _diff(a["profile"], b["profile"], "profile")]
    return dict(kinds), profile_diffs


def _diff(x, y, path):
    if isinstance(x, dict) and isinstance(y, dict):
        for key in x.keys() | y.keys():
            yield from _diff(x.get(key), y.get(key), f"{path}.{key}")
    elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        for i, (u, v) in enumerate(zip(x, y)):
            yield from _diff(u, v, f"{path}[{i}]")
    elif x != y:
        yield path, x, y


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpu", default="Haswell", help="the QEMU CPU model to emulate (default Haswell)")
    parser.add_argument("--articles", type=int, default=8)
    parser.add_argument("--int8", default="auto,u8s8", help="comma-separated SPINSCOPE_INT8 settings for the emulated runs")
    args = parser.parse_args()
    qemu = shutil.which("qemu-x86_64")
    if qemu is None:
        sys.exit("qemu-x86_64 not found: apt-get install qemu-user")

    from spinscope_train.techniques import data

    ptc = data.data_dir() / "ptc2020"
    _, validation = data.split(data.load_ptc(ptc))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for article in validation[: args.articles]:
            (folder / f"article{article.id}.txt").write_text(article.text, encoding="utf-8")
        analyze(folder, Path(tmp) / "here.jsonl", "auto", [])
        here = read(Path(tmp) / "here.jsonl")
        from spinscope.encoders import int8

        print(f"here: {args.articles} PTC validation articles, int8 product {int8.mode()}; there: qemu -cpu {args.cpu}")
        for mode in args.int8.split(","):
            out = Path(tmp) / f"there-{mode}.jsonl"
            analyze(folder, out, mode, [qemu, "-cpu", args.cpu])
            kinds, profile_diffs = compare(here, read(out))
            print(f"\nSPINSCOPE_INT8={mode} on {args.cpu}")
            print(f"  {'kind':<10} {'here':>6} {'there':>6} {'shared':>7}  max score diff (shared)")
            for kind, row in sorted(kinds.items()):
                print(f"  {kind:<10} {row['here']:>6} {row['there']:>6} {row['shared']:>7}  {row['max_score_diff']:.4f}")
            print(f"  profile figures that differ: {len(profile_diffs)}")
            for line in profile_diffs[:12]:
                print(f"    {line}")


if __name__ == "__main__":
    main()
