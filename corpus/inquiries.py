"""Stored inquiries as the explorer's Inquiries and Inquiry pages read them: addressee, signatories with
factions, response term and days left, demands, and the figures that are on conflict cards.

The response term (`documents.response_due`) was computed at ingest from a setting (SAUAL_RESPONSE_DAYS),
not a verified rule. An inquiry with a linked reply (reply_links.py) is "answered"; else its status is "open",
"due_soon" (≤ DUE_SOON_DAYS days left) or "overdue"; None without a term. The Inquiry detail carries the linked
replies and each demand's answer status with the reply passage quoted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from .claims import conflicts_of_document
from .documents import document_filters
from .errors import CorpusError, db_reason
from .hits import NEWEST_DOCUMENTS
from .models import AddresseeRow, DemandRow, DocumentRow, FigureRow, SignatoryRow
from .reply_views import DemandAnswer, LinkedReply, demand_answers, linked_replies, reply_counts
from .titles import base_title

__all__ = ["ANSWERED", "DUE_SOON_DAYS", "INQUIRY_STATUSES", "InquiryDemand", "InquiryDetail", "InquiryFigure",
           "InquiryPerson", "InquirySummary", "get_inquiry", "inquiry_status", "list_inquiries"]

DUE_SOON_DAYS = 3
ANSWERED = "answered"
INQUIRY_STATUSES = ("open", "due_soon", "overdue", ANSWERED)


@dataclass(frozen=True)
class InquiryPerson:
    """An addressee (detail: the position) or a signatory (detail: the faction)."""

    name: str
    detail: str | None = None
    original: str | None = field(default=None, compare=False)  # the name as the document writes it


@dataclass
class InquirySummary:
    """One stored inquiry as the Inquiries list shows it."""

    id: int
    title: str
    date: dt.date | None
    response_due: dt.date | None
    days_left: int | None
    status: str | None
    language: str
    addressees: list[InquiryPerson] = field(default_factory=list)
    signatories: list[InquiryPerson] = field(default_factory=list)
    demands: int = 0
    replies: int = 0  # linked replies (status "answered" when any)

    @property
    def factions(self) -> list[str]:
        """The signatories' factions, each once, in signing order."""
        return list(dict.fromkeys(p.detail for p in self.signatories if p.detail))


@dataclass
class InquiryDemand:
    """One demand of an inquiry with where it is (passage, page, offsets) and what the extractor said."""

    id: int
    type: str
    number: int | None
    text: str
    page: int | None
    passage_id: int | None
    start: int
    end: int
    procedural: bool = False
    rhetorical: bool = False
    directed_to: str | None = None
    lang_part: str | None = None
    answer: DemandAnswer | None = None  # how a linked reply answers it (None: no reply, or nothing to answer)
    translation: InquiryDemand | None = None  # the same point in the other language half of a bilingual inquiry


@dataclass
class InquiryFigure:
    """A figure the inquiry cites that is on a conflict card (the card's id for a link)."""

    card_id: str
    label: str
    period: str
    kind: str
    text: str
    page: int | None
    passage_id: int | None
    start: int
    end: int
    disagrees_with: list[int] = field(default_factory=list)


@dataclass
class InquiryDetail(InquirySummary):
    """An inquiry with every demand (and how its replies answer it), its figures on conflict cards, its replies."""

    demand_list: list[InquiryDemand] = field(default_factory=list)
    figures: list[InquiryFigure] = field(default_factory=list)
    reply_list: list[LinkedReply] = field(default_factory=list)

    @property
    def unanswered(self) -> list[InquiryDemand]:
        """The demands a linked reply left unanswered (empty when no reply is linked)."""
        return [d for d in self.demand_list if d.answer and d.answer.status == "not_answered"]


def inquiry_status(response_due: dt.date | None, today: dt.date, replies: int = 0) -> tuple[int | None, str | None]:
    """(days left, status) of a response term on `today`: negative days are overdue; any reply answers it."""
    days = None if response_due is None else (response_due - today).days
    if replies:
        return days, ANSWERED
    if days is None:
        return None, None
    return days, "overdue" if days < 0 else "due_soon" if days <= DUE_SOON_DAYS else "open"


def _people(conn, model, detail, ids: list[int]) -> dict[int, list[InquiryPerson]]:
    """Each document's addressees or signatories, in reading order, each (name, detail) once."""
    names = (func.coalesce(model.name_en, model.name) if model is AddresseeRow else model.name).label("who")
    rows = conn.execute(select(model.document_id, names, detail.label("detail"), model.name)
                        .where(model.document_id.in_(ids)).order_by(model.document_id, model.start, model.id))
    found: dict[int, list[InquiryPerson]] = {i: [] for i in ids}
    for document_id, name, what, original in rows:
        person = InquiryPerson(" ".join(name.split()), what, original)
        if person not in found[document_id]:
            found[document_id].append(person)
    return found


def addressed_inquiries(conn) -> dict[int, list[InquiryPerson]]:
    """Every current inquiry's addressees, newest inquiry first (list_inquiries' order) — without the signatories,
    demands and replies a summary reads, for the answer rates."""
    ids = list(conn.execute(select(DocumentRow.id).where(*document_filters(kind="inquiry"))
                            .order_by(*NEWEST_DOCUMENTS)).scalars())
    return _people(conn, AddresseeRow, AddresseeRow.position, ids) if ids else {}


