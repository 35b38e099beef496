"""Does a long run keep spaCy's vocabulary from growing?  With and without the pipeline's memory zone.

    python benchmarks/vocab_memory.py [--batches 40] [--texts 50] [--words 60]

spaCy adds every string it has not seen (a name, a URL, a misspelling) to
the shared vocabulary and keeps it.  The pipeline runs each batch inside
``nlp.memory_zone()`` so the batch's new strings are dropped when it ends.
This script feeds ``spinscope.analyze_many`` (entities detector only, so the
figures are spaCy's) batches of texts made of made-up words, every word new,
twice in separate processes: as shipped, and with the memory zone replaced
by a no-op.  Printed per run: resident memory and the string store's size
after the first batch and after the last, and the growth per 1,000 new words.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

RUN = r"""
import contextlib, random, string, sys, time
from spinscope import engine as pipeline
from spinscope import nlp
batches, per_batch, words, zone = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "zone"
if not zone:
    nlp.memory_zone = contextlib.nullcontext
rnd = random.Random(13)
def word():
    return "".join(rnd.choice(string.ascii_lowercase) for _ in range(9))
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
first = None
started = time.time()
for k in range(batches + 1):
    texts = [" ".join(word().capitalize() if j % 7 == 0 else word() for j in range(words)) + "." for _ in range(per_batch)]
    list(pipeline.analyze_many(texts, detectors=["entities"]))
    if k == 0:  # after the first batch: everything loaded once is in
        first = (rss(), len(nlp.load().vocab.strings))
last = (rss(), len(nlp.load().vocab.strings))
new_words = batches * per_batch * words
print(f"{'zone' if zone else 'no zone'}: RSS {first[0]:.0f} -> {last[0]:.0f} MiB, strings {first[1]:,} -> {last[1]:,}; "
      f"+{(last[0] - first[0]) / new_words * 1000:.2f} MiB per 1,000 new words ({new_words:,} words, {time.time() - started:.0f} s)")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=40, help="batches after the first (default 40)")
    parser.add_argument("--texts", type=int, default=50, help="texts per batch (default 50)")
    parser.add_argument("--words", type=int, default=60, help="words per text, every one new (default 60)")
    args = parser.parse_args()
    for mode in ("no-zone", "zone"):
        out = subprocess.run([sys.executable, "-c", RUN, str(args.batches), str(args.texts), str(args.words), mode], capture_output=True, text=True)
        if out.returncode:
            sys.exit(out.stderr[-2000:])
        print(out.stdout.strip())


if __name__ == "__main__":
    main()
