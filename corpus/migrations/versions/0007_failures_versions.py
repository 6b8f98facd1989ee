"""Failed files (path, hash, reason, time, attempts) and document versions (documents.superseded_by).

Revision ID: 0007_failures_versions
Revises: 0006_person_clusters
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_failures_versions"
down_revision = "0006_person_clusters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create failed_files; add documents.superseded_by (null: the newest version)."""
    op.create_table(
        "failed_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("path", sa.Text(), nullable=False, unique=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
    )
    op.create_index("ix_failed_files_failed_at", "failed_files", ["failed_at"])
    # a plain column, no foreign key: adding one would make SQLite rebuild `documents`, whose drop inside the
    # rebuild cascades to every table that references it (corpus.versions keeps the ids consistent instead)
    op.add_column("documents", sa.Column("superseded_by", sa.Integer(), nullable=True))
    op.create_index("ix_documents_superseded_by", "documents", ["superseded_by"])


def downgrade() -> None:
    """Drop documents.superseded_by and failed_files."""
    op.drop_index("ix_documents_superseded_by", table_name="documents")
    op.execute("ALTER TABLE documents DROP COLUMN superseded_by")  # SQLite >= 3.35 and PostgreSQL, no rebuild
    op.drop_index("ix_failed_files_failed_at", table_name="failed_files")
    op.drop_table("failed_files")
