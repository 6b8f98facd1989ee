"""Indexes for the explorer's first pages at 100k documents: documents in the order every list shows them
(current version, newest first, undated last, with their language), so a page of figures walks that index and
stops after its rows instead of sorting every figure, and facet counts join documents from the index alone;
and the figures' facet columns beside their document id, so the Figures page's counts read that index instead
of every figure row.

Revision ID: 0013_explorer_indexes
Revises: 0010_passage_trigrams
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_explorer_indexes"
down_revision = "0012_pending_recomputes"
branch_labels = None
depends_on = None

NEWEST = "ix_documents_newest"
DOCUMENT_FACETS = "ix_documents_facets"  # corpus.facets over every current document, from the index alone
FACETS = "ix_figures_facets"
FACET_COLUMNS = ["document_id", "indicator", "place", "year", "source_kind", "kind", "translation_of"]


def upgrade() -> None:
    """The order of corpus.hits.newest_first over current documents (an expression index, SQLite and PostgreSQL),
    and the facet columns of figures."""
    op.create_index(NEWEST, "documents",
                    ["superseded_by", sa.text("(date IS NULL)"), sa.text("date DESC"), "id", "language"])
    op.create_index(DOCUMENT_FACETS, "documents", ["superseded_by", "language", "kind", "date"])
    op.create_index(FACETS, "figures", FACET_COLUMNS)


def downgrade() -> None:
    """Drop the indexes."""
    op.drop_index(FACETS, table_name="figures")
    op.drop_index(DOCUMENT_FACETS, table_name="documents")
    op.drop_index(NEWEST, table_name="documents")
