"""Tidy tables of the store, for CSV and Parquet: one value a cell, never a JSON object or list.

Each table is a list of column names and an iterator of flat rows:

- ``articles``: one row per stored article, the store's flat columns plus span counts;
- ``spans``: one row per span, beside its article's id, outlet, title, date and URL;
  scalar ``attrs`` become ``attr.<key>`` columns (``attr.speaker.text`` for a nested object);
- ``outlets``: one row per outlet, as ``spinscope outlets`` gives them;
- ``stories``: one row per story; ``story_outlets``: one per story and outlet, with how the
  outlet framed it; ``story_articles``: one per story and article;
- ``duplicates``: one row per pair, as ``spinscope duplicates`` gives them.

Flattening (:func:`flatten`) is the same everywhere: an object's keys become dotted columns
(``genres.opinion``), a list of names or numbers becomes one ``"; "``-joined string, and a list
of objects is left out (its rows are another table, or the JSONL export holds it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import NamedTuple

TABLES = ("articles", "spans", "outlets", "stories", "story_outlets", "story_articles", "duplicates", "travelling_claims")
JOIN = "; "
ARTICLE_COLUMNS = (
    "store_id",
    "id",
    "title",
    "outlet",
    "outlet_group",
    "domain",
    "published",
    "url",
    "source",
    "genre",
    "hyperpartisan",
    "hyperpartisan_flag",
    "tone",
    "words",
    "spans",
    "techniques",
    "claims",
    "quotes",
    "frames",
    "content_hash",
    "previous_version",
    "added_at",
)
SPAN_COLUMNS = ("article_id", "outlet", "title", "published", "url", "kind", "label", "start", "end", "score", "text")
STORY_COLUMNS = ("id", "label", "headline", "start", "end", "article_count", "outlet_count", "outlets", "articles", "blindspot")
STORY_OUTLET_COLUMNS = ("story_id", "story_label", "outlet", "leaning", "side", "factuality", "articles", "techniques_per_1000_words", "tone", "article_ids")
STORY_ARTICLE_COLUMNS = ("story_id", "article_id", "outlet")
DUPLICATE_COLUMNS = ("a", "b", "jaccard", "first", "first_from", "outlet_a", "outlet_b", "published_a", "published_b", "origin_a", "origin_b")


class Table(NamedTuple):
    """A tidy table: its columns, each column's type (``bool``, ``int``, ``float`` or ``str``), and its rows."""

    columns: list[str]
    types: dict[str, str]
    rows: Iterator[dict]


ARTICLE_TYPES = {"store_id": "int", "hyperpartisan": "float", "hyperpartisan_flag": "bool", "tone": "float", "words": "int", "previous_version": "int", "added_at": "float"}
ARTICLE_TYPES |= {c: "int" for c in ("spans", "techniques", "claims", "quotes")}
SPAN_TYPES = {"start": "int", "end": "int", "score": "float"}


def kind_of(values: Iterable) -> str:
    """The narrowest of ``bool``, ``int``, ``float`` and ``str`` that holds every non-null value."""
    return kind_of_types({type(v) for v in values})


def kind_of_types(kinds: set[type]) -> str:
    kinds = kinds - {type(None)}
    if not kinds or kinds == {bool}:
        return "bool" if kinds else "str"
    if kinds <= {int}:
        return "int"
    if kinds <= {int, float}:
        return "float"
    return "str"


def is_scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def flatten(row: dict, prefix: str = "") -> dict:
    """``row`` with objects as dotted columns and lists of scalars joined; lists of objects left out."""
    flat: dict = {}
    for name, value in row.items():
        column = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(flatten(value, column + "."))
        elif isinstance(value, (list, tuple)):
            if all(is_scalar(v) for v in value):
                flat[column] = JOIN.join("" if v is None else str(v) for v in value)
        else:
            flat[column] = value
    return flat


def columns_of(rows: list[dict], first: Iterable[str] = ()) -> list[str]:
    """The columns of ``rows``: ``first`` (each as itself or as the dotted columns flattened from it), then the others in the order met."""
    met: dict[str, None] = {}
    for row in rows:
        met.update(dict.fromkeys(row))
    ordered = [c for name in first for c in ([c for c in met if c == name or c.startswith(name + ".")] or [name])]
    return list(dict.fromkeys(ordered + list(met)))


