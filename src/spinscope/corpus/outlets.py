"""``spinscope outlets``: one row per outlet, the measured figures side by side.

Every figure is aggregated in SQL from the rows written at add time.  A figure
whose detector never ran on the store is null, not zero: technique densities
need ``technique`` spans, claim figures ``claim`` spans with ``attributed``,
quote figures ``quote`` spans, genres ``profile.genre``, frames ``profile.frames``,
hyperpartisan shares ``profile.hyperpartisan``, tone
``profile.tone``, actors ``analysis.actors``.  Outside ratings imported with
``outlets import-ratings`` sit under ``ratings``, keyed by the file they came
from, and are never mixed into the measured figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict

TOP_ACTORS = 5
TOP_FRAMES = 3
TABLE_COLUMNS = (
    "outlet",
    "articles",
    "words",
    "techniques_per_1000_words",
    "top_techniques",
    "genres",
    "hyperpartisan_share",
    "top_frames",
    "unattributed_claims_share",
    "quotes_without_speaker_share",
    "tone",
    "top_actors",
    "ratings",
)


def outlet_rows(store) -> list[dict]:
    """The figures for every outlet, most articles first; spellings of one outlet are one row (see :mod:`.outlet_names`)."""
    from spinscope.corpus.outlet_names import outlet_groups
    from spinscope.corpus.ratings import ratings_for

    with store.reading() as conn:
        groups = outlet_groups(conn)
        name = lambda outlet: groups[outlet]["outlet"] if outlet in groups else outlet  # noqa: E731
        base = _merge_base(_base(conn), name)
        techniques = _merge_counters(_techniques(conn), name)
        genres = _merge_counters(_genres(conn), name)
        frames = _merge_counters(_frames(conn), name)
        partisan = _merge_pairs(_hyperpartisan(conn), name)
        claims = _merge_pairs(_flag_shares(conn, "claim", "attributed"), name)
        quotes = _merge_pairs(_flag_shares(conn, "quote", "has_speaker"), name)
        actors = _merge_counters(_actors(conn), name)
        domains = {g["outlet"]: g["domain"] for g in groups.values() if g["domain"]}
        rated = ratings_for(conn, list(domains.values()))
    aliases = {g["outlet"]: g["aliases"] for g in groups.values()}
    rows = [
        {
            **_row(outlet, n, words, tone, techniques, genres, claims, quotes, actors, domains.get(outlet), rated),
            **_frame_figures(frames, outlet, n),
            **_hyperpartisan_figures(partisan, outlet),
            "aliases": aliases.get(outlet, []),
        }
        for outlet, n, words, tone in base
    ]
    rows.sort(key=lambda r: (-r["articles"], r["outlet"]))
    return rows


def _merge_base(rows, name) -> list[tuple]:
    """(outlet, articles, words, tone sum, tone count) per stored string -> (outlet, articles, words, mean tone) per outlet."""
    merged: dict[str, list] = {}
    for outlet, n, words, tone_sum, tone_n in rows:
        m = merged.setdefault(name(outlet), [0, 0, 0.0, 0])
        m[0] += n
        m[1] += int(words or 0)
        m[2] += float(tone_sum or 0.0)
        m[3] += int(tone_n or 0)
    return [(outlet, n, words, tone_sum / tone_n if tone_n else None) for outlet, (n, words, tone_sum, tone_n) in merged.items()]


def _merge_counters(table: dict[str, Counter] | None, name) -> dict[str, Counter] | None:
    if table is None:
        return None
    merged: dict[str, Counter] = defaultdict(Counter)
    for outlet, counts in table.items():
        merged[name(outlet)].update(counts)
    return merged


def _merge_pairs(table: dict[str, tuple[int, int]] | None, name) -> dict[str, tuple[int, int]] | None:
    if table is None:
        return None
    merged: dict[str, tuple[int, int]] = {}
    for outlet, (yes, total) in table.items():
        y, t = merged.get(name(outlet), (0, 0))
        merged[name(outlet)] = (y + yes, t + total)
    return merged


def _row(outlet, n, words, tone, techniques, genres, claims, quotes, actors, domain, rated) -> dict:
    per = techniques.get(outlet, Counter()) if techniques is not None else None
    return {
        "outlet": outlet,
        "domain": domain,
        "articles": n,
        "words": int(words or 0),
        "techniques": None if per is None else sum(per.values()),
        "techniques_per_1000_words": None if per is None else _per_1000(sum(per.values()), words),
        "technique_per_1000_words": None if per is None else {label: _per_1000(c, words) for label, c in sorted(per.items())},
        "top_techniques": None if per is None else [label for label, _ in per.most_common(3)],
        "genres": None if genres is None else _shares(genres.get(outlet, Counter())),
        "unattributed_claims_share": _share(claims, outlet),
        "quotes_without_speaker_share": _share(quotes, outlet),
        "tone": None if tone is None else round(float(tone), 4),
        "top_actors": None if actors is None else [name for name, _ in actors.get(outlet, Counter()).most_common(TOP_ACTORS)],
        "ratings": rated.get(domain, {}) if domain else {},
    }


def _frame_figures(frames: dict[str, Counter] | None, outlet: str, articles: int) -> dict:
    """``frames``: the share of the outlet's articles that use each frame, most used first; ``top_frames``: the first three.
    Null when the frames detector never ran on the store."""
    if frames is None:
        return {"frames": None, "top_frames": None}
    ranked = sorted(frames.get(outlet, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))
    return {"frames": {f: round(c / articles, 4) for f, c in ranked} if articles else {}, "top_frames": [f for f, _ in ranked[:TOP_FRAMES]]}


def _hyperpartisan_figures(partisan: dict[str, tuple[int, int]] | None, outlet: str) -> dict:
    """``hyperpartisan_share``: the share of the outlet's scored articles judged hyperpartisan;
    ``hyperpartisan_articles``: how many were scored.  Null when the detector never ran on the store."""
    yes, total = (partisan or {}).get(outlet, (0, 0))
    if partisan is None or not total:
        return {"hyperpartisan_share": None, "hyperpartisan_articles": 0 if partisan is not None else None}
    return {"hyperpartisan_share": round(yes / total, 4), "hyperpartisan_articles": total}


def _hyperpartisan(conn) -> dict[str, tuple[int, int]] | None:
    """outlet -> (articles judged hyperpartisan, articles scored); None when no article was scored."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a

    judged = sa.func.sum(sa.case((a.c.hyperpartisan_flag.is_(True), 1), else_=0))
    rows = conn.execute(sa.select(a.c.outlet, judged, sa.func.count()).where(a.c.hyperpartisan_flag.is_not(None)).group_by(a.c.outlet)).fetchall()
    return {outlet: (int(yes or 0), int(n)) for outlet, yes, n in rows} if rows else None


