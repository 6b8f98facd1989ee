"""Demands: whether a question is rhetorical (inside the argument, expecting no answer) and, in a
bilingual inquiry, the language half (kk or ru) a demand stands in.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add demands.rhetorical (false for demands stored before) and demands.lang_part."""
    with op.batch_alter_table("demands") as batch:
        batch.add_column(sa.Column("rhetorical", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("lang_part", sa.String(length=8), nullable=True))


def downgrade() -> None:
    """Drop demands.rhetorical and demands.lang_part."""
    with op.batch_alter_table("demands") as batch:
        batch.drop_column("lang_part")
        batch.drop_column("rhetorical")