def _summaries(conn, conditions: list, today: dt.date) -> list[InquirySummary]:
    query = (select(DocumentRow.id, DocumentRow.title, DocumentRow.path, DocumentRow.date, DocumentRow.response_due,
                    DocumentRow.language)
             .where(*document_filters(kind="inquiry"), *conditions)
             .order_by(*NEWEST_DOCUMENTS))
    docs = conn.execute(query).all()
    ids = [d.id for d in docs]
    if not ids:
        return []
    addressees = _people(conn, AddresseeRow, AddresseeRow.position, ids)
    signatories = _people(conn, SignatoryRow, SignatoryRow.faction, ids)
    once = or_(DemandRow.translation_of.is_(None), DemandRow.translation_of > DemandRow.id)  # a translated pair once
    counts = dict(conn.execute(select(DemandRow.document_id, func.count()).where(DemandRow.document_id.in_(ids), once)
                               .group_by(DemandRow.document_id)).all())
    replies = reply_counts(conn, ids)
    return [InquirySummary(d.id, base_title(d.title, d.path, d.id), d.date, d.response_due,
                           *inquiry_status(d.response_due, today, replies.get(d.id, 0)), d.language,
                           addressees[d.id], signatories[d.id], counts.get(d.id, 0), replies.get(d.id, 0))
            for d in docs]


def _matches(text: str | None, wanted: str | None) -> bool:
    return not wanted or " ".join(wanted.split()).casefold() in (text or "").casefold()


def _wanted(s: InquirySummary, addressee: str | None, signatory: str | None, faction: str | None,
            status: str | None) -> bool:
    return ((not addressee or any(_matches(p.name, addressee) or _matches(p.original, addressee)
                                  for p in s.addressees))
            and (not signatory or any(_matches(p.name, signatory) for p in s.signatories))
            and (not faction or any((p.detail or "").casefold() == faction.casefold() for p in s.signatories))
            and (not status or s.status == status))


def list_inquiries(engine: Engine, *, addressee: str | None = None, signatory: str | None = None,
                   faction: str | None = None, status: str | None = None, date_from: dt.date | None = None,
                   date_to: dt.date | None = None, today: dt.date | None = None) -> list[InquirySummary]:
    """Stored documents of kind "inquiry", newest first (undated last), with their addressees, signatories,
    response term, days left on `today` (default: the current date), status and number of demands.

    `addressee` and `signatory` match part of a name (case-insensitive; an addressee by its English or
    stored name), `faction` a signatory's faction exactly, `status` one of INQUIRY_STATUSES; a date range
    leaves undated inquiries out.
    """
    if status and status not in INQUIRY_STATUSES:
        raise CorpusError(f"unknown inquiry status {status!r}: use one of {', '.join(INQUIRY_STATUSES)}")
    conditions = document_filters(date_from=date_from, date_to=date_to)
    if addressee:  # narrows in SQL; _wanted keeps the exact rule
        conditions.append(DocumentRow.id.in_(select(AddresseeRow.document_id)))
    try:
        with engine.connect() as conn:
            found = _summaries(conn, conditions, today or dt.date.today())
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading inquiries failed: {db_reason(exc)}") from exc
    return [s for s in found if _wanted(s, addressee, signatory, faction, status)]


def _demands(conn, document_id: int) -> list[InquiryDemand]:
    rows = conn.execute(select(DemandRow).where(DemandRow.document_id == document_id)
                        .order_by(DemandRow.start, DemandRow.id)).mappings()
    answers = demand_answers(conn, document_id)
    out, pairs = [], {}
    for r in rows:
        d = InquiryDemand(r["id"], r["type"], r["number"], r["text"], r["page"], r["passage_id"], r["start"],
                          r["end"], bool(r["procedural"]), bool(r["rhetorical"]), r["directed_to"], r["lang_part"],
                          answers.get(r["id"]))
        first = pairs.get(d.id)
        if first is not None:  # a translation of an earlier point: one checklist item, the other half attached
            first.translation = d
            first.answer = first.answer or d.answer
            continue
        if r["translation_of"]:
            pairs[r["translation_of"]] = d
        out.append(d)
    return out


def _figures(engine: Engine, conn, document_id: int) -> list[InquiryFigure]:
    marks = conflicts_of_document(engine, document_id)
    if not marks:
        return []
    spans = {(r.start, r.end): r for r in conn.execute(
        select(FigureRow.start, FigureRow.end, FigureRow.text, FigureRow.page, FigureRow.passage_id)
        .where(FigureRow.document_id == document_id))}
    out = []
    for m in marks:
        row = spans.get((m.start, m.end))
        out.append(InquiryFigure(m.card_id, m.label, m.period, m.kind, row.text if row else "",
                                 row.page if row else None, row.passage_id if row else None, m.start, m.end,
                                 list(m.disagrees_with)))
    return out


def get_inquiry(engine: Engine, document_id: int, *, today: dt.date | None = None) -> InquiryDetail | None:
    """One inquiry with its summary, every demand in reading order (with its answer), its figures on conflict
    cards and its linked replies; None when there is no such document or it is not an inquiry."""
    try:
        with engine.connect() as conn:
            found = _summaries(conn, [DocumentRow.id == document_id], today or dt.date.today())
            if not found:
                return None
            demands = _demands(conn, document_id)
            figures = _figures(engine, conn, document_id)
            replies = linked_replies(conn, document_id)
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading inquiry {document_id} failed: {db_reason(exc)}") from exc
    return InquiryDetail(**vars(found[0]), demand_list=demands, figures=figures, reply_list=replies)
