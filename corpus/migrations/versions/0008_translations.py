"""Translation links in bilingual inquiries: demands.translation_of and figures.translation_of (the stored id
of the counterpart in the other language half), figures.lang_part, and demands.label (where an item stands
as its list numbers it: 1.2, 1.б).

Revision ID: 0008_translations
Revises: 0007_failures_versions
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_translations"
down_revision = "0007_failures_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add demands.translation_of and label, figures.lang_part and translation_of (null for rows stored before)."""
    with op.batch_alter_table("demands") as batch:
        batch.add_column(sa.Column("translation_of", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("label", sa.String(length=16), nullable=True))
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("lang_part", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("translation_of", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop the translation links, figures.lang_part and demands.label."""
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("translation_of")
        batch.drop_column("lang_part")
    with op.batch_alter_table("demands") as batch:
        batch.drop_column("label")
        batch.drop_column("translation_of")
