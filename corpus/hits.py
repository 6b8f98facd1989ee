"""What every hit shares: the document it lies in, how those columns are read, and the quote around it.

Search hits, figure hits, mentions and demands all carry the same document columns; they are
selected under one set of labels (header_columns, header_sql) and read by one builder
(DocumentHeader.header), each hit class naming the fields the document's kind and language go to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select

from .models import DocumentRow

ELLIPSIS = "…"
QUOTE_WIDTH = 300  # passages longer than this are cut to a window of about this many characters

# document column → the label it is selected under, next to a hit's own columns
_HEADER = (("title", "d_title"), ("path", "d_path"), ("kind", "d_kind"), ("language", "d_language"),
           ("date", "d_date"))
HEADER_DATE = "d_date"  # raw SQL must declare this label a Date (SQLite keeps dates as ISO strings)


def header_columns() -> list:
    """The document columns of a hit, labelled, for select(...) joined with DocumentRow."""
    return [getattr(DocumentRow, column).label(label) for column, label in _HEADER]


def header_sql(alias: str = "d") -> str:
    """The same columns for raw SQL over `documents AS alias`."""
    return ", ".join(f"{alias}.{column} AS {label}" for column, label in _HEADER)


@dataclass
class DocumentHeader:
    """The document a hit lies in (its id, title, path and date; kind and language under KIND/LANGUAGE)."""

    KIND: ClassVar[str | None] = "doc_kind"  # the field the document's kind goes to (None: not carried)
    LANGUAGE: ClassVar[str] = "doc_language"  # the field the document's language goes to

    document_id: int
    title: str | None
    path: str
    date: dt.date | None

    @classmethod
    def header(cls, row: Mapping[str, Any]) -> dict[str, Any]:
        """Constructor keywords for the document fields, from a row with document_id and the header labels."""
        values = {"document_id": row["document_id"], "title": row["d_title"], "path": row["d_path"],
                  "date": row["d_date"], cls.LANGUAGE: row["d_language"]}
        if cls.KIND:
            values[cls.KIND] = row["d_kind"]
        return values


@dataclass
class SpanHit(DocumentHeader):
    """A stored extracted span (figure, mention, demand) with its document: row id, passage, page, offsets, text."""

    id: int
    passage_id: int | None
    page: int | None
    start: int
    end: int
    text: str

    @classmethod
    def header(cls, row: Mapping[str, Any]) -> dict[str, Any]:
        """Constructor keywords for the document and span fields, from a row selecting the span's table."""
        return {**super().header(row), **{name: row[name] for name in _SPAN}}


_SPAN = ("id", "passage_id", "page", "start", "end", "text")


ID_CHUNK = 500  # ids per IN (…) list: far below SQLite's and PostgreSQL's bound parameter limits
# ORDER BY terms of every document list: newest first, undated last, then by id (ix_documents_newest, migration 0013)
NEWEST_DOCUMENTS = (DocumentRow.date.is_(None), DocumentRow.date.desc(), DocumentRow.id)


def chunks(values: list, size: int = ID_CHUNK) -> Iterator[list]:
    """`values` in slices of `size`, one IN (…) list each."""
    return (values[at:at + size] for at in range(0, len(values), size))


def newest_first(start, row_id) -> tuple:
    """ORDER BY terms: newest document first (undated last), then reading order by `start`, then `row_id`."""
    return (*NEWEST_DOCUMENTS, start, row_id)


def document_texts(conn, document_ids: set[int]) -> dict[int, str]:
    """The full text of the given documents (for spans that lie outside every passage)."""
    if not document_ids:
        return {}
    stmt = select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(document_ids))
    return dict(conn.execute(stmt).all())


def span_quote(row: Mapping[str, Any], texts: dict[int, str]) -> tuple[str, int, int]:
    """The quote around a stored span: from its passage (p_text at p_start), else the document's text."""
    if row["p_text"] is not None:
        return quote_window(row["p_text"], row["start"] - row["p_start"], row["end"] - row["p_start"])
    return quote_window(texts.get(row["document_id"], ""), row["start"], row["end"])


def quote_window(source: str, start: int, end: int, width: int = QUOTE_WIDTH) -> tuple[str, int, int]:
    """`source` (or about `width` characters of it around start..end, cut at spaces, with ellipses)
    and the span's offsets inside the returned quote."""
    start, end = max(0, min(start, len(source))), max(0, min(end, len(source)))
    if len(source) <= width + width // 2:
        return source, start, end
    total = max(width, end - start)
    lo = max(0, start - (total - (end - start)) // 2)
    hi = min(len(source), lo + total)
    lo = max(0, hi - total)  # a window cut by the end of the text grows to the left
    if lo > 0:
        space = source.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(source):
        space = source.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(source) else ""
    shift = len(prefix) - lo
    return prefix + source[lo:hi] + suffix, start + shift, end + shift
