"""Near-duplicate and syndicated copies: MinHash signatures with LSH banding, kept in the store.

At add time each article's text is cut into word 5-shingles and summarised by
a 128-permutation MinHash (datasketch).  The signature is split into ``BANDS``
bands of ``ROWS`` values (datasketch's optimal split for a Jaccard threshold of
0.5); each band is hashed to one 64-bit bucket key and stored in
``lsh_bands``.  Two articles are candidates when they share a bucket in any
band — a self-join on an index, so the view never compares all pairs — and a
candidate is reported when its estimated Jaccard similarity (the share of
equal MinHash values) is at least ``THRESHOLD``.  Exact copies (the same
cleaned text met under another id or source) come from ``sightings`` with a
Jaccard of 1.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator

import numpy as np

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.5
SEED = 1
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def band_shape() -> tuple[int, int]:
    """(bands, rows per band): datasketch's split that best separates pairs around ``THRESHOLD``."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)


@functools.lru_cache(maxsize=1)
def _permutations():
    """The random permutations for ``SEED``, made once rather than per article."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=SEED)
    return template.permutations, template.scheme


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash values of ``text`` as unsigned 64-bit integers."""
    from datasketch import MinHash

    permutations, scheme = _permutations()
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme=scheme)
    mh.update_batch(list(shingles(text)))
    return mh.hashvalues.astype(np.uint64)


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    """One (band, bucket) pair per band; the bucket is a signed 64-bit hash of the band's values."""
    bands, rows = band_shape()
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(values[band * rows : (band + 1) * rows].astype("<u8").tobytes(), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


def store_signature(conn, article_id: int, text: str) -> None:
    """Write the signature and its band keys for one article (inside the caller's transaction)."""
    from spinscope.corpus.schema import lsh_bands, signatures

    values = signature(text)
    conn.execute(signatures.insert().values(article_id=article_id, minhash=values.astype("<u8").tobytes()))
    conn.execute(lsh_bands.insert(), [{"article_id": article_id, "band": b, "bucket": k} for b, k in band_keys(values)])


def jaccard(a: bytes, b: bytes) -> float:
    return float(np.mean(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8")))


def find(store, threshold: float = THRESHOLD) -> list[dict]:
    """Every near-duplicate or exact-copy pair: ``{"a", "b", "jaccard", "first", ...}``, most similar first."""
    from spinscope.corpus.outlet_names import outlet_groups

    with store.reading() as conn:
        groups = outlet_groups(conn)
        pairs = [_named(p, groups) for p in list(_near_pairs(conn, threshold)) + list(_exact_pairs(conn))]
    pairs.sort(key=lambda p: (-p["jaccard"], p["a"], p["b"]))
    return pairs


def _candidates(conn) -> Iterator[tuple[int, int]]:
    import sqlalchemy as sa

    from spinscope.corpus.schema import lsh_bands

    x, y = lsh_bands.alias("x"), lsh_bands.alias("y")
    stmt = sa.select(x.c.article_id, y.c.article_id).join(y, sa.and_(x.c.band == y.c.band, x.c.bucket == y.c.bucket, x.c.article_id < y.c.article_id)).distinct()
    yield from conn.execute(stmt)


def _near_pairs(conn, threshold: float) -> Iterator[dict]:
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles, signatures

    candidates = list(_candidates(conn))
    ids = sorted({i for pair in candidates for i in pair})
    sigs, meta = {}, {}
    for chunk in _chunks(ids, 500):
        for row in conn.execute(sa.select(signatures.c.article_id, signatures.c.minhash).where(signatures.c.article_id.in_(chunk))):
            sigs[row[0]] = bytes(row[1])
        for row in conn.execute(sa.select(articles.c.id, articles.c.doc_id, articles.c.published, articles.c.outlet, articles.c.analysis).where(articles.c.id.in_(chunk))):
            meta[row[0]] = (*row[:4], _origin(row[4]))
    for a, b in candidates:
        score = jaccard(sigs[a], sigs[b])
        if score >= threshold:
            yield _pair(meta[a], meta[b], score)


def _exact_pairs(conn) -> Iterator[dict]:
    """Sightings of a stored text under another id: the same article republished verbatim."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles, sightings

    stmt = (
        sa.select(articles.c.id, articles.c.doc_id, articles.c.published, articles.c.outlet, sightings.c.doc_id, sightings.c.published, sightings.c.outlet, articles.c.analysis, sightings.c.origin)
        .join(sightings, sightings.c.article_id == articles.c.id)
        .where(sightings.c.doc_id != articles.c.doc_id)
        .order_by(sightings.c.id)
    )
    for row in conn.execute(stmt):
        yield _pair((row[0], row[1], row[2], row[3], _origin(row[7])), (None, row[4], row[5], row[6], row[8]), 1.0)


def _pair(a, b, score: float) -> dict:
    return {
        "a": a[1],
        "b": b[1],
        "jaccard": round(score, 4),
        "first": first_of(a[1], a[2], b[1], b[2]),
        "outlet_a": a[3],
        "outlet_b": b[3],
        "published_a": a[2],
        "published_b": b[2],
        "origin_a": a[4],
        "origin_b": b[4],
    }


def _origin(analysis: str | None) -> str | None:
    """Where the stored text says it first appeared (``Analysis.origin``)."""
    import json

    try:
        return json.loads(analysis or "{}").get("origin")
    except ValueError:
        return None


def _named(pair: dict, groups: dict) -> dict:
    """Outlets under their group's name; ``first`` from the origin when the dates cannot tell (one copy says it first appeared at the other's outlet)."""
    from spinscope.corpus.outlet_names import canonical, names_outlet

    out = {**pair, "outlet_a": canonical(groups, pair["outlet_a"]), "outlet_b": canonical(groups, pair["outlet_b"])}
    out["first_from"] = "published" if out["first"] else None
    if out["first"] is None and out["outlet_a"] != out["outlet_b"]:
        a_cites_b = names_outlet(groups, pair["origin_a"], pair["outlet_b"])
        b_cites_a = names_outlet(groups, pair["origin_b"], pair["outlet_a"])
        if a_cites_b != b_cites_a:
            out["first"], out["first_from"] = (pair["b"] if a_cites_b else pair["a"]), "origin"
    return out


def first_of(a_id: str, a_date: str | None, b_id: str, b_date: str | None) -> str | None:
    """The id of the earlier copy, or None when a date is missing or both are the same."""
    from spinscope.corpus.dates import parse_date

    da, db = parse_date(a_date), parse_date(b_date)
    if da is None or db is None or da == db:
        return None
    return a_id if da < db else b_id


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
