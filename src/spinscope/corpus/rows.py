"""Reading the stored articles a page at a time: what every view and export that walks the whole store uses."""

from __future__ import annotations

from collections.abc import Iterator

PAGE = 500


def iter_rows(store, columns: tuple[str, ...] = ("id", "analysis")) -> Iterator[tuple]:
    """Article rows in insertion order, paged by primary key."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles

    last = 0
    cols = [articles.c[name] for name in columns]
    while True:
        with store.reading() as conn:
            rows = conn.execute(sa.select(*cols).where(articles.c.id > last).order_by(articles.c.id).limit(PAGE)).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]
