"""Precision check: list everything the cleaner removes from the corpus articles.

Usage::

    python benchmarks/extraction/corpus_removals.py [--quiet]

The corpus texts (PTC 2020 articles, PolNeAR texts) are article bodies with
little page furniture, so every removal printed here should be either real
boilerplate left in the corpus (comment-form labels, photo credits, reprint
notes) or a mistake to fix.  The last line gives the totals and the time taken.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_pages import data_dir  # noqa: E402

from spinscope.ingest.boilerplate import remove_boilerplate  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="print the totals only")
    args = ap.parse_args()
    root = data_dir()
    paths = sorted((root / "ptc2020").glob("*-articles*/article*.txt")) + sorted((root / "quotes-polnear").glob("*/text/*.txt"))
    labels: Counter = Counter()
    removed_words = total_words = 0
    t0 = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        total_words += len(text.split())
        for block in remove_boilerplate(text)[1]:
            labels[block.label] += 1
            removed_words += len(block.text.split())
            if not args.quiet:
                print(f"{path.name[:40]:40} [{block.label}] {block.text[:140]!r}")
    seconds = time.perf_counter() - t0
    print(f"{len(paths)} documents, {seconds:.1f} s; removed {removed_words:,} of {total_words:,} words ({removed_words / max(total_words, 1):.2%}); {dict(labels)}")


if __name__ == "__main__":
    main()
