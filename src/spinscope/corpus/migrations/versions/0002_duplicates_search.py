"""MinHash signatures with LSH band keys, and the full-text index; both filled for stored articles.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signatures",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "lsh_bands",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("bucket", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_lsh_bands_article_id", "lsh_bands", ["article_id"])
    op.create_index("ix_lsh_bands_bucket", "lsh_bands", ["band", "bucket"])
    from spinscope.corpus import search

    bind = op.get_bind()
    search.create_index(bind)
    _backfill(bind)


def _backfill(bind) -> None:
    """Signatures and search entries for articles stored before this revision."""
    import json

    from spinscope.corpus import duplicates, search

    rows = bind.execute(sa.text("SELECT id, analysis FROM articles ORDER BY id")).fetchall()
    for article_id, analysis in rows:
        data = json.loads(analysis)
        duplicates.store_signature(bind, article_id, data["text"])
        search.index_article(bind, article_id, data.get("title"), data["text"])


def downgrade() -> None:
    from spinscope.corpus import search

    search.drop_index(op.get_bind())
    op.drop_table("lsh_bands")
    op.drop_table("signatures")
