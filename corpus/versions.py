"""Document versions and removal: a changed file at the same path supersedes the stored one, and a document
can be removed with everything derived from it.

The superseded row stays as history (its text and extracted rows remain readable through its id), while
search, figures, conflicts, entities and inquiries read only the newest version of each file.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from .errors import CorpusError, db_reason
from .models import DocumentRow, FigureRow


def supersede(session: Session, document_id: int, path: str, url: str | None = None) -> list[int]:
    """Mark the newest stored versions of the same file (same path, or same source URL when the document
    gives one) as superseded by `document_id`; their ids."""
    same = DocumentRow.path == path
    if url:
        same = or_(same, DocumentRow.meta["url"].as_string() == url)
    older = session.execute(select(DocumentRow.id).where(same, DocumentRow.id != document_id,
                                                         DocumentRow.superseded_by.is_(None))).scalars().all()
    if older:
        session.execute(update(DocumentRow).where(DocumentRow.id.in_(older)).values(superseded_by=document_id))
        session.execute(update(DocumentRow).where(DocumentRow.superseded_by.in_(older))
                        .values(superseded_by=document_id))  # history points at the newest
    return list(older)


def current():
    """SQL condition on documents: the newest version of each file (what every reader of the corpus reads)."""
    return DocumentRow.superseded_by.is_(None)


def versions_of(engine: Engine, document_id: int) -> list[tuple[int, bool]]:
    """Every stored version of the document's file (same path or source URL), oldest first, as (id, is_newest):
    the newest version and the rows it superseded (history always points at the newest)."""
    with engine.connect() as conn:
        row = conn.execute(select(DocumentRow.id, DocumentRow.superseded_by)
                           .where(DocumentRow.id == document_id)).one_or_none()
        if row is None:
            return []
        newest = row.superseded_by or row.id
        rows = conn.execute(select(DocumentRow.id, DocumentRow.superseded_by)
                            .where(or_(DocumentRow.id == newest, DocumentRow.superseded_by == newest))
                            .order_by(DocumentRow.id)).all()
    return [(i, newer is None) for i, newer in rows]


def delete_document(engine: Engine, document_id: int) -> list[str]:
    """Delete a document and every row derived from it (pages, passages, figures, mentions, demands...); the
    previous version of its file, if any, becomes the newest again. Returns the indicators of its figures, whose
    conflict cards the caller recomputes (corpus.remove_document)."""
    try:
        with Session(engine) as session, session.begin():
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise CorpusError(f"no document with id {document_id}")
            indicators = session.execute(select(FigureRow.indicator).where(FigureRow.document_id == document_id)
                                         .distinct()).scalars().all()
            previous = session.execute(select(DocumentRow.id).where(DocumentRow.superseded_by == document_id)
                                       .order_by(DocumentRow.id.desc())).scalars().first()
            session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
            if previous is not None:
                session.execute(update(DocumentRow).where(DocumentRow.superseded_by == document_id)
                                .values(superseded_by=previous))
                session.execute(update(DocumentRow).where(DocumentRow.id == previous).values(superseded_by=None))
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot remove document {document_id}: {db_reason(exc)}") from exc
    return [i for i in indicators if i]
