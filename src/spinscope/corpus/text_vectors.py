"""Sentence embeddings kept in the store: each text is embedded once, by content hash and encoder,
and read back on later calls (``text_vectors`` table).  Vectors are float32, little-endian."""

from __future__ import annotations

ENCODER = "all-MiniLM-L6-v2-int8"
CHUNK = 500


def embeddings(store, texts: list[str]):
    """Unit-length embeddings of ``texts`` (rows in order); the ones not stored yet are computed and stored."""
    import numpy as np
    import sqlalchemy as sa

    from spinscope.corpus import vectors
    from spinscope.corpus.schema import text_vectors as table
    from spinscope.model import content_hash

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    keys = [content_hash(t) for t in texts]
    wanted = sorted(set(keys))
    found: dict[str, np.ndarray] = {}
    with store.reading() as conn:
        for i in range(0, len(wanted), CHUNK):
            rows = conn.execute(sa.select(table.c.hash, table.c.vector).where(table.c.encoder == ENCODER, table.c.hash.in_(wanted[i : i + CHUNK])))
            found.update((h, np.frombuffer(v, dtype="<f4")) for h, v in rows)
    missing = {k: t for k, t in zip(keys, texts) if k not in found}
    if missing:
        new = vectors.encoder().encode(list(missing.values())).astype("<f4")
        rows = [{"hash": k, "encoder": ENCODER, "vector": v.tobytes()} for k, v in zip(missing, new)]

        def save(conn) -> None:  # safe to run twice: a hash stored meanwhile is skipped
            have = set()
            for i in range(0, len(rows), CHUNK):
                part = [r["hash"] for r in rows[i : i + CHUNK]]
                have |= {h for (h,) in conn.execute(sa.select(table.c.hash).where(table.c.encoder == ENCODER, table.c.hash.in_(part)))}
            fresh = [r for r in rows if r["hash"] not in have]
            if fresh:
                conn.execute(table.insert(), fresh)

        store.write(save)
        found.update(zip(missing, new))
    return np.vstack([found[k] for k in keys]).astype(np.float64)
