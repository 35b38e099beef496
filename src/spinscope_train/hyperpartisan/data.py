"""Distantly labelled articles for the hyperpartisan model: PolNeAR's articles, labelled by their publisher.

PolNeAR (Newell et al. 2018; ``quotes-polnear/``) holds 2015–2016 US political news from seven
publishers, 120 training and 12 dev articles each.  An article's label is its publisher's rating in
the Media Bias/Fact Check list shipped in ``sources/mbfc-combined.json``, the distant supervision
SemEval-2019 Task 4 used for its by-publisher set: a publisher rated ``left``, ``right``, extreme or
``fake-news``/questionable is hyperpartisan; one rated ``left-center``, ``center`` or
``right-center`` is not.  That gives Breitbart, Western Journal and HuffPost as hyperpartisan,
The New York Times, The Washington Post, Politico and USA Today as not.

Beside them, PTC-2020's 90 unlabelled test articles (``ptc2020/test-articles-unlabeled``) count as
hyperpartisan, as one more "publisher" (``ptc``): the corpus was gathered to study propaganda, and its
articles are the kind of loaded, one-sided writing the task means.  Only these 90 are used, because
the technique detector, whose findings are part of the evidence, was trained on PTC's training
articles and would find techniques in them too readily.  This label is distant too: not every PTC
article is hyperpartisan.

Wire copy (the metadata's ``wire`` column names AP, Reuters, AFP or UPI) is left out: a Breitbart
page that reprints an AP story says nothing about how Breitbart writes.  Splits: PolNeAR's own
``train`` folder trains (and the knobs are chosen on it by leave-one-publisher-out
cross-validation), its ``dev`` folder is the held-out report.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

DOMAINS = {
    "breitbart": "breitbart.com",
    "huff-post": "huffpost.com",
    "nyt": "nytimes.com",
    "politico": "politico.com",
    "usa-today": "usatoday.com",
    "wash-post": "washingtonpost.com",
    "west-journal": "westernjournal.com",
}
NOT_HYPERPARTISAN = frozenset({"left-center", "center", "right-center", "least-biased", "pro-science"})
HYPERPARTISAN = frozenset({"left", "right", "extreme-left", "extreme-right", "fake-news", "conspiracy-pseudoscience", "questionable"})
WIRE = frozenset({"ap", "reuters", "afp", "upi"})


@dataclass(frozen=True)
class Example:
    id: str
    publisher: str
    text: str
    label: int  # 1 hyperpartisan


def ratings(sources: Path) -> dict[str, str]:
    """Domain -> Media Bias/Fact Check bias, from ``sources/mbfc-combined.json``."""
    data = json.loads((sources / "mbfc-combined.json").read_text(encoding="utf-8"))
    return {s["domain"]: s.get("bias") for s in data["sources"] if s.get("domain")}


def labels(sources: Path) -> dict[str, int]:
    """Publisher -> 1 (hyperpartisan) or 0, from the ratings; a publisher whose rating says neither is left out."""
    rated = ratings(sources)
    out = {}
    for publisher, domain in DOMAINS.items():
        bias = rated.get(domain)
        if bias in HYPERPARTISAN:
            out[publisher] = 1
        elif bias in NOT_HYPERPARTISAN:
            out[publisher] = 0
    return out


def load_ptc(root: Path) -> list[Example]:
    """PTC-2020's unlabelled test articles, each labelled hyperpartisan, publisher ``ptc``."""
    folder = root / "ptc2020" / "test-articles-unlabeled"
    return [Example(f"ptc-{p.stem}", PTC, p.read_text(encoding="utf-8"), 1) for p in sorted(folder.glob("article*.txt"))]


PTC = "ptc"


def load(root: Path, part: str) -> list[Example]:
    """The labelled, non-wire articles of ``part`` (``train`` or ``dev``), sorted by id."""
    polnear = root / "quotes-polnear"
    by_publisher = labels(root / "sources")
    with (polnear / "metadata.tsv").open(encoding="utf-8", newline="") as fh:
        meta = {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}
    out = []
    for path in sorted((polnear / part / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        publisher = row.get("publisher") or path.stem.split("_", 1)[0]
        if publisher not in by_publisher or (row.get("wire") or "").strip().lower() in WIRE:
            continue
        out.append(Example(path.stem, publisher, path.read_text(encoding="utf-8"), by_publisher[publisher]))
    return out
