"""Throughput of `analyze` against the floor: spaCy's nlp.pipe alone on the same texts, same run.

    python benchmarks/throughput.py [--detectors a,b] [--repeat 2] [--int8 auto|u8s8|u8u8] [--accurate]

Prints articles/second for the floor and for the full analysis, their ratio,
and the time of each stage (ingest, spaCy, each detector) so the slowest one
is plain.  Texts: the 90 articles of ptc2020/test-articles-unlabeled.  It
also prints the CPU and the int8 product the models run with on it
(``u8s8`` where that is exact, as with VNNI; ``u8u8`` elsewhere; see
``spinscope.encoders.int8``): ``--int8 u8u8`` times the other path here.
``--accurate`` also times the full analysis with the accurate technique
setting (``analyze --accurate``) in the same run, against the same floor.
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
    parser.add_argument("--accurate", action="store_true", help="also time the accurate technique setting (analyze --accurate)")
    parser.add_argument("--int8", choices=["auto", "u8s8", "u8u8"], default="auto", help="the int8 product to run the models with (default: what this CPU computes exactly)")
    args = parser.parse_args()
    os.environ["SPINSCOPE_INT8"] = args.int8

    import spinscope
    from spinscope import detectors as registry
    from spinscope import nlp
    from spinscope.detectors.base import reads_spans
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
    accurate_s = None
    if args.accurate:
        accurate = Options(detectors=selected, model_paths=registry.accurate_models())
        list(spinscope.analyze_many(raw[:2], options=accurate))
        variants = iter(range(101, 101 + args.repeat))
        accurate_s = best_of(args.repeat, lambda: list(spinscope.analyze_many(_variant(articles, next(variants)), options=accurate)))

    docs = list(nlp.pipe_batched([a.text for a in articles]))
    stage = {}
    for det in dets:
        # one run: some libraries cache per text (textstat), so a repeat would time the cache
        stage[det.name] = best_of(1, lambda det=det: [det.detect(d, a, spans=[], ran=frozenset()) if reads_spans(det) else det.detect(d, a) for d, a in zip(docs, articles)])

    from spinscope.encoders import int8

    n = len(raw)
    print(f"cpu: {cpu_name()}; u8s8 exact here: {int8.u8s8_is_exact()}; int8 product used: {int8.mode()}")
    print(f"articles: {n}, words: {words:,}, detectors: {', '.join(d.name for d in dets)}")
    print(f"floor  spaCy nlp.pipe : {floor_s:7.2f} s  {n / floor_s:7.1f} articles/s")
    print(f"full   analyze_many   : {full_s:7.2f} s  {n / full_s:7.1f} articles/s")
    print(f"ratio  full / floor   : {full_s / floor_s:7.2f}x")
    if accurate_s is not None:
        print(f"accurate analyze_many : {accurate_s:7.2f} s  {n / accurate_s:7.1f} articles/s")
        print(f"ratio  accurate/floor : {accurate_s / floor_s:7.2f}x")
    print("stages (seconds, ratio to floor):")
    print(f"  ingest+cleaning     : {ingest_s:7.2f} s  {ingest_s / floor_s:5.2f}x")
    for name, secs in sorted(stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<20}: {secs:7.2f} s  {secs / floor_s:5.2f}x")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                flags = Path("/proc/cpuinfo").read_text()
                vnni = "with VNNI" if ("avx512_vnni" in flags or "avx_vnni" in flags) else "no VNNI"
                return f"{line.split(':', 1)[1].strip()} ({vnni})"
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


if __name__ == "__main__":
    main()
