"""The store's tables, as SQLAlchemy Core metadata.

``articles`` holds one row per distinct cleaned text (``content_hash``) with
the analysis JSON exactly as :meth:`Analysis.to_json` produced it, plus flat
columns the views aggregate on.  ``spans`` and ``actors`` are derived from the
analysis at add time so that views and filters run in SQL.  ``sightings``
records every time a text was met (its own id, source, URL, outlet), so an
exact copy is stored once but still known.  ``signatures`` and ``lsh_bands``
hold MinHash signatures and their LSH band keys for near-duplicate search.

The tables are created by the Alembic migrations in ``migrations/versions``;
this module describes the newest revision for the code that reads and writes.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text, UniqueConstraint

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", Float, nullable=False),
    Column("finished_at", Float),
    Column("analysed", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("known", Integer, nullable=False, default=0),
    Column("detectors", Text),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc_id", Text, nullable=False, index=True),
    Column("url", Text),
    Column("outlet", String(255), nullable=False, index=True),
    Column("domain", String(255), index=True),
    Column("title", Text),
    Column("published", String(64)),
    Column("source", Text),
    Column("words", Integer, nullable=False),
    Column("genre", String(64)),
    Column("tone", Float),
    Column("hyperpartisan", Float),  # profile.hyperpartisan.probability; null when the detector did not run
    Column("hyperpartisan_flag", Boolean),  # profile.hyperpartisan.hyperpartisan
    Column("previous_version", Integer, ForeignKey("articles.id")),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("added_at", Float, nullable=False),
    Column("analysis", Text, nullable=False),
    Index("ix_articles_url", "url"),
)

spans = Table(
    "spans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("kind", String(64), nullable=False),
    Column("label", String(255), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("attributed", Boolean),  # claims: attrs.attributed; else null
    Column("has_speaker", Boolean),  # quotes: attrs.speaker is not null; else null
    Index("ix_spans_kind_label", "kind", "label"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("type", String(64)),
    Index("ix_actors_name", "name"),
)

frames = Table(
    "frames",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("frame", String(255), nullable=False),  # one of profile.frames.chosen
    Column("score", Float, nullable=False),
)

sightings = Table(
    "sightings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("doc_id", Text, nullable=False),
    Column("source", Text, nullable=False, default=""),
    Column("url", Text),
    Column("outlet", String(255)),
    Column("published", String(64)),
    Column("origin", Text),
    Column("added_at", Float, nullable=False),
    UniqueConstraint("article_id", "doc_id", "source", name="uq_sightings"),
)

ratings = Table(
    "ratings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("domain", String(255), nullable=False, index=True),
    Column("dataset", String(255), nullable=False),
    Column("name", String(255), nullable=False),
    Column("value", Text),
    UniqueConstraint("domain", "dataset", "name", name="uq_ratings"),
)

# revision 0002
signatures = Table(
    "signatures",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("band", Integer, nullable=False),
    Column("bucket", BigInteger, nullable=False),
    Index("ix_lsh_bands_bucket", "band", "bucket"),
)

# revision 0006
text_vectors = Table(
    "text_vectors",
    metadata,
    Column("hash", String(64), primary_key=True),  # content hash of the text embedded
    Column("encoder", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),  # float32, little-endian
)
