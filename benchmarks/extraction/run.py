"""Score HTML extraction and the plain-text cleaner on the generated benchmark pages.

Usage::

    python benchmarks/extraction/run.py [--pages DIR] [--per-template 20] [--seed 13]

Builds the pages in memory (same generator and seed as ``make_pages.py``) unless
``--pages`` names a folder that ``make_pages.py`` wrote.  Scoring follows the
public article-extraction benchmarks: the text is lower-cased and split on
whitespace into word 4-gram shingles, counted as a *multiset*; per page
P = |pred ∩ gold| / |pred| and R = |pred ∩ gold| / |gold|, and F1 from them;
the table gives the mean of each over the pages.  An empty prediction scores 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_pages as M  # noqa: E402

N = 4


def shingles(text: str) -> Counter:
    """Word 4-grams of the lower-cased, whitespace-split text (the whole text when shorter)."""
    words = text.lower().split()
    if len(words) < N:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + N]) for i in range(len(words) - N + 1))


def score(pred: str, gold: str) -> tuple[float, float, float]:
    p_sh, g_sh = shingles(pred), shingles(gold)
    if not p_sh or not g_sh:
        return 0.0, 0.0, 0.0
    overlap = sum((p_sh & g_sh).values())
    p, r = overlap / sum(p_sh.values()), overlap / sum(g_sh.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def systems() -> dict:
    """Name -> (input field, function from that input to text)."""
    import trafilatura

    from spinscope.ingest import from_string
    from spinscope.ingest.boilerplate import remove_boilerplate
    from spinscope.options import Options

    def spinscope_text(html: str, keep: bool) -> str:
        try:
            return from_string(html, options=Options(keep_boilerplate=keep)).text
        except Exception:  # an input error is an empty extraction here
            return ""

    return {
        "trafilatura.extract": ("html", lambda h: trafilatura.extract(h) or ""),
        "spinscope": ("html", lambda h: spinscope_text(h, False)),
        "spinscope keep_boilerplate": ("html", lambda h: spinscope_text(h, True)),
        "copied text, as is": ("copy", lambda t: t),
        "copied text, remove_boilerplate": ("copy", lambda t: remove_boilerplate(t)[0]),
    }


def evaluate(pages: list[dict], names: list[str] | None = None) -> dict:
    """Per system and template: mean P, R, F1 and the median milliseconds per page; template 'all' pools every page.

    The median, because one page can carry a one-time cost (htmldate imports dateparser, about 4 s,
    the first time a page's date needs parsing).
    """
    results: dict = {}
    for name, (field, fn) in systems().items():
        if names and name not in names:
            continue
        rows: dict[str, list] = {}
        fn(pages[0][field])  # warm-up: imports and lazy loading are not per-page costs
        for page in pages:
            t0 = time.perf_counter()
            text = fn(page[field])
            ms = (time.perf_counter() - t0) * 1000
            row = (*score(text, page["gold"]), ms)
            rows.setdefault(page["template"], []).append(row)
            rows.setdefault("all", []).append(row)
        results[name] = {t: [*(sum(col) / len(col) for col in list(zip(*r))[:3]), statistics.median(x[3] for x in r)] for t, r in rows.items()}
    return results


def load_pages(folder: Path) -> list[dict]:
    pages = []
    for line in open(folder / "pages.jsonl", encoding="utf-8"):
        meta = json.loads(line)
        read = lambda suffix, meta=meta: (folder / f"{meta['id']}{suffix}").read_text(encoding="utf-8")
        pages.append({**meta, "html": read(".html"), "gold": read(".gold.txt"), "copy": read(".copy.txt")})
    return pages


def print_table(results: dict) -> None:
    templates = list(next(iter(results.values())))
    templates = [t for t in templates if t != "all"] + ["all"]
    print(f"{'system':34} {'template':20} {'P':>6} {'R':>6} {'F1':>6} {'ms/page':>8}  (median ms)")
    for name, by_template in results.items():
        for t in templates:
            p, r, f, ms = by_template[t]
            print(f"{name:34} {t:20} {p:6.3f} {r:6.3f} {f:6.3f} {ms:8.2f}")
        print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, help="a folder written by make_pages.py")
    ap.add_argument("--per-template", type=int, default=20)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--pools", default="pools", help="phrasing pools module: pools (default) or pools_fresh")
    args = ap.parse_args()
    M.use_pools(args.pools)
    if args.pages:
        pages = load_pages(args.pages)
    else:
        root = M.data_dir()
        if not root.is_dir():
            sys.exit(f"no corpus folder at {root}: set SPINSCOPE_DATA")
        pages = M.build_pages(M.load_articles(root), args.per_template, args.seed)
    print(f"{len(pages)} pages, {len({p['template'] for p in pages})} templates, pools {args.pools}; shingles: word 4-grams, multisets; means over pages\n")
    results = evaluate(pages)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
