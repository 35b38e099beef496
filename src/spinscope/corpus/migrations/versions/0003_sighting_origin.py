"""Where each sighting's copy says it first appeared (its ``origin``), so that ``duplicates`` can order exact copies.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sightings") as batch:
        batch.add_column(sa.Column("origin", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("sightings") as batch:
        batch.drop_column("origin")
