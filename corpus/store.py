"""`store_document`: one Document and its Analysis into rows, idempotent by sha256, one transaction."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session

from ingest import Document
from nlp import Analysis

from .errors import CorpusError, db_reason
from .models import DocumentRow, PageRow, PassageRow
from .reply_links import relink
from .rows import ROW_KINDS
from .text import clean, clean_value
from .titles import title_key
from .versions import supersede


@dataclass
class StoreResult:
    """The stored document's id; created is False when the same bytes were already in the corpus."""

    document_id: int
    created: bool


def document_id_for_sha(engine: Engine, sha256: str) -> int | None:
    """The id of the document whose file bytes have this sha256, if stored."""
    with engine.connect() as conn:
        return conn.execute(select(DocumentRow.id).where(DocumentRow.sha256 == sha256)).scalar_one_or_none()


def store_document(engine: Engine, doc: Document, analysis: Analysis) -> StoreResult:
    """Write the document, its pages, passages and extracted rows in one transaction (or nothing)."""
    existing = document_id_for_sha(engine, doc.sha256)
    if existing is not None:
        return StoreResult(existing, created=False)
    check_spans(doc, analysis)
    try:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            document_id = _write(session, doc, analysis)
    except IntegrityError as exc:
        existing = document_id_for_sha(engine, doc.sha256)
        if existing is not None:  # a concurrent ingest stored the same bytes first
            return StoreResult(existing, created=False)
        raise CorpusError(f"cannot store {doc.path}: {db_reason(exc)}") from exc
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot store {doc.path}: {db_reason(exc)}") from exc
    if doc.kind in ("reply", "inquiry"):  # a reply links to its inquiry, whichever of the two comes first
        relink(engine, document_id)
    return StoreResult(document_id, created=True)


def _write(session: Session, doc: Document, analysis: Analysis) -> int:
    text, title, path = clean(doc.text), clean(doc.title) if doc.title else None, clean(str(doc.path))
    row = DocumentRow(
        sha256=doc.sha256, path=path, format=doc.format, title=title, title_key=title_key(title, path),
        date=doc.date, kind=doc.kind,
        language=doc.language, page_count=doc.page_count, ocr=bool(doc.ocr), text=text,
        meta=clean_value(doc.metadata or {}), warnings=[clean(str(w)) for w in doc.warnings],
        response_due=analysis.response_due,
    )
    session.add(row)
    session.flush()
    document_id = row.id
    url = (doc.metadata or {}).get("url")
    supersede(session, document_id, row.path, url if isinstance(url, str) else None)  # the old version: history
    session.add_all(PageRow(document_id=document_id, number=p.number, start=p.start, end=p.end)
                    for p in doc.pages)
    passages = [
        PassageRow(document_id=document_id, seq=seq, page=p.page, start=p.start, end=p.end,
                   language=p.language, text=text[p.start:p.end])
        for seq, p in enumerate(doc.paragraphs)
    ]
    session.add_all(passages)
    session.flush()
    locate = PassageLocator(passages)

    def span(item, page: int | None) -> dict:
        return {"document_id": document_id, "passage_id": locate(item.start),
                "page": page if page is not None else doc.page_at(item.start),
                "start": item.start, "end": item.end, "text": clean(item.text)}

    rows = {kind.field: [kind.row(**span(item, getattr(item, "page", None)), **kind.columns(item))
                         for item in getattr(analysis, kind.field)] for kind in ROW_KINDS}
    session.add_all(row for kind_rows in rows.values() for row in kind_rows)
    session.flush()
    if link_translations(rows, analysis):
        session.flush()
    return document_id


def link_translations(rows: dict[str, list], analysis: Analysis) -> bool:
    """Point each stored row of a translated pair at its counterpart's id (`translation_of`); rows are in the
    order of the Analysis lists, whose `translation` is an index into the same list. Whether any was set."""
    linked = False
    for field, stored in rows.items():
        for row, item in zip(stored, getattr(analysis, field), strict=True):
            other = getattr(item, "translation", None)
            if other is not None and hasattr(row, "translation_of") and 0 <= other < len(stored):
                row.translation_of = stored[other].id
                linked = True
    return linked


class PassageLocator:
    """Finds the passage holding a character offset (None between passages)."""

    def __init__(self, passages: list[PassageRow]):
        self._passages = sorted(passages, key=lambda p: p.start)
        self._starts = [p.start for p in self._passages]

    def __call__(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._passages[i].start <= offset < max(self._passages[i].end, self._passages[i].start + 1):
            return self._passages[i].id
        return None


def check_spans(doc: Document, analysis: Analysis) -> None:
    """Refuse offsets outside the text before anything is written."""
    n = len(doc.text)
    spans = [("page", p) for p in doc.pages] + [("paragraph", p) for p in doc.paragraphs]
    for kind in ROW_KINDS:
        spans += [(kind.field, item) for item in getattr(analysis, kind.field)]
    for name, item in spans:
        if not (0 <= item.start <= item.end <= n):
            raise CorpusError(f"cannot store {doc.path}: {name} span {item.start}..{item.end} "
                              f"lies outside the text (length {n})")
