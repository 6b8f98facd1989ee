"""Mentions: the person cluster key (one key per real person across documents); signatories: the deputy id.

Revision ID: 0006_person_clusters
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_person_clusters"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add mentions.person_key (indexed; null until clusters are computed) and signatories.entity_id."""
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("person_key", sa.String(length=160), nullable=True))
        batch.create_index("ix_mentions_person_key", ["person_key"])
    with op.batch_alter_table("signatories") as batch:
        batch.add_column(sa.Column("entity_id", sa.String(length=128), nullable=True))
        batch.create_index("ix_signatories_entity_id", ["entity_id"])


def downgrade() -> None:
    """Drop mentions.person_key and signatories.entity_id."""
    with op.batch_alter_table("signatories") as batch:
        batch.drop_index("ix_signatories_entity_id")
        batch.drop_column("entity_id")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_index("ix_mentions_person_key")
        batch.drop_column("person_key")
