"""What a reader sees of the technique spans: fragments, clutter, scores, voice.

    python benchmarks/technique_spans.py [FILES_OR_FOLDERS ...] [--min-score 0.12]

With no paths, runs on the PTC validation split.  Prints, over the spans the
shipped model gives at the default minimum score: how many start or end
inside a word (must be 0), how many are one word, how many lie inside a
longer technique span (and how many of those have the same technique),
the highest score and the share at or above 0.5, and how many are in the
author's voice and how many quoted.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

WORD = re.compile(r"(?:\w\.){2,}|\w+(?:[.\-'\u2019\u2010\u2011]\w+)*")


def words_of(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def cuts_a_word(text: str, start: int, end: int, words: list[tuple[int, int]]) -> bool:
    """Whether a boundary of the span falls strictly inside one word (independent of the runtime's rule)."""
    return any(s < start < e or s < end < e for s, e in words if s < end and e > start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--min-score", type=float, default=None)
    args = parser.parse_args()

    from spinscope import engine as pipeline
    from spinscope_train.techniques import data

    if args.paths:
        files = [f for p in map(Path, args.paths) for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
        texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    else:
        _, validation = data.split(data.load_ptc(data.data_dir() / "ptc2020"))
        texts = [(a.id, a.text) for a in validation]
    from spinscope.options import Options

    opts = Options(min_score=args.min_score) if args.min_score is not None else None
    analyses = list(pipeline.analyze_many([t for _, t in texts], detectors=["quotes", "techniques", "propaganda"], options=opts))
    total = fragments = single = nested = nested_same = high = quoted = 0
    best = 0.0
    for analysis in analyses:
        spans = [s for s in analysis.spans if s.kind == "technique"]
        words = words_of(analysis.text)
        for s in spans:
            total += 1
            fragments += cuts_a_word(analysis.text, s.start, s.end, words)
            single += len(WORD.findall(analysis.text[s.start : s.end])) == 1
            outer = [o for o in spans if o is not s and o.start <= s.start and s.end <= o.end and (o.end - o.start) > (s.end - s.start)]
            nested += bool(outer)
            nested_same += any(o.label == s.label for o in outer)
            high += s.score >= 0.5
            best = max(best, s.score)
            quoted += (s.attrs or {}).get("voice") == "quoted"
    if not total:
        sys.exit("no technique spans")
    print(f"texts: {len(analyses)}; technique spans: {total}")
    print(f"  boundary inside a word : {fragments}")
    print(f"  one word               : {single} ({single / total:.0%})")
    print(f"  inside a longer span   : {nested} ({nested / total:.0%}); of the same technique: {nested_same}")
    print(f"  score >= 0.5           : {high} ({high / total:.0%}); highest {best:.3f}")
    print(f"  quoted voice           : {quoted} ({quoted / total:.0%})")


if __name__ == "__main__":
    main()
