"""Precision/recall of ``spinscope duplicates`` on a synthetic syndication set built from PTC articles.

The first ``--originals`` PTC training articles (sorted by id) are stored as
they are; every second one is also republished with a new headline, a
syndication header (byline, date, "originally published by") and a footer
(newsletter appeal, copyright), and with its last paragraph cut.  The gold
pairs are (original, copy); every other pair reported is a false positive.

    python benchmarks/corpus_duplicates.py [--originals 120]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))
HEADERS = ["By Staff Writers | {date}\nThis story was originally published by {outlet} and is republished here with permission.", "{outlet} | Updated {date}\nShare this article"]
FOOTERS = [
    "Sign up for our daily newsletter to get stories like this in your inbox.\nCopyright 2024 {outlet}. All rights reserved.",
    "Support independent journalism: donate today.\nFollow us on social media.",
]


def build(originals: int, seed: int = 11) -> tuple[list[dict], set[tuple[str, str]]]:
    rng = random.Random(seed)
    paths = sorted((DATA / "ptc2020" / "train-articles").glob("article*.txt"))[:originals]
    records, gold = [], set()
    for n, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        records.append({"id": path.stem, "outlet": "origin", "published": "2024-01-01", "text": text})
        if n % 2:
            continue
        title, _, body = text.partition("\n")
        paragraphs = [p for p in body.split("\n") if p.strip()]
        kept = "\n".join(paragraphs[:-1] if len(paragraphs) > 4 else paragraphs)
        outlet = f"outlet{n % 5}"
        header = rng.choice(HEADERS).format(outlet=outlet, date="2024-01-03")
        footer = rng.choice(FOOTERS).format(outlet=outlet)
        copy = f"REPOST: {title.strip()}\n\n{header}\n\n{kept}\n\n{footer}\n"
        records.append({"id": f"{path.stem}-copy", "outlet": outlet, "published": "2024-01-03", "text": copy})
        gold.add((path.stem, f"{path.stem}-copy"))
    return records, gold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--originals", type=int, default=120)
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
    args = parser.parse_args()
    records, gold = build(args.originals)
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "synd.jsonl", f"sqlite:///{tmp}/synd.db"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", db, "--detectors", "profile", "--keep-boilerplate"], check=True)
        from spinscope.corpus import duplicates
        from spinscope.corpus.store import Store

        store = Store(db).open()
        print(f"articles {len(records)}, gold pairs {len(gold)}")
        for threshold in (float(t) for t in args.thresholds.split(",")):
            pairs = duplicates.find(store, threshold=threshold)
            found = {tuple(sorted((p["a"], p["b"]))) for p in pairs}
            tp = len(found & gold)
            firsts = sum(1 for p in pairs if tuple(sorted((p["a"], p["b"]))) in gold and p["first"] == min(p["a"], p["b"]))
            print(f"threshold {threshold:.1f}: reported {len(found):4d}  precision {tp / len(found) if found else 0:.3f}  recall {tp / len(gold):.3f}  'first' right {firsts}/{tp}")


if __name__ == "__main__":
    main()
