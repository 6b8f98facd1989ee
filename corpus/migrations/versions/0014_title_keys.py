"""Title keys: documents.title_key (the base title case-folded, spaces collapsed) with an index beside the date,
so the documents a page shows find their same-titled neighbours without reading every document, and an index on
signatories.name for "does another of them name this person" (corpus.titles). Existing rows are filled here.

Revision ID: 0014_title_keys
Revises: 0013_explorer_indexes
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from corpus.titles import title_key

revision = "0014_title_keys"
down_revision = "0013_explorer_indexes"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    """Add and fill the column, then index it (filling first: the index is built once)."""
    op.add_column("documents", sa.Column("title_key", sa.Text(), nullable=True))  # no rebuild (as 0007)
    conn = op.get_bind()
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("title", sa.Text),
                         sa.column("path", sa.Text), sa.column("title_key", sa.Text))
    update = documents.update().where(documents.c.id == sa.bindparam("row_id")).values(title_key=sa.bindparam("key"))
    last = 0
    while True:
        rows = conn.execute(sa.select(documents.c.id, documents.c.title, documents.c.path)
                            .where(documents.c.id > last).order_by(documents.c.id).limit(BATCH)).all()
        if not rows:
            break
        conn.execute(update, [{"row_id": r.id, "key": title_key(r.title, r.path)} for r in rows])
        last = rows[-1].id
    op.create_index("ix_documents_title_key", "documents", ["title_key", "date"])
    op.create_index("ix_signatories_name", "signatories", ["name"])


def downgrade() -> None:
    """Drop the indexes and the column."""
    op.drop_index("ix_signatories_name", table_name="signatories")
    op.drop_index("ix_documents_title_key", table_name="documents")
    op.execute("ALTER TABLE documents DROP COLUMN title_key")  # SQLite >= 3.35 and PostgreSQL, no rebuild
