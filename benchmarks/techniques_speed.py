"""Speed of technique detection against spaCy's small pipeline on the same texts.

Prints articles/second and peak memory of the techniques detector (ONNX
Runtime int8, one thread) on the 90 unlabelled PTC test articles, and the
ratio to ``nlp.pipe`` of spinscope's shared spaCy pipeline, measured in the
same run.  Usage: ``python benchmarks/techniques_speed.py [--limit N] [--batch B] [--model DIR ...]``
(``--batch`` runs B windows of an article per model call; the detector runs 1;
``--model`` times these model folders instead of the shipped one, one after
the other against the same spaCy figure, e.g. a single model and an ensemble).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import tracemalloc

os.environ.setdefault("OMP_NUM_THREADS", "1")


def texts(limit: int | None) -> list[str]:
    from spinscope_train.techniques.data import data_dir, read_text

    folder = data_dir() / "ptc2020" / "test-articles-unlabeled"
    paths = sorted(folder.glob("article*.txt"))[:limit]
    if not paths:
        raise SystemExit(f"no articles in {folder}: set SPINSCOPE_DATA")
    return [read_text(p) for p in paths]


def time_spacy(docs: list[str]) -> float:
    from spinscope import nlp

    pipeline = nlp.load()
    list(pipeline.pipe(docs[:2]))  # warm up
    started = time.perf_counter()
    list(pipeline.pipe(docs, batch_size=16))
    return time.perf_counter() - started


def time_techniques(docs: list[str], batch: int | None = None, path: str | None = None) -> tuple[float, int]:
    from spinscope.detectors.techniques import runtime
    from spinscope.detectors.techniques.runtime import TechniqueModel

    if batch:
        runtime.BATCH = batch

    model = TechniqueModel(path, threads=1)
    model.predict(docs[0])  # load and warm up
    tracemalloc.start()
    started = time.perf_counter()
    for text in docs:
        model.predict(text)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles.")
    parser.add_argument("--batch", type=int, default=None, help="Windows per model call (the detector's own setting when left out).")
    parser.add_argument("--model", action="append", default=None, help="A model folder to time (repeat for several); the shipped model when left out.")
    args = parser.parse_args()
    docs = texts(args.limit)
    chars = sum(map(len, docs))
    spacy_s = time_spacy(docs)
    print(f"{len(docs)} articles, {chars:,} characters")
    print(f"spaCy nlp.pipe:        {len(docs) / spacy_s:7.1f} articles/s ({spacy_s:.2f} s)")
    for path in args.model or [None]:
        tech_s, tech_peak = time_techniques(docs, args.batch, path)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"model {path or 'shipped'}")
        print(f"  techniques (1 thread): {len(docs) / tech_s:7.1f} articles/s ({tech_s:.2f} s), python peak {tech_peak / 2**20:.0f} MiB")
        print(f"  ratio techniques/spaCy time: {tech_s / spacy_s:.2f}x; process peak RSS so far {rss:.0f} MiB (spaCy and the models)")


if __name__ == "__main__":
    main()
