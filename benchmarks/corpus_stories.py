"""Pairwise precision/recall of ``spinscope stories`` on hand-labelled PolNeAR articles.

Two windows of PolNeAR train/dev articles (US election news from seven
publishers), labelled by hand (``corpus_stories_labels.py``).  Settings are
chosen on the TUNE window only (best pairwise F1 over a grid of encoder,
linkage, cosine weight, date window and threshold); the chosen settings and
the shipped defaults are then scored on the TEST window, which no setting
was chosen on.  A pair counts as positive when both articles are in one
labelled group.

    python benchmarks/corpus_stories.py [--detectors entities] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_stories_labels as labels  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))
GRID = {
    "encoder": ("tfidf", "minilm"),
    "linkage": ("single", "average"),
    "weight": (0.5, 0.7, 0.85, 1.0),
    "days": (3, 7),
}
THRESHOLDS = {"tfidf": [round(0.05 + 0.025 * k, 3) for k in range(15)], "minilm": [round(0.3 + 0.025 * k, 3) for k in range(21)]}


def records(window: tuple[str, str]) -> list[dict]:
    base = DATA / "quotes-polnear"
    out = []
    for row in csv.DictReader(open(base / "metadata.tsv", encoding="utf-8"), delimiter="\t"):
        if row["compartment"] not in ("train", "dev") or not (window[0] <= row["publication_date"] <= window[1]):
            continue
        path = base / row["compartment"] / "text" / f"{row['filename']}.txt"
        if path.exists():
            out.append({"id": row["filename"], "title": row["title"], "outlet": row["publisher"], "published": row["publication_date"], "text": path.read_text(encoding="utf-8")})
    return out


def gold_pairs(groups: list[list[str]], ids: list[str]) -> set[tuple[str, str]]:
    pairs = set()
    for suffixes in groups:
        members = [i for i in ids if any(i.endswith(s) for s in suffixes)]
        assert len(members) == len(suffixes), (suffixes, members)
        pairs |= {tuple(sorted(p)) for p in itertools.combinations(members, 2)}
    return pairs


def load_window(name: str, window, groups, folder: Path, detectors: str):
    """Store the window's articles once (kept in ``folder``) and return (items, gold pairs)."""
    from spinscope.corpus import stories
    from spinscope.corpus.store import Store

    recs = records(window)
    db = f"sqlite:///{folder}/{name}.db"
    if not (folder / f"{name}.db").exists():
        src = folder / f"{name}.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", db, "--detectors", detectors, "--keep-boilerplate"], check=True)
    items = stories.load(Store(db).open())
    stored = {it["doc_id"] for it in items}
    gold = {p for p in gold_pairs(groups, [r["id"] for r in recs]) if set(p) <= stored}  # an exact copy is stored once
    return items, gold


def score(items, gold, **settings) -> tuple[int, float, float, float]:
    from spinscope.corpus import stories

    found = {tuple(sorted(p)) for s in stories.group(items, **settings) for p in itertools.combinations(s["articles"], 2)}
    tp = len(found & gold)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    return len(found), p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line(name: str, settings: dict, result) -> str:
    n, p, r, f = result
    shown = " ".join(f"{k}={v}" for k, v in settings.items())
    return f"{name:8s} {shown:70s} pairs {n:4d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def tune(items, gold) -> list[tuple[float, dict]]:
    results = []
    for encoder, link, weight, days in itertools.product(*GRID.values()):
        for threshold in THRESHOLDS[encoder]:
            settings = {"encoder": encoder, "linkage": link, "weight": weight, "days": days, "threshold": threshold}
            results.append((score(items, gold, **settings)[3], settings))
    results.sort(key=lambda x: -x[0])
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--detectors", default="entities")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "spinscope-corpus-stories", help="folder for the two stores (reused when present)")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    args.keep.mkdir(parents=True, exist_ok=True)
    tune_items, tune_gold = load_window("tune", labels.TUNE_WINDOW, labels.TUNE, args.keep, args.detectors)
    test_items, test_gold = load_window("test", labels.TEST_WINDOW, labels.TEST, args.keep, args.detectors)
    print(f"tune: {len(tune_items)} articles, {len(labels.TUNE)} events, {len(tune_gold)} gold pairs; test: {len(test_items)} articles, {len(labels.TEST)} events, {len(test_gold)} gold pairs")
    started = time.perf_counter()
    ranked = tune(tune_items, tune_gold)
    print(f"grid of {len(ranked)} settings on the tune window in {time.perf_counter() - started:.0f} s; best per encoder and linkage (tune F1):")
    for encoder, link in itertools.product(GRID["encoder"], GRID["linkage"]):
        f, settings = next((f, s) for f, s in ranked if s["encoder"] == encoder and s["linkage"] == link)
        print(line("tune", settings, score(tune_items, tune_gold, **settings)))
        print(line("test", settings, score(test_items, test_gold, **settings)))
    before = {"encoder": "tfidf", "linkage": "single", "weight": 0.7, "days": 3, "threshold": 0.15}
    print("previous default (TF-IDF):")
    print(line("tune", before, score(tune_items, tune_gold, **before)))
    print(line("test", before, score(test_items, test_gold, **before)))
    print("shipped defaults:")
    print(line("tune", {}, score(tune_items, tune_gold)))
    print(line("test", {}, score(test_items, test_gold)))


if __name__ == "__main__":
    main()
