"""What a reply to an inquiry must answer: its demands in order, whom to address, the deadline, and for each
point the figures the corpus holds on the same indicator and place from other documents (with source and
date), so staff drafting the reply see what is already on record. `saual draft-reply` writes it as DOCX."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from .errors import CorpusError, db_reason
from .figures import FigureHit, figure_hits, figure_select
from .models import AddresseeRow, DemandRow, DocumentRow, FigureRow, SignatoryRow

__all__ = ["ReplyOutline", "ReplySection", "reply_outline"]

ON_RECORD = 8  # figures from other documents listed per indicator, newest first


@dataclass
class ReplySection:
    """One point to answer: a demand with its quote, and what the corpus holds on the figures it cites."""

    number: int | None
    type: str
    text: str
    page: int | None
    procedural: bool = False
    rhetorical: bool = False
    lang_part: str | None = None  # kk or ru in a bilingual inquiry (the halves say the same)
    cites: list[str] = field(default_factory=list)  # the inquiry's own figures inside the demand
    on_record: list[FigureHit] = field(default_factory=list)


@dataclass
class ReplyOutline:
    """An inquiry taken apart for its reply."""

    document_id: int
    title: str | None
    language: str
    date: dt.date | None
    response_due: dt.date | None
    addressees: list[str]
    signatories: list[tuple[str, str | None]]
    sections: list[ReplySection]
    background: list[tuple[str, list[FigureHit]]]  # the inquiry's other figures: its quote, other sources


def _rows(conn: Any, row: Any, document_id: int) -> list[Any]:
    return list(conn.execute(select(row.__table__).where(row.document_id == document_id).order_by(row.start)))


def _on_record(conn: Any, figure: Any) -> list[FigureHit]:
    """Figures of other documents with the same indicator, newest document first."""
    if not figure.indicator:
        return []
    stmt = figure_select().where(FigureRow.indicator == figure.indicator,
                                 FigureRow.document_id != figure.document_id).limit(ON_RECORD)
    return figure_hits(conn, stmt)


def _sections(conn: Any, demands: list[Any], figures: list[Any]) -> tuple[list[ReplySection], set[int]]:
    sections, used = [], set()
    for d in demands:
        inside = [f for f in figures if d.start <= f.start < d.end]
        used |= {f.id for f in inside}
        record = [c for f in inside for c in _on_record(conn, f)]
        sections.append(ReplySection(number=d.number, type=d.type, text=d.text, page=d.page,
                                     procedural=bool(d.procedural), rhetorical=bool(getattr(d, "rhetorical", False)),
                                     lang_part=getattr(d, "lang_part", None),
                                     cites=[f.text for f in inside], on_record=record))
    return sections, used


def reply_outline(engine: Engine, document_id: int) -> ReplyOutline:
    """The outline of the reply to stored document `document_id`; CorpusError when there is no such document."""
    try:
        with engine.connect() as conn:
            doc = conn.execute(select(DocumentRow.__table__).where(DocumentRow.id == document_id)).first()
            if doc is None:
                raise CorpusError(f"no stored document with id {document_id}")
            figures = _rows(conn, FigureRow, document_id)
            sections, used = _sections(conn, _rows(conn, DemandRow, document_id), figures)
            background = [(f.text, record) for f in figures if f.id not in used and f.kind != "proposal"
                          and (record := _on_record(conn, f))]
            addressees = list(dict.fromkeys(a.name_en or a.name for a in _rows(conn, AddresseeRow, document_id)))
            signatories = [(s.name, s.faction) for s in _rows(conn, SignatoryRow, document_id)]
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading the inquiry failed: {db_reason(exc)}") from exc
    return ReplyOutline(document_id=document_id, title=doc.title, language=doc.language, date=doc.date,
                        response_due=doc.response_due, addressees=addressees, signatories=signatories,
                        sections=sections, background=background)
