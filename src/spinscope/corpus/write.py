"""Write finished analyses into the store, one transaction per batch.

Each analysis is stored as the exact JSON string the pipeline produced, and
flattened into the rows the views query (spans, actors, signature, search
index).  A text already in the store (same content hash) is not stored again;
the new sighting is recorded instead.  A new text at a URL already stored
becomes a new version linked to the newest earlier one.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field

from spinscope.corpus.domains import registered_domain, squash
from spinscope.model import content_hash

__all__ = ["Stored", "add_sighting", "fill_missing", "outlet_of", "registered_domain", "write_batch"]

UNKNOWN_OUTLET = "unknown"


@dataclass
class Stored:
    """One analysis ready to store: its JSON exactly as produced, and the parsed data."""

    json: str
    data: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str) -> "Stored":
        return cls(json=text, data=json.loads(text))


def outlet_of(data: dict) -> str:
    """The record's outlet, else the URL's registered domain, else ``unknown``."""
    outlet = (data.get("outlet") or "").strip()
    return outlet or registered_domain(data.get("url")) or UNKNOWN_OUTLET


def write_batch(store, batch: list[Stored], run_id: int | None) -> Counter:
    """Store ``batch`` in one transaction; returns counts of ``stored`` and ``known`` texts."""
    return store.write(lambda conn: _write_batch(conn, batch, run_id))


def _write_batch(conn, batch: list[Stored], run_id: int | None) -> Counter:
    """The body of :func:`write_batch`; safe to run again when a lost connection rolled it back."""
    from spinscope.corpus.schema import runs

    counts: Counter = Counter()
    known = existing_hashes(conn, [content_hash(s.data["text"]) for s in batch])
    for item in batch:
        digest = content_hash(item.data["text"])
        if digest in known:
            add_sighting(conn, known[digest], item.data)
            counts["filled"] += fill_missing(conn, known[digest], item.data)
            counts["known"] += 1
            continue
        known[digest] = _insert_article(conn, item, digest, run_id)
        counts["stored"] += 1
    if run_id is not None and counts["stored"]:
        conn.execute(runs.update().where(runs.c.id == run_id).values(analysed=runs.c.analysed + counts["stored"]))
    return counts


def add_analysis(store, analysis) -> Counter:
    """Store one finished analysis (an :class:`~spinscope.model.Analysis` or its dict) in its own transaction.

    The same rules as ``corpus add``: a text already stored becomes a sighting,
    a new text at a stored URL a new version.  Returns the counts of
    :func:`write_batch`.
    """
    if isinstance(analysis, dict):
        from spinscope.model import Analysis

        analysis = Analysis.model_validate(analysis)
    return write_batch(store, [Stored(json=analysis.to_json(), data=analysis.to_dict())], None)


def existing_hashes(conn, digests: list[str]) -> dict[str, int]:
    """content hash -> article row id, for those of ``digests`` already stored."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles

    if not digests:
        return {}
    rows = conn.execute(sa.select(articles.c.content_hash, articles.c.id).where(articles.c.content_hash.in_(sorted(set(digests)))))
    return {h: i for h, i in rows}


from spinscope.ingest.metadata import FIELDS as FILLABLE  # noqa: E402  the same fields the page gives


def fill_missing(conn, article_id: int, data: dict) -> bool:
    """Give a stored article the metadata it lacks and ``data`` (the same text met again) has; True if any.

    A field the store already holds is kept: the first reading wins, a later
    one only fills gaps.  The stored analysis JSON gets the same fields, with
    where each came from, so that export shows them.
    """
    import json

    import sqlalchemy as sa

    from spinscope.corpus.schema import articles

    row = conn.execute(sa.select(articles.c.analysis, articles.c.outlet).where(articles.c.id == article_id)).first()
    if row is None:
        return False
    stored = json.loads(row.analysis)
    sources = dict(stored.get("metadata_sources") or {})
    given_sources = data.get("metadata_sources") or {}
    if not _same_outlet(row.outlet, data.get("outlet")):
        return False  # the same text under another outlet is a copy: its date, title and origin are the copy's
    new = {field: data[field] for field in FILLABLE if data.get(field) and not stored.get(field)}
    if not new:
        return False
    stored.update(new)
    stored["metadata_sources"] = {**sources, **{field: given_sources.get(field, "record") for field in new}}
    from spinscope.model import Analysis

    update = {"analysis": Analysis.model_validate(stored).to_json()}  # written as analyze writes it
    update |= {field: new[field] for field in ("title", "url", "published") if field in new}
    if row.outlet == UNKNOWN_OUTLET and outlet_of(stored) != UNKNOWN_OUTLET:
        update["outlet"] = outlet_of(stored)
    if "url" in new:
        update["domain"] = registered_domain(new["url"])
    conn.execute(articles.update().where(articles.c.id == article_id).values(**update))
    return True


def _same_outlet(stored: str | None, given: str | None) -> bool:
    """Whether a text met again comes from the stored article's outlet (or either outlet is not known)."""
    if not given or not stored or stored == UNKNOWN_OUTLET:
        return True
    return squash(stored) == squash(given) or squash(stored) == squash(registered_domain(given) or "")


