"""Conflicts: one row per conflict card (indicator and moment) with when it was first and last seen.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the conflicts table with its indicator and first_seen indexes."""
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("indicator", sa.String(128), nullable=False),
        sa.Column("period", sa.String(64), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_conflicts_indicator", "conflicts", ["indicator"])
    op.create_index("ix_conflicts_first_seen", "conflicts", ["first_seen"])


def downgrade() -> None:
    """Drop the conflicts table."""
    op.drop_index("ix_conflicts_first_seen", table_name="conflicts")
    op.drop_index("ix_conflicts_indicator", table_name="conflicts")
    op.drop_table("conflicts")
