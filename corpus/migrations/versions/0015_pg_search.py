"""PostgreSQL: passages' text-search vectors indexed beside a recency key (passage id / 1024), so that the newest
matches of a frequent word are read from a range of recent passages (corpus.plan.newest_ids) instead of from
every match: GIN intersects the word's posting lists with the range and only those rows are read. Needs the
btree_gin extension (contrib, shipped with PostgreSQL); without it (not installed, or the role may not create
extensions) the index is left out, a warning says so, and search stays correct, only slower. Nothing on SQLite.
The new index serves plain matches too, so the vector's own index is dropped.

Revision ID: 0015_pg_search
Revises: 0014_title_keys
Create Date: 2026-12-05
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0015_pg_search"
down_revision = "0014_title_keys"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)
INDEX = "ix_passages_recent_search"
VECTOR_INDEX = "ix_passages_search_vector"  # migration 0001
BUCKET = "(id / 1024)"  # corpus.plan.RECENT_BUCKET: the query must repeat the expression


def upgrade() -> None:
    """Create btree_gin (when allowed), the (recency, vector) GIN index, then drop the vector's own index."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS btree_gin"))
    except sa.exc.DBAPIError as exc:
        log.warning("btree_gin is not available (CREATE EXTENSION btree_gin as a superuser, then run the "
                    "migration again); broad searches stay slower: %s", exc.orig)
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON passages USING gin ({BUCKET}, search_vector)")
    op.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")


def downgrade() -> None:
    """Put the vector's own index back and drop the recency one (the extension stays: others may use it)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX IF NOT EXISTS {VECTOR_INDEX} ON passages USING gin (search_vector)")
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