def add_sighting(conn, article_id: int, data: dict) -> bool:
    """Record that this text was met under ``data``'s id and source; once per (article, id, source)."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import sightings

    source = data.get("source") or ""
    doc_id = data.get("id") or ""
    found = conn.execute(sa.select(sightings.c.id).where(sightings.c.article_id == article_id, sightings.c.doc_id == doc_id, sightings.c.source == source)).first()
    if found:
        return False
    conn.execute(
        sightings.insert().values(
            article_id=article_id, doc_id=doc_id, source=source, url=data.get("url"), outlet=data.get("outlet"), published=data.get("published"), origin=data.get("origin"), added_at=time.time()
        )
    )
    return True


def _insert_article(conn, item: Stored, digest: str, run_id: int | None) -> int:
    from spinscope.corpus import duplicates, search
    from spinscope.corpus.schema import articles

    data = item.data
    profile = data.get("profile") or {}
    row = {
        "content_hash": digest,
        "doc_id": data["id"],
        "url": data.get("url"),
        "outlet": outlet_of(data),
        "domain": registered_domain(data.get("url")),
        "title": data.get("title"),
        "published": data.get("published"),
        "source": data.get("source"),
        "words": word_count(data),
        "genre": genre_of(profile),
        "tone": tone_of(profile),
        **hyperpartisan_of(profile),
        "previous_version": _previous_version(conn, data.get("url")),
        "run_id": run_id,
        "added_at": time.time(),
        "analysis": item.json,
    }
    article_id = conn.execute(articles.insert().values(**row)).inserted_primary_key[0]
    _insert_spans(conn, article_id, data.get("spans") or [])
    _insert_actors(conn, article_id, data.get("actors") or [])
    _insert_frames(conn, article_id, profile.get("frames"))
    add_sighting(conn, article_id, data)
    duplicates.store_signature(conn, article_id, data["text"])
    search.index_article(conn, article_id, data.get("title"), data["text"])
    return article_id


def _previous_version(conn, url: str | None) -> int | None:
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles

    if not url:
        return None
    return conn.execute(sa.select(sa.func.max(articles.c.id)).where(articles.c.url == url)).scalar()


def _insert_spans(conn, article_id: int, spans: list[dict]) -> None:
    from spinscope.corpus.schema import spans as table

    rows = [
        {
            "article_id": article_id,
            "kind": s["kind"],
            "label": s["label"],
            "start": s["start"],
            "end": s["end"],
            "score": s["score"],
            "attributed": _flag(s, "claim", "attributed"),
            "has_speaker": (s.get("attrs", {}).get("speaker") is not None) if s["kind"] == "quote" else None,
        }
        for s in spans
    ]
    if rows:
        conn.execute(table.insert(), rows)


def _flag(span: dict, kind: str, key: str) -> bool | None:
    if span["kind"] != kind or key not in span.get("attrs", {}):
        return None
    return bool(span["attrs"][key])


def _insert_actors(conn, article_id: int, actors: list) -> None:
    from spinscope.corpus.schema import actors as table

    rows = [{"article_id": article_id, "name": str(a.get("name")), "type": a.get("type")} for a in actors if isinstance(a, dict) and a.get("name")]
    if rows:
        conn.execute(table.insert(), rows)


def _insert_frames(conn, article_id: int, found) -> None:
    """The frames the frames detector chose for the article, with their probabilities."""
    from spinscope.corpus.schema import frames as table

    if not isinstance(found, dict):
        return
    scores = found.get("scores") or {}
    rows = [{"article_id": article_id, "frame": str(f), "score": float(scores.get(f, 0.0))} for f in found.get("chosen") or [] if isinstance(f, str)]
    if rows:
        conn.execute(table.insert(), rows)


def word_count(data: dict) -> int:
    words = (data.get("profile") or {}).get("words")
    return int(words) if isinstance(words, (int, float)) else len(data["text"].split())


def hyperpartisan_of(profile: dict) -> dict:
    """The ``hyperpartisan`` and ``hyperpartisan_flag`` columns from ``profile.hyperpartisan`` (null when absent)."""
    found = profile.get("hyperpartisan")
    if not isinstance(found, dict) or not isinstance(found.get("probability"), (int, float)):
        return {"hyperpartisan": None, "hyperpartisan_flag": None}
    return {"hyperpartisan": float(found["probability"]), "hyperpartisan_flag": bool(found.get("hyperpartisan"))}


def genre_of(profile: dict) -> str | None:
    """``profile.genre`` as a label, whether the genre detector gave a string or ``{"label": ...}``."""
    genre = profile.get("genre")
    if isinstance(genre, dict):
        genre = genre.get("label")
    return str(genre) if genre else None


def tone_of(profile: dict) -> float | None:
    """The mean sentence polarity the tone detector gives, when it ran."""
    tone = profile.get("tone")
    if isinstance(tone, dict):
        value = tone.get("compound_mean")
        return float(value) if isinstance(value, (int, float)) else None
    return float(tone) if isinstance(tone, (int, float)) else None
