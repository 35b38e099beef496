"""Pairwise precision/recall of ``spinscope stories`` on hand-labelled PolNeAR articles.

The set: every PolNeAR train/dev article published 2015-11-08 .. 2016-01-20
(the first ten weeks of the corpus; US election news from seven publishers).
Events were labelled by hand from publisher, date and title: the groups below
are articles about the same event; every other article in the window is its
own event.  A pair counts as positive when both articles are in one group.

    python benchmarks/corpus_stories.py [--encoder tfidf|minilm] [--detectors entities] [--thresholds 0.25,0.3,0.35,0.4]
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))
WINDOW = ("2015-11-08", "2016-01-20")

# Filename suffixes (unique within the window); one line per event.
GROUPS = [
    ["ben-carson-defends-himself-again", "carson-on-defense-attacking-crit"],
    ["a-meaningful-exchange-actually-h", "dems-react-to-gop-debate", "watch-the-best-moments-from-the-", "ben-carson-slams-hillary-and-the"],
    ["carnage-renews-debate-over-milit", "terrorism-moves-to-fore-of-u-s-c", "paris-attacks-test-clinton-s-str"],
    ["trump-calls-for-bringing-back-su", "trump-may-not-have-suggested-a-m"],
    ["democrats-call-for-action-while-", "san-bernardino-terror-suspect-na"],
    ["2015-12-12_misinformation-enters-mainstream", "2015-12-13_misinformation-enters-mainstream"],
    ["hillary-clinton-s-claim-that-don", "revealed-what-isis-propaganda-vi", "donald-trump-featured-in-jihadis"],
    ["2015-12-22_as-spotlight-shines-on-trump-and", "2015-12-23_as-spotlight-shines-on-trump-and"],
    ["putin-chides-turkey-and-praises-", "trump-says-praise-from-putin-hel"],
    ["golf-courses-forced-to-reach-int", "with-fewer-golfers-in-u-s-course"],
    ["jeb-bush-super-pac-chief-praises", "rose-bowl-skywriters-blast-trump"],
    ["republicans-reaction-is-that-all", "immediately-after-obama-s-terror"],
    ["carly-fiorina-bill-clinton-s-fai", "trump-turns-attacks-on-another-c"],
    ["cnn-president-on-trump-we-do-not", "cnn-just-responded-to-trump-s-ma"],
    ["benghazi-movie-hours-is-about-to", "ex-cia-chief-in-benghazi-breaks-"],
    ["tuesday-s-morning-email-presiden", "america-the-shiny-or-gloomy-obam"],
    ["conservative-icon-morton-blackwe", "long-time-leaders-of-conservativ"],
]


def records() -> list[dict]:
    base = DATA / "quotes-polnear"
    rows = csv.DictReader(open(base / "metadata.tsv", encoding="utf-8"), delimiter="\t")
    out = []
    for row in rows:
        if row["compartment"] not in ("train", "dev") or not (WINDOW[0] <= row["publication_date"] <= WINDOW[1]):
            continue
        path = base / row["compartment"] / "text" / f"{row['filename']}.txt"
        if path.exists():
            out.append({"id": row["filename"], "title": row["title"], "outlet": row["publisher"], "published": row["publication_date"], "text": path.read_text(encoding="utf-8")})
    return out


def gold_pairs(ids: list[str]) -> set[tuple[str, str]]:
    pairs = set()
    for suffixes in GROUPS:
        members = [i for i in ids if any(i.endswith(s) for s in suffixes)]
        assert len(members) == len(suffixes), (suffixes, members)
        pairs |= {tuple(sorted(p)) for p in itertools.combinations(members, 2)}
    return pairs


def predicted_pairs(stories: list[dict]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for s in stories for p in itertools.combinations(s["articles"], 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--detectors", default="entities")
    parser.add_argument("--thresholds", default="0.2,0.25,0.3,0.35,0.4,0.5")
    parser.add_argument("--encoder", default="tfidf", choices=("tfidf", "minilm"))
    parser.add_argument("--days", type=int, default=3)
    args = parser.parse_args()
    recs = records()
    gold = gold_pairs([r["id"] for r in recs])
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "polnear.jsonl", f"sqlite:///{tmp}/stories.db"
        src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "spinscope.cli", "corpus", "add", str(src), "--db", db, "--detectors", args.detectors, "--keep-boilerplate"], check=True)
        from spinscope.corpus import stories
        from spinscope.corpus.store import Store

        items = stories.load(Store(db).open())
        stored = {it["doc_id"] for it in items}
        gold = {p for p in gold if set(p) <= stored}  # an exact copy is stored once, under its first id
        print(f"encoder {args.encoder}, days {args.days}: articles {len(items)}, gold events with 2+ articles {len(GROUPS)}, gold pairs {len(gold)}")
        for threshold in (float(t) for t in args.thresholds.split(",")):
            found = predicted_pairs(stories.group(items, threshold=threshold, days=args.days, encoder=args.encoder))
            tp = len(found & gold)
            p = tp / len(found) if found else 0.0
            r = tp / len(gold)
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"threshold {threshold:.2f}: predicted pairs {len(found):4d}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
