"""The first store: runs, articles with their analysis JSON, spans, actors, sightings, ratings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("finished_at", sa.Float),
        sa.Column("analysed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
        sa.Column("known", sa.Integer, nullable=False, server_default="0"),
        sa.Column("detectors", sa.Text),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(255), nullable=False),
        sa.Column("domain", sa.String(255)),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(64)),
        sa.Column("source", sa.Text),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("genre", sa.String(64)),
        sa.Column("tone", sa.Float),
        sa.Column("previous_version", sa.Integer, sa.ForeignKey("articles.id")),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
        sa.Column("added_at", sa.Float, nullable=False),
        sa.Column("analysis", sa.Text, nullable=False),
    )
    op.create_index("ix_articles_doc_id", "articles", ["doc_id"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_domain", "articles", ["domain"])
    op.create_table(
        "spans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("label", sa.String(255), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("attributed", sa.Boolean),
        sa.Column("has_speaker", sa.Boolean),
    )
    op.create_index("ix_spans_article_id", "spans", ["article_id"])
    op.create_index("ix_spans_kind_label", "spans", ["kind", "label"])
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(64)),
    )
    op.create_index("ix_actors_article_id", "actors", ["article_id"])
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_table(
        "sightings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(255)),
        sa.Column("published", sa.String(64)),
        sa.Column("added_at", sa.Float, nullable=False),
        sa.UniqueConstraint("article_id", "doc_id", "source", name="uq_sightings"),
    )
    op.create_index("ix_sightings_article_id", "sightings", ["article_id"])
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("domain", sa.String(255), nullable=False),
        sa.Column("dataset", sa.String(255), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("value", sa.Text),
        sa.UniqueConstraint("domain", "dataset", "name", name="uq_ratings"),
    )
    op.create_index("ix_ratings_domain", "ratings", ["domain"])


def downgrade() -> None:
    for table in ("ratings", "sightings", "actors", "spans", "articles", "runs"):
        op.drop_table(table)
