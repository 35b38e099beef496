"""Throughput of `analyze` against the floor: spaCy's nlp.pipe alone on the same texts, same run.

    python benchmarks/throughput.py [--detectors a,b] [--repeat 2]

Prints articles/second for the floor and for the full analysis, their ratio,
and the time of each stage (ingest, spaCy, each detector) so the slowest one
is plain.  Texts: the 90 articles of ptc2020/test-articles-unlabeled.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))


def load_texts() -> list[tuple[str, str]]:
    folder = DATA / "ptc2020" / "test-articles-unlabeled"
    if not folder.is_dir():
        sys.exit(f"no articles at {folder}: set SPINSCOPE_DATA")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("article*.txt"))]


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return min(times)


def _variant(articles, n: int):
    return [a.model_copy(update={"text": a.text + "\n" * n}) for a in articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--detectors", default=None, help="comma-separated detectors (default: all)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    import spinscope
    from spinscope import detectors as registry
    from spinscope import nlp
    from spinscope.ingest import from_string
    from spinscope.options import Options

    texts = load_texts()
    selected = tuple(args.detectors.split(",")) if args.detectors else None
    opts = Options(detectors=selected)
    spacy_nlp = nlp.load()
    dets = registry.build(selected)
    raw = [t for _, t in texts]
    words = sum(len(t.split()) for t in raw)

    # warm up every model once
    list(spinscope.analyze_many(raw[:2], options=opts))

    ingest_s = best_of(args.repeat, lambda: [from_string(t, options=opts) for t in raw])
    articles = [from_string(t, options=opts, id=i) for i, t in texts]
    floor_s = best_of(args.repeat, lambda: list(spacy_nlp.pipe(raw, batch_size=16)))
    # a fresh variant of each text per repeat, so that per-text caches (textstat) never hit
    variants = iter(range(1, args.repeat + 1))
    full_s = best_of(args.repeat, lambda: list(spinscope.analyze_many(_variant(articles, next(variants)), options=opts)))

    docs = list(nlp.pipe_batched([a.text for a in articles]))
    stage = {}
    for det in dets:
        # one run: some libraries cache per text (textstat), so a repeat would time the cache
        stage[det.name] = best_of(1, lambda det=det: [det.detect(d, a, spans=[], ran=frozenset()) if getattr(det, "uses_spans", False) else det.detect(d, a) for d, a in zip(docs, articles)])

    n = len(raw)
    print(f"articles: {n}, words: {words:,}, detectors: {', '.join(d.name for d in dets)}")
    print(f"floor  spaCy nlp.pipe : {floor_s:7.2f} s  {n / floor_s:7.1f} articles/s")
    print(f"full   analyze_many   : {full_s:7.2f} s  {n / full_s:7.1f} articles/s")
    print(f"ratio  full / floor   : {full_s / floor_s:7.2f}x")
    print("stages (seconds, ratio to floor):")
    print(f"  ingest+cleaning     : {ingest_s:7.2f} s  {ingest_s / floor_s:5.2f}x")
    for name, secs in sorted(stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<20}: {secs:7.2f} s  {secs / floor_s:5.2f}x")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
