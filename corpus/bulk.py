"""`bulk_store`: many new documents written with executemany inserts, row for row what store_document writes.

For loading large generated corpora (tests/bench_corpus.py): ids are assigned here from the tables'
current maxima, rows are inserted table by table in batches, one transaction per batch. The columns
and values are those of `store._write` (same cleaning, passage lookup, page fallback and RowKind
columns); only ids and `added_at` differ. Conflict cards are not recomputed (call recompute_conflicts).
On SQLite the full-text triggers on new passages are dropped inside each batch's transaction, their
own INSERT run once over the batch's passages, and recreated (the same index, several times faster).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from ingest import Document
from nlp import Analysis

from .errors import CorpusError, db_reason
from .models import DocumentRow, PageRow, PassageRow
from .rows import ROW_KINDS
from .store import PassageLocator, check_spans
from .text import clean as _clean
from .text import clean_value
from .titles import title_key

TABLES = (DocumentRow.__table__, PageRow.__table__, PassageRow.__table__, *(k.row.__table__ for k in ROW_KINDS))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# an AFTER INSERT trigger whose body is one INSERT … VALUES (…): run it as INSERT … SELECT over a batch
_TRIGGER = re.compile(r"\bBEGIN\s+(INSERT\s+INTO\s+.+?)\s+VALUES\s*\((.*)\)\s*;\s*END\s*$", re.DOTALL | re.IGNORECASE)


def clean(text: str) -> str:
    """corpus.text.clean, skipped for text without control characters (the same result, faster)."""
    return _clean(text) if _CONTROL.search(text) else text


@dataclass
class _Passage:
    """What the passage locator needs of a passage row."""

    id: int
    start: int
    end: int


class RowBatch:
    """Rows of some documents by table name, with ids counted from 0 (`insert_rows` moves them past the stored ones).

    Plain dicts, so a batch can be built in another process (see rows_for) and pickled back.
    """

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}

    def add(self, table: str, row: dict[str, Any]) -> int:
        row["id"] = len(self.rows[table])
        self.rows[table].append(row)
        return row["id"]

    def shift(self, first_ids: dict[str, int]) -> None:
        """Move every id, document_id and passage_id by the first free id of its table."""
        doc, passage = first_ids["documents"], first_ids["passages"]
        for name, rows in self.rows.items():
            base = first_ids[name]
            for row in rows:
                row["id"] += base
                if name != "documents":
                    row["document_id"] += doc
                if row.get("passage_id") is not None:
                    row["passage_id"] += passage
                if row.get("translation_of") is not None:
                    row["translation_of"] += base


def _document_rows(batch: RowBatch, doc: Document, analysis: Analysis, now: dt.datetime) -> None:
    """The rows store._write makes for one document, added to `batch`."""
    check_spans(doc, analysis)
    text, title, path = clean(doc.text), clean(doc.title) if doc.title else None, clean(str(doc.path))
    document_id = batch.add("documents", {
        "sha256": doc.sha256, "path": path, "format": doc.format, "title": title, "title_key": title_key(title, path),
        "date": doc.date, "kind": doc.kind,
        "language": doc.language, "page_count": doc.page_count, "ocr": bool(doc.ocr), "text": text,
        "meta": clean_value(doc.metadata or {}), "warnings": [clean(str(w)) for w in doc.warnings],
        "response_due": analysis.response_due, "added_at": now})
    for p in doc.pages:
        batch.add("pages", {"document_id": document_id, "number": p.number, "start": p.start, "end": p.end})
    passages = []
    for seq, p in enumerate(doc.paragraphs):
        row = {"document_id": document_id, "seq": seq, "page": p.page, "start": p.start, "end": p.end,
               "language": p.language, "text": text[p.start:p.end]}
        passages.append(_Passage(batch.add("passages", row), p.start, p.end))
    locate = PassageLocator(passages)
    for kind in ROW_KINDS:
        table = kind.row.__tablename__
        rows = []
        for item in getattr(analysis, kind.field):
            page = getattr(item, "page", None)
            rows.append(dict(document_id=document_id, passage_id=locate(item.start),
                             page=page if page is not None else doc.page_at(item.start),
                             start=item.start, end=item.end, text=clean(item.text), **kind.columns(item)))
            batch.add(table, rows[-1])
        for row, item in zip(rows, getattr(analysis, kind.field), strict=True):  # as store.link_translations
            if "translation_of" in row and getattr(item, "translation", None) is not None:
                row["translation_of"] = rows[item.translation]["id"]


def _next_ids(conn: Any) -> dict[str, int]:
    return {t.name: (conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1 for t in TABLES}


def _advance_sequences(conn: Any) -> None:
    """PostgreSQL: move each id sequence past the ids written here (SQLite needs nothing)."""
    if conn.dialect.name != "postgresql":
        return
    for t in TABLES:
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                          f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {t.name}), false)"))


def _sqlite_insert_triggers(conn: Any) -> list[tuple[str, str, str]]:
    """(name, create statement, batch statement) of SQLite's one-statement AFTER INSERT triggers on passages."""
    if conn.dialect.name != "sqlite":
        return []
    out = []
    for name, sql in conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                          "AND tbl_name = 'passages'"):
        match = _TRIGGER.search(sql)
        if match and re.search(r"\bAFTER\s+INSERT\s+ON\b", sql, re.IGNORECASE):
            out.append((name, sql, (f"{match[1]} SELECT {match[2]} FROM passages AS new "
                                   "WHERE new.id BETWEEN :lo AND :hi")))
    return out


def _insert(conn: Any, batch: RowBatch) -> None:
    """Every table's rows of the batch; SQLite's passage triggers run once over the batch."""
    triggers = _sqlite_insert_triggers(conn)
    for name, _, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for table in TABLES:
        if batch.rows[table.name]:
            conn.execute(table.insert(), batch.rows[table.name])
    passages = batch.rows["passages"]
    for _, create, statement in triggers:
        if passages:
            conn.execute(text(statement), {"lo": passages[0]["id"], "hi": passages[-1]["id"]})
        conn.exec_driver_sql(create)


def rows_for(documents: Iterable[tuple[Document, Analysis]]) -> RowBatch:
    """The rows store_document would write for these documents, ids counted from 0 (no database needed)."""
    batch, now = RowBatch(), dt.datetime.now(dt.UTC)
    for doc, analysis in documents:
        _document_rows(batch, doc, analysis, now)
    return batch


def insert_rows(engine: Engine, batch: RowBatch) -> int:
    """Write a RowBatch in one transaction, ids moved past the stored ones; the number of documents written."""
    try:
        with engine.begin() as conn:
            batch.shift(_next_ids(conn))
            _insert(conn, batch)
            _advance_sequences(conn)
    except SQLAlchemyError as exc:
        raise CorpusError(f"bulk store failed: {db_reason(exc)}") from exc
    return len(batch.rows["documents"])


def bulk_store(engine: Engine, documents: Iterable[tuple[Document, Analysis]], batch_size: int = 500) -> int:
    """Insert new documents (sha256 not yet stored) with their rows, `batch_size` documents a transaction.

    Returns the number of documents written. A failing batch is rolled back and raises CorpusError.
    """
    stream, written = iter(documents), 0
    while chunk := list(islice(stream, batch_size)):
        written += insert_rows(engine, rows_for(chunk))
    return written
