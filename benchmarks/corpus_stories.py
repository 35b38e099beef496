"""Pairwise precision/recall of ``spinscope stories`` on hand-labelled PolNeAR articles.

Two windows of PolNeAR train/dev articles (US election news from seven
publishers), labelled by hand (``corpus_stories_labels.py``): A
(2015-11-08 .. 2016-01-20) and B (2016-01-21 .. 2016-03-31).  For each
encoder and linkage, the cosine weight, date window and threshold with the
best pairwise F1 on one window are scored on the other (two-fold
cross-validation; no figure marked "held out" comes from the window its
settings were chosen on).  A pair counts as positive when both articles are
in one labelled group.

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


def counts(items, gold, **settings) -> tuple[int, int, int]:
    """(predicted pairs, true pairs among them, gold pairs) under ``settings``."""
    from spinscope.corpus import stories

    found = {tuple(sorted(p)) for s in stories.group(items, **settings) for p in itertools.combinations(s["articles"], 2)}
    return len(found), len(found & gold), len(gold)


def bcubed(items, groups, **settings) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over every article of the window (an article in no story or no
    labelled group is its own cluster)."""
    from spinscope.corpus import stories

    ids = [it["doc_id"] for it in items]
    predicted = {i: {i} for i in ids}
    for s in stories.group(items, **settings):
        for a in s["articles"]:
            predicted[a] = set(s["articles"])
    gold = {i: {i} for i in ids}
    for suffixes in groups:
        members = {i for i in ids if any(i.endswith(x) for x in suffixes)}
        for m in members:
            gold[m] = members
    p = sum(len(predicted[i] & gold[i]) / len(predicted[i]) for i in ids) / len(ids)
    r = sum(len(predicted[i] & gold[i]) / len(gold[i]) for i in ids) / len(ids)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def prf(c: tuple[int, int, int]) -> tuple[float, float, float]:
    n, tp, g = c
    p = tp / n if n else 0.0
    r = tp / g if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def add(*cs) -> tuple[int, int, int]:
    return tuple(sum(x) for x in zip(*cs))


def line(name: str, settings: dict, c) -> str:
    p, r, f = prf(c)
    shown = " ".join(f"{k}={v}" for k, v in settings.items())
    return f"{name:22s} {shown:66s} pairs {c[0]:4d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def grid() -> list[dict]:
    return [{"encoder": e, "linkage": k, "weight": w, "days": d, "threshold": t} for e, k, w, d in itertools.product(*GRID.values()) for t in THRESHOLDS[e]]


def best(results: dict, family: tuple[str, str] | None = None) -> int:
    """Index of the setting with the highest F1 in ``results`` (within an encoder/linkage family when given)."""
    settings = grid()
    ok = [i for i, s in enumerate(settings) if family is None or (s["encoder"], s["linkage"]) == family]
    return max(ok, key=lambda i: (prf(results[i])[2], -i))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--detectors", default="entities")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "spinscope-corpus-stories", help="folder for the two stores (reused when present)")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    args.keep.mkdir(parents=True, exist_ok=True)
    windows = {
        "A": load_window("tune", labels.TUNE_WINDOW, labels.TUNE, args.keep, args.detectors),
        "B": load_window("test", labels.TEST_WINDOW, labels.TEST, args.keep, args.detectors),
    }
    for name, (items, gold) in windows.items():
        print(f"window {name}: {len(items)} articles, {len(gold)} gold pairs")
    started = time.perf_counter()
    settings = grid()
    results = {name: [counts(items, gold, **s) for s in settings] for name, (items, gold) in windows.items()}
    print(f"{len(settings)} settings scored on both windows in {time.perf_counter() - started:.0f} s")
    print("held out: settings chosen on one window, scored on the other; 'both' adds the two held-out counts")
    for family in itertools.product(GRID["encoder"], GRID["linkage"]):
        on_a, on_b = best(results["A"], family), best(results["B"], family)
        print(line("chosen on A, test B", settings[on_a], results["B"][on_a]))
        print(line("chosen on B, test A", settings[on_b], results["A"][on_b]))
        print(line(f"{family[0]}/{family[1]}: both", {}, add(results["B"][on_a], results["A"][on_b])))
    before = {"encoder": "tfidf", "linkage": "single", "weight": 0.7, "days": 3, "threshold": 0.15}
    for name, (items, gold) in windows.items():
        print(line(f"previous default, {name}", before, counts(items, gold, **before)))
    pooled = [add(a, b) for a, b in zip(results["A"], results["B"])]
    chosen = best(pooled)
    print(line("best on A+B (in-sample)", settings[chosen], pooled[chosen]))
    shipped = add(*(counts(items, gold) for items, gold in windows.values()))
    print(line("shipped defaults, A+B", {}, shipped))
    for name, groups in (("A", labels.TUNE), ("B", labels.TEST)):
        p, r, f = bcubed(windows[name][0], groups)
        print(f"shipped defaults, window {name}: B-cubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
