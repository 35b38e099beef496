"""Build the extraction benchmark: corpus articles set inside realistic page templates.

Usage::

    python benchmarks/extraction/make_pages.py [--out DIR] [--per-template 20] [--seed 13]

Writes, per page, ``<id>.html`` (the page), ``<id>.gold.txt`` (title and body
paragraphs: what extraction should return) and ``<id>.copy.txt`` (the page's
visible text as a reader would copy it, boilerplate and all), plus
``pages.jsonl`` naming each page's template and source article.  The output
goes to a temporary folder by default and must never be committed: the
article texts come from research corpora (see ``$SPINSCOPE_DATA``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import templates as T  # noqa: E402

DEFAULT_OUT = Path(tempfile.gettempdir()) / "spinscope-extraction-pages"
BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "main",
    "td",
    "amp-ad",
}
HIDDEN_TAGS = {"script", "style", "head", "noscript", "template", "amp-sidebar", "textarea"}


def data_dir() -> Path:
    repo = HERE.parents[1]
    return Path(os.environ.get("SPINSCOPE_DATA", repo.parent / "shared" / "data"))


def _paragraphs(body: str) -> list[str]:
    """Blank-line separated groups, each joined to one line."""
    groups = re.split(r"\n\s*\n", body.strip())
    return [" ".join(line.strip() for line in g.splitlines() if line.strip()) for g in groups if g.strip()]


def load_articles(root: Path) -> list[dict]:
    """Title and paragraphs of every PTC training article and PolNeAR text, sorted by id."""
    paths = sorted((root / "ptc2020" / "train-articles").glob("article*.txt"))
    paths += sorted((root / "quotes-polnear").glob("*/text/*.txt"))
    articles = []
    for path in paths:
        title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        paras = _paragraphs(body)
        if title.strip() and 3 <= len(paras) and sum(len(p.split()) for p in paras) >= 150:
            articles.append({"id": path.stem, "title": title.strip(), "paragraphs": paras[:40]})
    return articles


def build_pages(articles: list[dict], per_template: int, seed: int) -> list[dict]:
    """Deterministic pages: each template gets ``per_template`` articles drawn without replacement."""
    rng = random.Random(seed)
    pool = articles[:]
    rng.shuffle(pool)
    pages, k = [], 0
    for name, template in T.TEMPLATES.items():
        for i in range(per_template):
            art = pool[k % len(pool)]
            k += 1
            ctx = _context(rng, art["title"])
            html = template(rng, art["title"], art["paragraphs"], ctx)
            gold = "\n\n".join([art["title"], *art["paragraphs"]])
            pages.append({"id": f"{name}-{i:03d}", "template": name, "article": art["id"], "html": html, "gold": gold, "copy": render_copy(html), "meta": ctx})
    return pages


def _context(rng: random.Random, title: str) -> dict:
    author = rng.choice(T.X.P.AUTHORS)
    return {
        "title": title,
        "outlet": rng.choice(T.X.P.OUTLETS),
        "author": author,
        "date": rng.choice(T.X.P.DATES),
        "year": rng.randint(2015, 2021),
        "email": author.split()[0].lower() + "@example.org",
    }


def use_pools(name: str) -> None:
    """Draw boilerplate phrasing from another pools module (``pools_fresh``: phrasing the rules were not tuned on)."""
    import importlib

    T.X.P = importlib.import_module(name)


def render_copy(html: str) -> str:
    """The page's visible text as select-all-and-copy gives it: a blank line between blocks."""
    from lxml import html as lh

    root = lh.fromstring(html)
    out: list[str] = []
    _walk(root, out)
    text = "".join(out)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in HIDDEN_TAGS:
        out.append(el.tail or "")
        return
    block = tag in BLOCK_TAGS
    if block:
        out.append("\n\n" if tag not in ("li", "td") else "\n")
    if tag == "br":
        out.append("\n")
    out.append(el.text or "")
    for child in el:
        _walk(child, out)
    if block and tag not in ("li", "td"):
        out.append("\n\n")
    out.append(el.tail or "")


def write_pages(pages: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "pages.jsonl", "w", encoding="utf-8") as manifest:
        for p in pages:
            (out / f"{p['id']}.html").write_text(p["html"], encoding="utf-8")
            (out / f"{p['id']}.gold.txt").write_text(p["gold"], encoding="utf-8")
            (out / f"{p['id']}.copy.txt").write_text(p["copy"], encoding="utf-8")
            manifest.write(json.dumps({"id": p["id"], "template": p["template"], "article": p["article"]}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--per-template", type=int, default=20)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--pools", default="pools", help="phrasing pools module: pools (default) or pools_fresh")
    args = ap.parse_args()
    use_pools(args.pools)
    root = data_dir()
    if not root.is_dir():
        sys.exit(f"no corpus folder at {root}: set SPINSCOPE_DATA")
    pages = build_pages(load_articles(root), args.per_template, args.seed)
    write_pages(pages, args.out)
    print(f"wrote {len(pages)} pages from {len(T.TEMPLATES)} templates to {args.out}")


if __name__ == "__main__":
    main()