def table(store, name: str, **options) -> Table:
    """The columns and rows of table ``name`` (one of ``TABLES``); ``options`` go to the stories or duplicates view."""
    from spinscope.errors import UsageError

    if name not in TABLES:
        raise UsageError("E506", what="table", name=name, choices=", ".join(TABLES))
    if name == "articles":
        return Table(list(ARTICLE_COLUMNS), {c: ARTICLE_TYPES.get(c, "str") for c in ARTICLE_COLUMNS}, article_rows(store))
    if name == "spans":
        return span_table(store)
    if name == "outlets":
        from spinscope.corpus.outlets import TABLE_COLUMNS, outlet_rows

        return listed([flatten(r) for r in outlet_rows(store)], TABLE_COLUMNS)
    if name == "duplicates":
        from spinscope.corpus.duplicates import find

        return listed([flatten(r) for r in find(store, **options)], DUPLICATE_COLUMNS)
    if name == "travelling_claims":
        from spinscope.corpus import travel

        return listed(travel.rows(travel.find(store, **options)), travel.CSV_COLUMNS)
    from spinscope.corpus.stories import find

    stories = find(store, **options)
    if name == "stories":
        return listed(story_rows(stories), STORY_COLUMNS)
    if name == "story_outlets":
        return listed(story_outlet_rows(stories), STORY_OUTLET_COLUMNS)
    return listed(story_article_rows(stories), STORY_ARTICLE_COLUMNS)


def listed(rows: list[dict], first: Iterable[str]) -> Table:
    columns = columns_of(rows, first) or list(first)
    return Table(columns, {c: kind_of(r.get(c) for r in rows) for c in columns}, iter(rows))


def story_rows(stories: list[dict]) -> list[dict]:
    """One row per story: its label, dates, counts, and its outlets and article ids joined; other scalar keys kept."""
    rows = []
    for s in stories:
        outlets = s.get("outlets") if isinstance(s.get("outlets"), dict) else {}
        articles = s.get("articles") or []
        known = {"id": s.get("id"), "label": s.get("label"), "start": s.get("start"), "end": s.get("end")}
        known |= {"article_count": len(articles), "outlet_count": len(outlets), "outlets": JOIN.join(outlets), "articles": JOIN.join(map(str, articles))}
        extra = {k: v for k, v in s.items() if k not in known and k not in ("framing",) and is_scalar(v)}
        sides = {f"sides.{k}": v for k, v in (s.get("sides") or {}).items()} if isinstance(s.get("sides"), dict) else {}
        rows.append(known | extra | sides)
    return rows


def story_outlet_rows(stories: list[dict]) -> list[dict]:
    """One row per story and outlet: the outlet's articles in it, technique density and tone (``framing``)."""
    rows = []
    for s in stories:
        outlets = s.get("outlets") if isinstance(s.get("outlets"), dict) else {}
        framing = s.get("framing") if isinstance(s.get("framing"), dict) else {}
        coverage = s.get("coverage") if isinstance(s.get("coverage"), dict) else {}
        rated = {r.get("outlet"): r for r in coverage.get("outlets") or [] if isinstance(r, dict)}
        for outlet in list(dict.fromkeys([*outlets, *framing])):
            figures = framing.get(outlet) if isinstance(framing.get(outlet), dict) else {}
            ids = outlets.get(outlet) or []
            row = {"story_id": s.get("id"), "story_label": s.get("label"), "outlet": outlet, "articles": figures.get("articles", len(ids))}
            row |= {"techniques_per_1000_words": figures.get("techniques_per_1000_words"), "tone": figures.get("tone")}
            row |= {k: (rated.get(outlet) or {}).get(k) for k in ("leaning", "side", "factuality")}
            row |= {k: v for k, v in flatten(figures).items() if k not in row}
            rows.append(row | {"article_ids": JOIN.join(map(str, ids))})
    return rows


