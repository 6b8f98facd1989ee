"""Initial schema: documents, pages, passages, extracted rows, and full-text search per dialect.

SQLite: two external-content FTS5 tables over passages.text (unicode61 words, trigram substrings),
kept in step by triggers that index ё as е. PostgreSQL: a generated tsvector column (`russian` for
ru passages, `simple` otherwise, ё folded to е) with a GIN index.

Revision ID: 0001
Revises:
Create Date: 2025-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _document_id(**index) -> sa.Column:
    return sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     nullable=False, **index)


def _offsets() -> list[sa.Column]:
    return [sa.Column("start", sa.Integer(), nullable=False), sa.Column("end", sa.Integer(), nullable=False)]


def _span_columns() -> list[sa.Column]:
    """Columns every extracted row shares (models._Span): where it is and what it quotes."""
    return [
        _id(),
        _document_id(index=True),
        sa.Column("passage_id", sa.Integer(), sa.ForeignKey("passages.id", ondelete="SET NULL"),
                  nullable=True, index=True),
        sa.Column("page", sa.Integer(), nullable=True),
        *_offsets(),
        sa.Column("text", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    """Create the tables, then the dialect's full-text search objects."""
    _create_documents()
    _create_pages_and_passages()
    _create_extracted()
    statements = {"sqlite": SQLITE_SEARCH, "postgresql": POSTGRES_SEARCH}
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def _create_documents() -> None:
    op.create_table(
        "documents",
        _id(),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True, index=True),
        sa.Column("kind", sa.String(32), nullable=False, index=True),
        sa.Column("language", sa.String(16), nullable=False, index=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("ocr", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("response_due", sa.Date(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )


def _create_pages_and_passages() -> None:
    op.create_table(
        "pages", _id(), _document_id(),
        sa.Column("number", sa.Integer(), nullable=False),
        *_offsets(),
        sa.UniqueConstraint("document_id", "number", name="uq_pages_document_number"),
    )
    op.create_table(
        "passages", _id(), _document_id(),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        *_offsets(),
        sa.Column("language", sa.String(16), nullable=False, index=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.UniqueConstraint("document_id", "seq", name="uq_passages_document_seq"),
    )


def _create_extracted() -> None:
    """The extracted rows: a span each (_span_columns) plus their own columns."""
    op.create_table(
        "figures",
        *_span_columns(),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("approx", sa.Boolean(), nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("what", sa.Text(), nullable=True),
        sa.Column("indicator", sa.String(128), nullable=True, index=True),
        sa.Column("place", sa.String(128), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("period", sa.String(64), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "mentions",
        *_span_columns(),
        sa.Column("label", sa.String(8), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=True),
        sa.Column("entity_id", sa.String(128), nullable=True, index=True),
        sa.Index("ix_mentions_label_canonical", "label", "canonical"),
    )
    op.create_table(
        "demands",
        *_span_columns(),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("procedural", sa.Boolean(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("directed_to", sa.Text(), nullable=True),
    )
    op.create_table(
        "addressees",
        *_span_columns(),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=True),
        sa.Column("position", sa.Text(), nullable=True),
    )
    op.create_table(
        "signatories",
        *_span_columns(),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("faction", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    """Drop the search objects, then every table (children first)."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_SEARCH_DROP:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_passages_search_vector")
    for table in ("signatories", "addressees", "demands", "mentions", "figures", "passages", "pages",
                  "documents"):
        op.drop_table(table)


_FOLDED_NEW = "replace(replace(new.text, 'ё', 'е'), 'Ё', 'Е')"
_FOLDED_OLD = "replace(replace(old.text, 'ё', 'е'), 'Ё', 'Е')"


def _sqlite_triggers(table: str) -> list[str]:
    delete = f"INSERT INTO {table}({table}, rowid, text) VALUES ('delete', old.id, {_FOLDED_OLD});"
    insert = f"INSERT INTO {table}(rowid, text) VALUES (new.id, {_FOLDED_NEW});"
    return [
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON passages BEGIN {insert} END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON passages BEGIN {delete} END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF text ON passages BEGIN {delete} {insert} END",
    ]


SQLITE_SEARCH = [
    ("CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='passages', content_rowid='id', "
     "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"),
    ("CREATE VIRTUAL TABLE passages_tri USING fts5(text, content='passages', content_rowid='id', "
     "tokenize='trigram')"),
    *_sqlite_triggers("passages_fts"),
    *_sqlite_triggers("passages_tri"),
]

SQLITE_SEARCH_DROP = [
    *(f"DROP TRIGGER IF EXISTS {t}_{s}" for t in ("passages_fts", "passages_tri") for s in ("ai", "ad", "au")),
    "DROP TABLE IF EXISTS passages_tri",
    "DROP TABLE IF EXISTS passages_fts",
]

POSTGRES_SEARCH = [
    ("ALTER TABLE passages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector("
     "CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END, "
     "translate(text, 'ёЁ', 'еЕ'))) STORED"),
    "CREATE INDEX ix_passages_search_vector ON passages USING gin (search_vector)",
]
