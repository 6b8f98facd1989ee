"""Recomputes an ingest owes (conflict cards, person keys, reply links), marked before each document is stored
and cleared after the run's one recompute, so a rerun after a kill finishes them (corpus.pending).

Revision ID: 0012_pending_recomputes
Revises: 0010_passage_trigrams
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_pending_recomputes"
down_revision = "0011_search_covering"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create pending_recomputes (kind, key), one row per recompute owed."""
    op.create_table(
        "pending_recomputes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    """Drop pending_recomputes."""
    op.drop_table("pending_recomputes")
