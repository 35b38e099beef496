"""Outputs of every interface on fixed inputs, to show a change of code leaves them byte-identical.

    python benchmarks/snapshot.py --out /tmp/before            # on the old commit
    python benchmarks/snapshot.py --out /tmp/after --compare /tmp/before

Inputs: the bundled ``examples/`` and the 90 articles of
``ptc2020/test-articles-unlabeled`` (``$SPINSCOPE_DATA`` or ``../shared/data``),
with every detector.  Outputs written under ``--out``:

- ``cli-<input>.<fmt>``: ``spinscope analyze`` in the formats jsonl, csv, semeval-si and
  semeval-tc (and html for the examples);
- ``api-<input>.jsonl``: ``POST /api/analyze`` for each example text (one in-process app);
- ``corpus-<input>.jsonl``: ``spinscope corpus add`` into a fresh SQLite store, then
  ``spinscope corpus export``, and ``<view>-<input>.json``: ``spinscope outlets``, ``stories``
  and ``duplicates`` on that store;
- ``digests.txt``: a SHA-256 per file.

With ``--compare`` the digests are checked against an earlier run and every file that
differs is named, with its first differing line; the exit status is 1 when any differs.
The API's ``store: true`` path is left out: it is the one that changes on purpose (actors
are now merged with the store's).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))


def inputs() -> dict[str, Path]:
    found = {"examples": Path("examples")}  # relative to the checkout, so sources read the same in any clone
    ptc = DATA / "ptc2020" / "test-articles-unlabeled"
    if ptc.is_dir():
        found["ptc-unlabelled"] = ptc
    else:
        print(f"no PTC articles at {ptc}: only the examples are run", file=sys.stderr)
    return found


def spinscope(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "spinscope", *args], check=True, stdout=subprocess.DEVNULL, cwd=REPO)


def cli_outputs(name: str, folder: Path, out: Path) -> None:
    formats = ["jsonl", "csv", "semeval-si", "semeval-tc"] + (["html"] if name == "examples" else [])
    for fmt in formats:
        spinscope("analyze", str(folder), "--format", fmt, "-o", str(out / f"cli-{name}.{fmt}"))


def corpus_outputs(name: str, folder: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "corpus.db")
        spinscope("corpus", "add", str(folder), "--db", db)
        spinscope("corpus", "export", "--db", db, "-o", str(out / f"corpus-{name}.jsonl"))
        for view in ("outlets", "stories", "duplicates"):
            with open(out / f"{view}-{name}.json", "w", encoding="utf-8") as sink:
                subprocess.run([sys.executable, "-m", "spinscope", view, "--db", db, "--format", "json"], check=True, stdout=sink, cwd=REPO)


def api_outputs(folder: Path, out: Path) -> None:
    from fastapi.testclient import TestClient

    from spinscope.api import create_app

    client = TestClient(create_app())
    lines = []
    for path in sorted(folder.glob("*.txt")) + sorted(folder.glob("*.html")):
        key = "html" if path.suffix == ".html" else "text"
        reply = client.post("/api/analyze", json={key: path.read_text(encoding="utf-8")})
        lines.append(json.dumps({"file": path.name, "status": reply.status_code, "body": reply.json()}, sort_keys=True))
    (out / "api-examples.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def digests(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.name != "digests.txt"}


def first_difference(a: Path, b: Path) -> str:
    left, right = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    for n, (x, y) in enumerate(zip(left, right), 1):
        if x != y:
            return f"line {n}: {x[:160]!r} != {y[:160]!r}"
    return f"{len(left)} lines against {len(right)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the outputs into")
    parser.add_argument("--compare", type=Path, help="an earlier --out folder to compare with")
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, folder in inputs().items():
        cli_outputs(name, folder, args.out)
        corpus_outputs(name, folder, args.out)
    api_outputs(REPO / "examples", args.out)  # read here; the API is given texts, not paths
    found = digests(args.out)
    (args.out / "digests.txt").write_text("".join(f"{d}  {n}\n" for n, d in found.items()), encoding="utf-8")
    print(f"{len(found)} outputs written to {args.out}")
    if not args.compare:
        return 0
    args.compare = args.compare.resolve()
    before = digests(args.compare)
    differ = sorted(n for n in set(found) | set(before) if found.get(n) != before.get(n))
    for name in differ:
        if name in found and name in before:
            print(f"DIFFERS {name}: {first_difference(args.compare / name, args.out / name)}")
        else:
            print(f"ONLY IN {'the new run' if name in found else 'the earlier run'}: {name}")
    print(f"{len(found) - len([n for n in differ if n in found])} of {len(found)} outputs byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
