"""Precision and recall of travelling claims on hand-labelled pairs of PolNeAR claims.

Stores the 400 articles of the two story windows (``corpus_stories_labels.py``) with the claims
detector, rebuilds the pool of candidate pairs that ``travelling_claims_labels.py`` labels, and
scores the same-claim rule of :mod:`spinscope.corpus.travel` on it: the shipped settings, then a grid
chosen on one window's pairs and scored on the other's (a pair belongs to window A when both of its
articles are from window A).  Recall is within the pool: same-claim pairs less similar than the pool's
band are not counted.  Also prints the time of ``travel.find`` on the store, first call (embeds every
claim) and second call (reads the stored embeddings).

    python benchmarks/travelling_claims.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_stories as stories_bench  # noqa: E402
import corpus_stories_labels as windows  # noqa: E402
import travelling_claims_labels as labels  # noqa: E402

DETECTORS = "entities,actors,claims,quotes"
POOL_WORDS, POOL_MEANING, POOL_MEANING_WORDS = 0.5, 0.75, 0.15
GRID = {"same_words": (0.7, 0.8, 0.9), "paraphrase": (0.75, 0.78, 0.8, 0.82, 0.85), "paraphrase_words": (0.15, 0.2, 0.25, 0.3)}


def build(folder: Path) -> str:
    db = folder / "claims.db"
    if not db.exists():
        src = folder / "windows.jsonl"
        recs = stories_bench.records(windows.TUNE_WINDOW) + stories_bench.records(windows.TEST_WINDOW)
        src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", f"sqlite:///{db}", "--detectors", DETECTORS, "--keep-boilerplate"], check=True)
    return f"sqlite:///{db}"


def pool(claims, words, meaning) -> list[tuple[int, int, float, float]]:
    """The candidate pairs: claims of different publishers in the labelled similarity band."""
    import numpy as np

    outlets = np.array([c["outlet"] for c in claims], dtype=object)
    found = []
    for start in range(0, len(claims), 512):
        stop = min(len(claims), start + 512)
        cos = (words[start:stop] @ words.T).toarray()
        sem = meaning[start:stop] @ meaning.T
        ok = (cos >= POOL_WORDS) | ((sem >= POOL_MEANING) & (cos >= POOL_MEANING_WORDS))
        ok &= (np.arange(len(claims))[None, :] > np.arange(start, stop)[:, None]) & (outlets[start:stop, None] != outlets[None, :])
        found += [(start + int(r), int(j), float(cos[r, j]), float(sem[r, j])) for r, j in zip(*np.nonzero(ok))]
    return found


def same(claims, pair, same_words, paraphrase, paraphrase_words) -> bool:
    from spinscope.corpus.travel import numbers_in

    i, j, cos, sem = pair
    a, b = numbers_in(claims[i]["text"]), numbers_in(claims[j]["text"])
    return (cos >= same_words or (sem >= paraphrase and cos >= paraphrase_words)) and not (a and b and a != b)


def score(claims, pairs, gold, settings, fold=None, folds=None) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for k, pair in enumerate(pairs):
        if fold is not None and folds[k] != fold:
            continue
        y, yhat = gold[k], same(claims, pair, **settings)
        tp, fp, fn = tp + (y and yhat), fp + (yhat and not y), fn + (y and not yhat)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 0.0), tp, fp, fn


def line(name, s) -> str:
    return f"{name:44s} P {s[0]:.3f}  R {s[1]:.3f}  (true {s[2]}, false {s[3]}, missed {s[4]})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "spinscope-travelling-claims", help="folder for the store (reused when present)")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    args.keep.mkdir(parents=True, exist_ok=True)
    from spinscope.corpus import travel
    from spinscope.corpus.store import Store
    from spinscope.corpus.text_vectors import embeddings

    store = Store(build(args.keep)).open()
    started = time.perf_counter()
    found = travel.find(store)
    first = time.perf_counter() - started
    started = time.perf_counter()
    travel.find(store)
    print(f"travel.find: {len(found)} travelling claims; first call {first:.1f} s, second {time.perf_counter() - started:.1f} s")
    claims = travel.load(store)
    words = travel._word_vectors([c["text"] for c in claims])
    meaning = embeddings(store, [c["text"] for c in claims])
    pairs = pool(claims, words, meaning)
    key = {(c["article"], c["start"], c["end"]): n for n, c in enumerate(claims)}
    labelled = {tuple(sorted([key.get(p[:3]), key.get(p[3:6])], key=str)): p[6] for p in labels.PAIRS}
    index = {tuple(sorted([i, j], key=str)): k for k, (i, j, _, _) in enumerate(pairs)}
    found_labels = [labelled.get(tuple(sorted([i, j], key=str))) for i, j, _, _ in pairs]
    print(f"pool: {len(pairs)} pairs, {sum(x is not None for x in found_labels)} of {len(labels.PAIRS)} labelled pairs found ({sum(1 for k in labelled if k not in index)} not found)")
    kept = [(p, y) for p, y in zip(pairs, found_labels) if y is not None]
    pairs, gold = [p for p, _ in kept], [y for _, y in kept]
    window_a = windows.TUNE_WINDOW[1]
    folds = ["A" if max(claims[i]["published"] or "", claims[j]["published"] or "") <= window_a else "B" for i, j, _, _ in pairs]
    shipped = {"same_words": travel.SAME_WORDS, "paraphrase": travel.PARAPHRASE, "paraphrase_words": travel.PARAPHRASE_WORDS}
    print(line("shipped settings, all labelled pairs", score(claims, pairs, gold, shipped)))
    for f in "AB":
        print(line(f"shipped settings, window {f}", score(claims, pairs, gold, shipped, f, folds)))
    grid = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
    for train, test in (("A", "B"), ("B", "A")):
        ok = [g for g in grid if score(claims, pairs, gold, g, train, folds)[0] >= 0.9] or grid
        best = max(ok, key=lambda g: (score(claims, pairs, gold, g, train, folds)[1], g["paraphrase"], g["paraphrase_words"]))
        print(line(f"chosen on {train} (P>=0.9, best R), scored on {test}", score(claims, pairs, gold, best, test, folds)), best)


if __name__ == "__main__":
    main()
