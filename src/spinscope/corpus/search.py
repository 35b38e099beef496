"""Full-text search over stored articles, with filters on their analyses.

SQLite uses a contentless FTS5 table (the index only; the text stays in the
analysis JSON), PostgreSQL a ``tsvector`` column with a GIN index.  The user's
query is reduced to its words, each quoted, so it can never be read as FTS
syntax; it and every filter value travel as bound parameters.
"""

from __future__ import annotations

import json
import re

_WORD = re.compile(r"\w+")
CONTEXT = 80


def create_index(bind) -> None:
    import sqlalchemy as sa

    if bind.dialect.name == "sqlite":
        bind.execute(sa.text("CREATE VIRTUAL TABLE article_search USING fts5(title, body, content='', tokenize='porter unicode61')"))
    else:
        bind.execute(sa.text("CREATE TABLE article_search (article_id INTEGER PRIMARY KEY REFERENCES articles(id), tsv tsvector NOT NULL)"))
        bind.execute(sa.text("CREATE INDEX ix_article_search_tsv ON article_search USING GIN (tsv)"))


def drop_index(bind) -> None:
    import sqlalchemy as sa

    bind.execute(sa.text("DROP TABLE IF EXISTS article_search"))


def index_article(bind, article_id: int, title: str | None, text: str) -> None:
    """Add one article to the full-text index (inside the caller's transaction)."""
    import sqlalchemy as sa

    params = {"id": article_id, "title": title or "", "body": text}
    if bind.dialect.name == "sqlite":
        bind.execute(sa.text("INSERT INTO article_search (rowid, title, body) VALUES (:id, :title, :body)"), params)
    else:
        bind.execute(sa.text("INSERT INTO article_search (article_id, tsv) VALUES (:id, setweight(to_tsvector('english', :title), 'A') || to_tsvector('english', :body))"), params)


def terms(query: str) -> list[str]:
    return _WORD.findall(query)


def _hits(dialect: str, query: str):
    """A subquery of (article_id, rank) for ``query``; lower rank is better."""
    import sqlalchemy as sa

    cols = (sa.column("article_id", sa.Integer), sa.column("rank", sa.Float))
    if dialect == "sqlite":
        fts = " ".join(f'"{word}"' for word in terms(query))
        stmt = sa.text("SELECT rowid AS article_id, rank AS rank FROM article_search WHERE article_search MATCH :q").bindparams(q=fts)
    else:
        stmt = sa.text("SELECT article_id, -ts_rank(tsv, plainto_tsquery('english', :q)) AS rank FROM article_search WHERE tsv @@ plainto_tsquery('english', :q)").bindparams(q=query)
    return stmt.columns(*cols).subquery("hits")


def search(store, query: str, *, technique: str | None = None, outlet: str | None = None, actor: str | None = None, genre: str | None = None, limit: int = 20) -> list[dict]:
    """Articles matching ``query`` and every filter given, best first, each with its matching spans in context."""
    import sqlalchemy as sa

    from spinscope.corpus.filters import conditions, resolve
    from spinscope.corpus.schema import actors, articles

    stmt = sa.select(articles.c.id, articles.c.analysis)
    if terms(query):
        hits = _hits(store.dialect, query)
        stmt = stmt.join(hits, hits.c.article_id == articles.c.id).order_by(hits.c.rank, articles.c.id)
    else:
        stmt = stmt.order_by(articles.c.id)
    if actor:
        stmt = stmt.where(sa.exists().where(actors.c.article_id == articles.c.id, sa.func.lower(actors.c.name) == actor.lower()))
    with store.reading() as conn:
        found = resolve(conn, technique=technique, genre=genre, outlet=outlet)
        rows = conn.execute(stmt.where(*conditions(found)).limit(limit)).fetchall()
    return [_hit(json.loads(analysis), query, found.techniques) for _id, analysis in rows]


def _hit(data: dict, query: str, technique: set[str]) -> dict:
    text = data["text"]
    words = [w.lower() for w in terms(query)]
    return {
        "id": data["id"],
        "title": data.get("title"),
        "outlet": data.get("outlet"),
        "url": data.get("url"),
        "published": data.get("published"),
        "snippet": snippet(text, words),
        "spans": [_span_view(s, text) for s in data.get("spans", []) if _span_matches(s, text, words, technique)],
    }


def _span_matches(span: dict, text: str, words: list[str], technique: set[str]) -> bool:
    if technique:
        return span["kind"] == "technique" and span["label"] in technique
    covered = text[span["start"] : span["end"]].lower()
    return bool(words) and span["kind"] != "entity" and any(w in covered for w in words)


def _span_view(span: dict, text: str) -> dict:
    start, end = span["start"], span["end"]
    return {
        "kind": span["kind"],
        "label": span["label"],
        "start": start,
        "end": end,
        "text": text[start:end],
        "context": text[max(0, start - CONTEXT) : start] + "[" + text[start:end] + "]" + text[end : end + CONTEXT],
    }


def snippet(text: str, words: list[str]) -> str:
    """The text around the first query word, or the opening when none occurs literally."""
    low = text.lower()
    found = [i for i in (low.find(w) for w in words) if i >= 0]
    at = min(found) if found else 0
    start = max(0, at - CONTEXT)
    piece = text[start : at + CONTEXT * 2].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if at + CONTEXT * 2 < len(text) else "")


TABLE_COLUMNS = ("id", "outlet", "published", "title", "snippet", "spans")
