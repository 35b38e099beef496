"""Score what spinscope recovers from pasted pages: title, day, author, outlet and main text.

Usage::

    python benchmarks/extraction/metadata.py [--per-template 20] [--seed 13] [--pools pools_fresh]

The pages are the extraction benchmark's (``make_pages.py``: corpus articles set
in eight page templates, with menus, bylines, adverts, appeals and forms), and
the input is each page's visible text as select-all-and-copy gives it (no meta
tags).  The gold is what the page generator put into the page: the headline,
the author, the outlet and the publication day (``pools.DATES``, in six
formats).  A field counts as right when spinscope's value equals the gold one
(titles and names compared case- and space-insensitively, outlets also without a
leading "The"; the day as an ISO date).  ``visible`` gives the share of pages
whose copied text shows the field at all: the rest cannot be recovered from the
text.  The main text is scored as ``run.py`` scores it (word 4-gram shingles).

The baseline, in the same run, is trafilatura's ``bare_extraction`` on the same
pasted text, each line given to it as a paragraph of an HTML page.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_pages as M  # noqa: E402
from run import score  # noqa: E402

FIELDS = ("title", "day", "author", "outlet")


def norm(s: str | None) -> str:
    s = re.sub(r"[\s\u00a0]+", " ", (s or "").replace("’", "'").replace("“", '"').replace("”", '"')).strip().casefold()
    return s


def norm_outlet(s: str | None) -> str:
    return re.sub(r"^the ", "", norm(s))


def gold_of(page: dict) -> dict:
    from spinscope.ingest.metadata import parse_date

    ctx = page["meta"]
    return {"title": ctx["title"], "day": parse_date(ctx["date"]), "author": ctx["author"], "outlet": ctx["outlet"], "date_text": ctx["date"]}


def visible(page: dict, gold: dict) -> dict[str, bool]:
    copy = norm(page["copy"])
    return {"title": norm(gold["title"]) in copy, "day": norm(gold["date_text"]) in copy, "author": norm(gold["author"]) in copy, "outlet": norm(gold["outlet"]) in copy}


def spinscope_fields(text: str) -> dict:
    from spinscope.ingest import from_string

    a = from_string(text)
    return {"title": a.title, "day": (a.published or "")[:10] or None, "authors": list(a.authors or []), "outlet": a.outlet, "text": a.text}


def trafilatura_fields(text: str) -> dict:
    import trafilatura

    from spinscope.ingest.metadata import parse_date

    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    doc = trafilatura.bare_extraction(f"<html><body>{body}</body></html>", with_metadata=True, output_format="python")
    get = (lambda k: getattr(doc, k, None)) if doc is not None and not isinstance(doc, dict) else (lambda k: (doc or {}).get(k))
    author = get("author") or ""
    return {
        "title": get("title"),
        "day": parse_date(get("date") or "") if get("date") else None,
        "authors": [a.strip() for a in author.split(";") if a.strip()],
        "outlet": get("sitename"),
        "text": "\n".join(x for x in (get("title"), get("text")) if x),
    }


def right(field: str, found: dict, gold: dict) -> bool:
    if field == "title":
        return norm(found["title"]) == norm(gold["title"])
    if field == "day":
        return found["day"] is not None and found["day"] == gold["day"]
    if field == "author":
        return any(norm(a) == norm(gold["author"]) for a in found["authors"])
    return norm_outlet(found["outlet"]) == norm_outlet(gold["outlet"])


def evaluate(pages: list[dict]) -> dict:
    systems = {"trafilatura on the pasted text": trafilatura_fields, "spinscope": spinscope_fields}
    results: dict = {}
    for name, fn in systems.items():
        fn(pages[0]["copy"])  # warm-up
        hits = {f: 0 for f in FIELDS}
        f1s, seconds = [], 0.0
        for page in pages:
            gold = gold_of(page)
            t0 = time.perf_counter()
            found = fn(page["copy"])
            seconds += time.perf_counter() - t0
            for f in FIELDS:
                hits[f] += right(f, found, gold)
            f1s.append(score(found["text"], page["gold"])[2])
        results[name] = {**{f: hits[f] / len(pages) for f in FIELDS}, "text_f1": sum(f1s) / len(f1s), "ms_per_page": 1000 * seconds / len(pages)}
    shown = [visible(p, gold_of(p)) for p in pages]
    results["visible in the pasted text"] = {f: sum(s[f] for s in shown) / len(pages) for f in FIELDS}
    return results


def misses(pages: list[dict], field: str, limit: int) -> None:
    shown = 0
    for page in pages:
        gold = gold_of(page)
        found = spinscope_fields(page["copy"])
        if not right(field, found, gold) and visible(page, gold)[field] and shown < limit:
            shown += 1
            value = found["authors"] if field == "author" else found[field]
            print(f"  {page['id']:24} gold {gold[field]!r:40} got {value!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-template", type=int, default=20)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--pools", default="pools", help="phrasing pools module: pools (default) or pools_fresh")
    ap.add_argument("--misses", choices=FIELDS, help="also list the pages where spinscope misses this field although the text shows it")
    args = ap.parse_args()
    M.use_pools(args.pools)
    root = M.data_dir()
    if not root.is_dir():
        sys.exit(f"no corpus folder at {root}: set SPINSCOPE_DATA")
    pages = M.build_pages(M.load_articles(root), args.per_template, args.seed)
    print(f"{len(pages)} pasted pages, {len({p['template'] for p in pages})} templates, pools {args.pools}: share of pages with each field right\n")
    print(f"{'system':34} {'title':>6} {'day':>6} {'author':>6} {'outlet':>6} {'text F1':>8} {'ms/page':>8}")
    for name, row in evaluate(pages).items():
        cells = " ".join(f"{row[f]:6.3f}" for f in FIELDS)
        tail = f" {row['text_f1']:8.3f} {row['ms_per_page']:8.2f}" if "text_f1" in row else ""
        print(f"{name:34} {cells}{tail}")
    if args.misses:
        print(f"\nspinscope misses on {args.misses} (field visible):")
        misses(pages, args.misses, 15)


if __name__ == "__main__":
    main()
