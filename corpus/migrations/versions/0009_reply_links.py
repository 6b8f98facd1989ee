"""Replies: what a reply cites of its inquiry (reply_refs), the reply linked to its inquiry (reply_links) and
whether it answers each demand, with the reply passage quoted (demand_answers).

Revision ID: 0009_reply_links
Revises: 0008_translations
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_reply_links"
down_revision = "0008_translations"
branch_labels = None
depends_on = None


def _document(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                     index=True)


def upgrade() -> None:
    """Create reply_refs (an extracted row), reply_links and demand_answers (derived across documents)."""
    op.create_table(
        "reply_refs",
        sa.Column("id", sa.Integer(), primary_key=True),
        _document("document_id"),
        sa.Column("passage_id", sa.Integer(), sa.ForeignKey("passages.id", ondelete="SET NULL"), nullable=True,
                  index=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("cited_date", sa.Date(), nullable=True),
        sa.Column("cited_number", sa.String(64), nullable=True),
        sa.Column("outgoing_number", sa.String(64), nullable=True),
        sa.Column("incoming_number", sa.String(64), nullable=True),
        sa.Column("deputies", sa.JSON(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("body_id", sa.String(128), nullable=True),
        sa.Column("signer", sa.Text(), nullable=True),
        sa.Column("signer_position", sa.Text(), nullable=True),
        sa.Column("signer_en", sa.Text(), nullable=True),
        sa.Column("signer_body", sa.String(128), nullable=True),
    )
    op.create_table(
        "reply_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        _document("reply_id"),
        _document("inquiry_id"),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.UniqueConstraint("reply_id", "inquiry_id", name="uq_reply_links_reply_inquiry"),
    )
    op.create_table(
        "demand_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("link_id", sa.Integer(), sa.ForeignKey("reply_links.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("demand_id", sa.Integer(), sa.ForeignKey("demands.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("passage_id", sa.Integer(), sa.ForeignKey("passages.id", ondelete="SET NULL"), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    """Drop demand_answers, reply_links and reply_refs."""
    for table in ("demand_answers", "reply_links", "reply_refs"):
        op.drop_table(table)
