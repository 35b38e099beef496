"""Each stored article's hyperpartisan probability (``profile.hyperpartisan.probability``) and decision,
so that ``outlets`` can show the share of hyperpartisan articles per outlet.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("hyperpartisan", sa.Float))
        batch.add_column(sa.Column("hyperpartisan_flag", sa.Boolean))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("hyperpartisan_flag")
        batch.drop_column("hyperpartisan")
