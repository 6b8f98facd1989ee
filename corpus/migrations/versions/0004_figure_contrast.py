"""Figure contrast: whether a figure's sentence sets it against official figures (`ресми сандар шынайы жағдайды
көрсетпейді`), which the conflict rules need for a document's own contrast across adjacent years.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add figures.contrast (false for figures stored before: re-ingest to read it)."""
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("contrast", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Drop figures.contrast."""
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("contrast")
