"""PostgreSQL: a trigram index for substring search (the tier after word matches), which otherwise reads
every passage; SQLite has its trigram FTS5 table since 0001. Without the pg_trgm extension (not installed,
or not allowed) the index is left out and search stays correct, only slower.

Revision ID: 0010_passage_trigrams
Revises: 0009_reply_links
Create Date: 2026-12-04
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0010_passage_trigrams"
down_revision = "0009_reply_links"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)
INDEX = "ix_passages_text_trgm"
# The expression corpus.plan matches substrings against (ё folded, lower case): the index must repeat it.
FOLDED = "lower(translate(text, 'ёЁ', 'еЕ'))"


def upgrade() -> None:
    """Create pg_trgm (when allowed) and the trigram index on the folded passage text; nothing on SQLite."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as exc:
        log.warning("pg_trgm is not available, substring search stays a full scan: %s", exc.orig)
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON passages USING gin ({FOLDED} gin_trgm_ops)")


def downgrade() -> None:
    """Drop the index (the extension stays: other objects may use it)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
