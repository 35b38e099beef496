"""What reading a page's metadata adds to the foundation pipeline (ingest + spaCy + entities + profile).

    OMP_NUM_THREADS=1 python benchmarks/metadata_cost.py [--rounds 3] [--per-template 10]

Texts: the extraction benchmark's pasted pages (``extraction/make_pages.py``: copied text with
menus, bylines, date lines, adverts, appeals and footers), so that every metadata rule has lines to
read.  Times, fastest of ``--rounds``, in the same run:

- the foundation pipeline, ``analyze_many`` with the entities and profile detectors, from the
  pasted text to the Analysis (metadata recovery included);
- metadata recovery alone on the same texts: reading the removed lines (``metadata.from_lines``),
  the language (``language.detect``), the title guess and resolving the layers, after boilerplate
  removal (which ran before this feature and is not counted).

Prints the ratio of the second to the first: the share of the pipeline's time that metadata takes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "extraction"))

import make_pages as M  # noqa: E402


def pages(per_template: int) -> list[str]:
    root = M.data_dir()
    if not root.is_dir():
        sys.exit(f"no corpus folder at {root}: set SPINSCOPE_DATA")
    return [p["copy"] for p in M.build_pages(M.load_articles(root), per_template, 13)]


def foundation(texts: list[str]) -> float:
    import spinscope
    from spinscope.options import Options

    start = time.perf_counter()
    for _ in spinscope.analyze_many(texts, options=Options(detectors=("entities", "profile"))):
        pass
    return time.perf_counter() - start


def metadata_alone(cleaned: list[tuple[str, list]]) -> float:
    from spinscope.ingest import guess_title
    from spinscope.ingest import metadata as meta
    from spinscope.ingest.language import detect

    start = time.perf_counter()
    for text, removed in cleaned:
        layers = [(where, {field: value}) for field, (value, where) in meta.from_lines(removed, text).items()]
        values, _ = meta.resolve(layers)
        detect(text)
        guess_title(text, values.get("authors") or (), masthead=[values.get("outlet") or ""] + [b.text for b in removed if b.label in ("copyright", "byline_credit")])
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--per-template", type=int, default=10)
    args = ap.parse_args()
    from spinscope.ingest import normalise_text
    from spinscope.ingest.boilerplate import remove_boilerplate

    texts = pages(args.per_template)
    cleaned = [remove_boilerplate(normalise_text(t)) for t in texts]
    foundation(texts[:4])  # warm-up: load spaCy and the models
    metadata_alone(cleaned[:4])
    base = min(foundation(texts) for _ in range(args.rounds))
    alone = min(metadata_alone(cleaned) for _ in range(args.rounds))
    print(f"pasted pages: {len(texts)}; fastest of {args.rounds} rounds each")
    print(f"foundation pipeline (entities, profile), metadata included: {base:.2f} s")
    print(f"metadata recovery alone on the same texts:                  {alone:.3f} s")
    print(f"ratio: {alone / base:.4f}  (metadata is {100 * alone / base:.2f}% of the pipeline's time)")


if __name__ == "__main__":
    main()
