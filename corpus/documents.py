"""Reading stored documents back as plain values: summaries for lists, the whole record for one page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select
from sqlmodel import Session
from sqlmodel import select as select_rows

from nlp import Addressee, Demand, Entity, Figure, ReplyReference, Signatory

from .hits import NEWEST_DOCUMENTS
from .models import (
    ConflictRow,
    DocumentRow,
    PageRow,
    PassageRow,
)
from .rows import ROW_KINDS
from .versions import current


@dataclass
class DocumentSummary:
    """One stored document as lists and facets show it."""

    id: int
    path: str
    title: str | None
    kind: str
    language: str
    date: dt.date | None
    page_count: int | None
    sha256: str
    ocr: bool
    format: str


@dataclass
class PassageInfo:
    """A stored passage: its id for search permalinks, place and language; text is text[start:end]."""

    id: int
    seq: int
    page: int | None
    start: int
    end: int
    language: str


@dataclass
class StoredDocument(DocumentSummary):
    """A stored document with its text, layout and everything extracted from it."""

    text: str = ""
    pages: list[tuple[int, int, int]] = field(default_factory=list)  # (number, start, end)
    passages: list[PassageInfo] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    demands: list[Demand] = field(default_factory=list)
    addressee: list[Addressee] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    reply_to: list[ReplyReference] = field(default_factory=list)
    response_due: dt.date | None = None
    superseded_by: int | None = None  # the newest version of the same file, when this one is history


_SUMMARY = (DocumentRow.id, DocumentRow.path, DocumentRow.title, DocumentRow.kind, DocumentRow.language,
            DocumentRow.date, DocumentRow.page_count, DocumentRow.sha256, DocumentRow.ocr, DocumentRow.format)


def document_filters(language: str | None = None, kind: str | None = None, date_from: dt.date | None = None,
                     date_to: dt.date | None = None, *, include_undated: bool = False) -> list:
    """SQL conditions on documents shared by listing and search.

    Undated documents fall out of date ranges unless `include_undated` keeps them in. Only the newest version
    of each file is listed (a superseded one stays readable by id).
    """
    conditions = [current()]
    if language:
        conditions.append(DocumentRow.language == language)
    if kind:
        conditions.append(DocumentRow.kind == kind)
    dates = []
    if date_from:
        dates.append(DocumentRow.date >= date_from)
    if date_to:
        dates.append(DocumentRow.date <= date_to)
    if dates and include_undated:
        conditions.append(or_(and_(*dates), DocumentRow.date.is_(None)))
    else:
        conditions.extend(dates)
    return conditions


def list_documents(engine: Engine, *, language: str | None = None, kind: str | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None,
                   include_undated: bool = False, title: str | None = None, limit: int | None = None,
                   offset: int = 0) -> list[DocumentSummary]:
    """Stored documents, newest first (undated last), filtered by document language, kind, date and words of the
    title (or file name); `limit`/`offset` give one page of the list.

    A date range leaves undated documents out unless `include_undated` is set.
    """
    conditions = _listed(language, kind, date_from, date_to, include_undated, title)
    query = (select(*_SUMMARY).where(*conditions)
             .order_by(*NEWEST_DOCUMENTS).offset(offset).limit(limit))
    with engine.connect() as conn:
        return [DocumentSummary(*row) for row in conn.execute(query)]


def count_listed(engine: Engine, *, language: str | None = None, kind: str | None = None,
                 date_from: dt.date | None = None, date_to: dt.date | None = None,
                 include_undated: bool = False, title: str | None = None) -> int:
    """How many documents list_documents gives under these filters (for paging)."""
    conditions = _listed(language, kind, date_from, date_to, include_undated, title)
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(DocumentRow).where(*conditions)).scalar_one()


def _listed(language, kind, date_from, date_to, include_undated, title) -> list:
    """document_filters plus every word of `title` inside the stored title key (case-folded)."""
    conditions = document_filters(language, kind, date_from, date_to, include_undated=include_undated)
    for word in (title or "").casefold().split():
        pattern = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(DocumentRow.title_key.like(f"%{pattern}%", escape="\\"))
    return conditions


def count_undated(engine: Engine, *, language: str | None = None, kind: str | None = None) -> int:
    """How many documents under these filters have no date (a date range would leave them out)."""
    conditions = [*document_filters(language, kind), DocumentRow.date.is_(None)]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(DocumentRow).where(*conditions)).scalar_one()


def count_documents(engine: Engine) -> int:
    """How many documents the corpus holds (every version)."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(DocumentRow)).scalar_one()


def corpus_version(engine: Engine) -> tuple:
    """A stamp that changes when documents are stored, replaced or removed, or conflict cards recomputed:
    (documents, newest document id, active cards, their latest recompute). Caches of reads key on it."""
    cards = ConflictRow.__table__
    with engine.connect() as conn:
        documents = conn.execute(select(func.count(), func.max(DocumentRow.id))).one()
        active = conn.execute(select(func.count(), func.max(cards.c.last_seen)).where(cards.c.active.is_(True))).one()
    return (*documents, active[0], str(active[1]))


def get_document(engine: Engine, document_id: int) -> StoredDocument | None:
    """The whole stored record of one document, or None when there is no such id."""
    with Session(engine) as session:
        row = session.get(DocumentRow, document_id)
        if row is None:
            return None

        def rows(model):
            return session.exec(select_rows(model).where(model.document_id == document_id)
                                .order_by(model.start, model.id)).all()

        pages = session.exec(select_rows(PageRow).where(PageRow.document_id == document_id)
                             .order_by(PageRow.number)).all()
        passages = session.exec(select_rows(PassageRow).where(PassageRow.document_id == document_id)
                                .order_by(PassageRow.seq)).all()
        return StoredDocument(
            id=row.id, path=row.path, title=row.title, kind=row.kind, language=row.language, date=row.date,
            page_count=row.page_count, sha256=row.sha256, ocr=row.ocr, format=row.format,
            text=row.text,
            pages=[(p.number, p.start, p.end) for p in pages],
            passages=[PassageInfo(p.id, p.seq, p.page, p.start, p.end, p.language) for p in passages],
            metadata=dict(row.meta or {}),
            warnings=list(row.warnings or []),
            **{kind.field: kind.items_of(rows(kind.row)) for kind in ROW_KINDS},
            response_due=row.response_due,
            superseded_by=row.superseded_by,
        )