def _frames(conn) -> dict[str, Counter] | None:
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a
    from spinscope.corpus.schema import frames as f

    return _counters(conn.execute(sa.select(a.c.outlet, f.c.frame, sa.func.count()).join(f, f.c.article_id == a.c.id).group_by(a.c.outlet, f.c.frame)).fetchall())


def _per_1000(count: int, words) -> float | None:
    return round(1000.0 * count / words, 3) if words else None


def _shares(counts: Counter) -> dict[str, float]:
    total = sum(counts.values())
    return {k: round(v / total, 4) for k, v in counts.most_common()} if total else {}


def _share(table, outlet: str) -> float | None:
    if table is None or outlet not in table:
        return None
    yes, total = table[outlet]
    return round((total - yes) / total, 4) if total else None


def _base(conn) -> list[tuple]:
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a

    stmt = sa.select(a.c.outlet, sa.func.count(), sa.func.sum(a.c.words), sa.func.sum(a.c.tone), sa.func.count(a.c.tone)).group_by(a.c.outlet)
    return conn.execute(stmt).fetchall()


def _techniques(conn) -> dict[str, Counter] | None:
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a
    from spinscope.corpus.schema import spans as s

    stmt = sa.select(a.c.outlet, s.c.label, sa.func.count()).join(s, s.c.article_id == a.c.id).where(s.c.kind == "technique").group_by(a.c.outlet, s.c.label)
    return _counters(conn.execute(stmt).fetchall())


def _genres(conn) -> dict[str, Counter] | None:
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a

    return _counters(conn.execute(sa.select(a.c.outlet, a.c.genre, sa.func.count()).where(a.c.genre.is_not(None)).group_by(a.c.outlet, a.c.genre)).fetchall())


def _flag_shares(conn, kind: str, column: str) -> dict[str, tuple[int, int]] | None:
    """outlet -> (spans with the flag true, spans with the flag known), for spans of ``kind``."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a
    from spinscope.corpus.schema import spans as s

    flag = s.c[column]
    stmt = sa.select(a.c.outlet, sa.func.sum(sa.case((flag.is_(True), 1), else_=0)), sa.func.count()).join(s, s.c.article_id == a.c.id).where(s.c.kind == kind, flag.is_not(None)).group_by(a.c.outlet)
    rows = conn.execute(stmt).fetchall()
    return {outlet: (int(yes or 0), int(total)) for outlet, yes, total in rows} or None


def _actors(conn) -> dict[str, Counter] | None:
    import sqlalchemy as sa

    from spinscope.corpus.schema import actors as x
    from spinscope.corpus.schema import articles as a

    stmt = sa.select(a.c.outlet, x.c.name, sa.func.count(sa.distinct(a.c.id))).join(x, x.c.article_id == a.c.id).group_by(a.c.outlet, x.c.name)
    return _counters(conn.execute(stmt).fetchall())


def _counters(rows) -> dict[str, Counter] | None:
    """``(outlet, key, count)`` rows as outlet -> Counter; None when there are none (the detector never ran)."""
    if not rows:
        return None
    found: dict[str, Counter] = defaultdict(Counter)
    for outlet, key, n in rows:
        found[outlet][key] = n
    return found
