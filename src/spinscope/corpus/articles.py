"""Stored articles one at a time or a page at a time: what the API's article list and pages show.

Every filter value is a bound parameter; the same statements run on SQLite
and PostgreSQL.  An article is found by the id it was stored under or by the
id of any later sighting of the same text (an exact copy is stored once).
"""

from __future__ import annotations

import json
import re

from spinscope.errors import UsageError

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def list_articles(
    store,
    *,
    offset: int = 0,
    limit: int = 50,
    outlet: str | None = None,
    technique: str | None = None,
    actor: str | None = None,
    genre: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> dict:
    """A page of articles matching every filter given, newest first: ``{"items": [...], "total": N}``.

    ``outlet``, ``technique`` and ``genre`` are matched as :mod:`.filters` says
    (a value that matches nothing known raises ``E511``); ``actor`` is
    case-insensitive; ``date_from``/``date_to`` (YYYY-MM-DD, both inclusive)
    compare the calendar day of ``published``, so undated articles drop out
    when either is given.
    """
    import sqlalchemy as sa

    from spinscope.corpus.filters import conditions, resolve
    from spinscope.corpus.schema import articles as a

    with store.reading() as conn:
        conds = _conditions(actor=actor, date_from=date_from, date_to=date_to) + conditions(resolve(conn, technique=technique, genre=genre, outlet=outlet))
    page = (
        sa.select(a.c.doc_id, a.c.title, a.c.outlet, a.c.published)
        .where(*conds)
        .order_by(a.c.published.is_(None), a.c.published.desc(), a.c.id.desc())
        .offset(max(0, int(offset)))
        .limit(max(0, int(limit)))
    )
    with store.reading() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(a).where(*conds)).scalar_one()
        rows = conn.execute(page).fetchall()
    items = [{"id": doc_id, "title": title, "outlet": outlet_, "published": published} for doc_id, title, outlet_, published in rows]
    return {"items": items, "total": int(total)}


def _conditions(*, actor, date_from, date_to) -> list:
    """SQLAlchemy conditions on ``articles`` for the actor and date filters that are set (the others: :mod:`.filters`)."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import actors
    from spinscope.corpus.schema import articles as a

    conds = []
    if actor:
        conds.append(sa.exists().where(actors.c.article_id == a.c.id, sa.func.lower(actors.c.name) == actor.lower()))
    day = sa.func.substr(a.c.published, 1, 10)
    if date_from:
        conds.append(day >= _day("date_from", date_from))
    if date_to:
        conds.append(day <= _day("date_to", date_to))
    return conds


def _day(name: str, value: str) -> str:
    if not _DAY.fullmatch(value.strip()):
        raise UsageError("E505", name=name, value=value)
    return value.strip()


def get_article(store, doc_id: str) -> dict | None:
    """The stored analysis with this id, parsed from the exact JSON stored; None when there is none.

    The id is looked up among stored articles first (the newest version wins),
    then among sightings, so the id of an exact copy finds the text it copies.
    """
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a
    from spinscope.corpus.schema import sightings as s

    own = sa.select(a.c.analysis).where(a.c.doc_id == doc_id).order_by(a.c.id.desc()).limit(1)
    seen = sa.select(a.c.analysis).join(s, s.c.article_id == a.c.id).where(s.c.doc_id == doc_id).order_by(a.c.id.desc()).limit(1)
    with store.reading() as conn:
        found = conn.execute(own).scalar() or conn.execute(seen).scalar()
    return json.loads(found) if found else None
