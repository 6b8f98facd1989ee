"""Search at 100k documents: mentions indexed by document with the columns of an entity key, so the entity
filter of a search checks a candidate document's mentions in the index alone and entity facets count keys
per matching document without reading mention rows. Filled for existing rows by the index build.

Revision ID: 0011_search_covering
Revises: 0010_passage_trigrams
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0011_search_covering"
down_revision = "0010_passage_trigrams"
branch_labels = None
depends_on = None

INDEX = "ix_mentions_document_key"
COLUMNS = ["document_id", "person_key", "entity_id", "label", "canonical", "name_en"]  # the key's parts, the name


def upgrade() -> None:
    """Create the covering index (SQLite and PostgreSQL alike)."""
    op.create_index(INDEX, "mentions", COLUMNS)


def downgrade() -> None:
    """Drop it."""
    op.drop_index(INDEX, table_name="mentions")