def story_article_rows(stories: list[dict]) -> list[dict]:
    """One row per story and article, with the article's outlet."""
    rows = []
    for s in stories:
        outlets = s.get("outlets") if isinstance(s.get("outlets"), dict) else {}
        outlet_of = {str(i): o for o, ids in outlets.items() for i in (ids or [])}
        rows += [{"story_id": s.get("id"), "article_id": a, "outlet": outlet_of.get(str(a))} for a in s.get("articles") or []]
    return rows


def article_rows(store) -> Iterator[dict]:
    """One flat row per stored article, in insertion order, a page at a time."""
    from spinscope.corpus.outlet_names import canonical, outlet_groups
    from spinscope.corpus.rows import PAGE, iter_rows

    with store.reading() as conn:
        groups = outlet_groups(conn)
    stored = (
        "id",
        "doc_id",
        "title",
        "outlet",
        "domain",
        "published",
        "url",
        "source",
        "genre",
        "hyperpartisan",
        "hyperpartisan_flag",
        "tone",
        "words",
        "content_hash",
        "previous_version",
        "added_at",
    )
    page: list[dict] = []
    for row in iter_rows(store, stored):
        record = dict(zip(stored, row))
        record["store_id"], record["id"] = record.pop("id"), record.pop("doc_id")
        record["outlet_group"] = canonical(groups, record["outlet"])
        page.append(record)
        if len(page) >= PAGE:
            yield from _with_counts(store, page)
            page = []
    yield from _with_counts(store, page)


def _with_counts(store, page: list[dict]) -> Iterator[dict]:
    """The page's rows with their span counts (all, techniques, claims, quotes) and frames."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import frames, spans

    if not page:
        return
    ids = [r["store_id"] for r in page]
    counts: dict[int, dict[str, int]] = {}
    chosen: dict[int, list[str]] = {}
    with store.reading() as conn:
        for article_id, kind, n in conn.execute(sa.select(spans.c.article_id, spans.c.kind, sa.func.count()).where(spans.c.article_id.in_(ids)).group_by(spans.c.article_id, spans.c.kind)):
            counts.setdefault(article_id, {})[kind] = int(n)
        for article_id, frame in conn.execute(sa.select(frames.c.article_id, frames.c.frame).where(frames.c.article_id.in_(ids)).order_by(frames.c.article_id, frames.c.score.desc())):
            chosen.setdefault(article_id, []).append(frame)
    for r in page:
        per = counts.get(r["store_id"], {})
        r |= {"spans": sum(per.values()), "techniques": per.get("technique", 0), "claims": per.get("claim", 0), "quotes": per.get("quote", 0)}
        r["frames"] = JOIN.join(chosen.get(r["store_id"], []))
        yield {c: r.get(c) for c in ARTICLE_COLUMNS}


def span_table(store) -> Table:
    """The spans' columns (``SPAN_COLUMNS`` and every ``attr.`` column met in a first pass), their types and rows."""
    from spinscope.corpus.rows import iter_rows

    attrs: dict[str, set] = {}
    for _id, analysis in iter_rows(store):
        for span in json.loads(analysis).get("spans", []):
            for k, v in flatten(span.get("attrs") or {}, "attr.").items():
                attrs.setdefault(k, set()).add(type(v))
    types = {c: SPAN_TYPES.get(c, "str") for c in SPAN_COLUMNS} | {k: kind_of_types(kinds) for k, kinds in attrs.items()}
    return Table(list(SPAN_COLUMNS) + sorted(attrs), types, span_rows(store))


def span_rows(store) -> Iterator[dict]:
    """One row per span of every stored analysis, in insertion order."""
    from spinscope.corpus.rows import iter_rows

    for _id, analysis in iter_rows(store):
        data = json.loads(analysis)
        text = data.get("text", "")
        article = {"article_id": data.get("id"), "outlet": data.get("outlet"), "title": data.get("title"), "published": data.get("published"), "url": data.get("url")}
        for s in data.get("spans", []):
            row = article | {k: s.get(k) for k in ("kind", "label", "start", "end", "score")}
            yield row | {"text": text[s["start"] : s["end"]]} | flatten(s.get("attrs") or {}, "attr.")
