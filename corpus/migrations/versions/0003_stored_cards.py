"""Stored cards: each conflict row keeps its card as computed (JSON), its spread and place, so listing the
cards reads rows instead of judging every indicator again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add card, spread and place (indexed) to conflicts; rows from before are recomputed when next listed."""
    with op.batch_alter_table("conflicts") as batch:
        batch.add_column(sa.Column("card", sa.Text(), nullable=True))
        batch.add_column(sa.Column("spread", sa.Float(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("place", sa.String(128), nullable=True))
    op.create_index("ix_conflicts_place", "conflicts", ["place"])


def downgrade() -> None:
    """Drop the stored card columns."""
    op.drop_index("ix_conflicts_place", table_name="conflicts")
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_column("place")
        batch.drop_column("spread")
        batch.drop_column("card")
