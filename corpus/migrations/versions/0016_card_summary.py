"""Card summaries: each conflict card's kind, source kinds, source/figure/pair counts and confidence as columns
(filled from the stored card JSON here, and by every recompute after), with one index holding every column the
Conflicts page filters, sorts and counts on, so a page of cards and its facet counts are SQL over that index
instead of parsing every card.

Revision ID: 0016_card_summary
Revises: 0015_pg_search
Create Date: 2026-12-05
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0016_card_summary"
down_revision = "0015_pg_search"
branch_labels = None
depends_on = None

SUMMARY = "ix_conflicts_summary"
TYPES = {"kind": sa.String(64), "source_kinds": sa.String(255), "sources": sa.Integer(), "figure_count": sa.Integer(),
         "pairs_total": sa.Integer(), "confidence": sa.String(16)}
INDEXED = ["active", "spread", "indicator", "period", "first_seen", "place", "kind", "source_kinds", "sources", "id"]
BATCH = 500


def summary(text: str) -> dict[str, Any]:
    """The summary columns of one stored card (as corpus.cards.card_summary computes them at this revision)."""
    card = json.loads(text)
    figures = card.get("figures") or []
    kinds = sorted({str(f.get("source_kind")) for f in figures})
    who = {" ".join((f.get("source") or "").split()).casefold() or f"document {f.get('document_id')}"
           for f in figures}
    return {"kind": card.get("kind"), "source_kinds": f",{','.join(kinds)}," if kinds else ",", "sources": len(who),
            "figure_count": len(figures), "pairs_total": card.get("pairs_total") or 0,
            "confidence": card.get("confidence") or "high"}


def backfill() -> None:
    """Fill the summary of every stored card (rows without a card JSON stay empty until their next recompute)."""
    conn = op.get_bind()
    table = sa.table("conflicts", sa.column("id"), sa.column("card"), *(sa.column(name) for name in TYPES))
    last = ""
    while True:
        rows = conn.execute(sa.select(table.c.id, table.c.card).where(table.c.id > last, table.c.card.is_not(None))
                            .order_by(table.c.id).limit(BATCH)).all()
        if not rows:
            return
        conn.execute(table.update().where(table.c.id == sa.bindparam("card_id")),
                     [{"card_id": r.id, **summary(r.card)} for r in rows])
        last = rows[-1].id


def upgrade() -> None:
    """Add the summary columns, fill them from the stored cards, index them with the columns the page reads."""
    with op.batch_alter_table("conflicts") as batch:
        for name, kind in TYPES.items():
            batch.add_column(sa.Column(name, kind, nullable=True))
    backfill()
    op.create_index(SUMMARY, "conflicts", INDEXED)


def downgrade() -> None:
    """Drop the index and the summary columns."""
    op.drop_index(SUMMARY, table_name="conflicts")
    with op.batch_alter_table("conflicts") as batch:
        for name in reversed(TYPES):
            batch.drop_column(name)
