"""Stored rows (SQLModel tables). They never leave corpus: the API converts them to dataclasses.

Every extracted row (figure, mention, demand, addressee, signatory, reply reference) keeps document, passage, page and
character offsets into `documents.text`, so the UI can always quote its source.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DocumentRow(SQLModel, table=True):
    """One ingested file, identified by the sha256 of its bytes."""

    __tablename__ = "documents"
    # migration 0014: same-titled documents found together, with their dates (corpus.titles)
    __table_args__ = (Index("ix_documents_title_key", "title_key", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, unique=True)
    path: str = Field(sa_type=Text)
    format: str = Field(max_length=16)
    title: str | None = Field(default=None, sa_type=Text)
    title_key: str | None = Field(default=None, sa_type=Text)  # corpus.titles.title_key(title, path)
    date: dt.date | None = Field(default=None, index=True)
    kind: str = Field(default="other", max_length=32, index=True)
    language: str = Field(default="other", max_length=16, index=True)
    page_count: int | None = None
    ocr: bool = False
    text: str = Field(sa_type=Text)
    meta: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    warnings: list[str] = Field(default_factory=list, sa_type=JSON)
    response_due: dt.date | None = None
    added_at: dt.datetime = Field(default_factory=_now)
    # a newer version of the same file (same path, other bytes): this row is history, not searched or compared
    superseded_by: int | None = Field(default=None, index=True)  # documents.id (kept by corpus.versions)


class _DocumentPart(SQLModel):
    """Columns a page and a passage share: their own id and their document's (unindexed: see the unique keys)."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", ondelete="CASCADE")


class PageRow(_DocumentPart, table=True):
    """Page `number` of a document covers text[start:end]."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_pages_document_number"),)

    number: int
    start: int
    end: int


class PassageRow(_DocumentPart, table=True):
    """One paragraph of a document: the unit of full-text search."""

    __tablename__ = "passages"
    __table_args__ = (UniqueConstraint("document_id", "seq", name="uq_passages_document_seq"),)

    seq: int
    page: int | None = None
    start: int
    end: int
    language: str = Field(default="other", max_length=16, index=True)
    text: str = Field(sa_type=Text)


class _Span(SQLModel):
    """Columns every extracted row shares: where it is and what it quotes."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", ondelete="CASCADE", index=True)
    passage_id: int | None = Field(default=None, foreign_key="passages.id", ondelete="SET NULL", index=True)
    page: int | None = None
    start: int
    end: int
    text: str = Field(sa_type=Text)


class FigureRow(_Span, table=True):
    """A number the document states, normalised to base units (contract `figures`)."""

    __tablename__ = "figures"

    value: float
    value_max: float | None = None
    qualifier: str = Field(default="exact", max_length=16)
    approx: bool = False
    unit: str = Field(default="count", max_length=32)
    what: str | None = Field(default=None, sa_type=Text)
    indicator: str | None = Field(default=None, max_length=128, index=True)
    place: str | None = Field(default=None, max_length=128)
    year: int | None = None
    period: str | None = Field(default=None, max_length=64)
    source: str | None = Field(default=None, sa_type=Text)
    source_kind: str = Field(default="unknown", max_length=16)
    kind: str = Field(default="statistic", max_length=16)
    contrast: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    lang_part: str | None = Field(default=None, max_length=8)
    translation_of: int | None = None  # the id of the same figure in the other half of a bilingual inquiry


class MentionRow(_Span, table=True):
    """A named entity mention: person, organisation or place (contract `entities`)."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_label_canonical", "label", "canonical"),
                      # migration 0011: an entity key's parts per document (search's entity filter, entity facets)
                      Index("ix_mentions_document_key", "document_id", "person_key", "entity_id", "label", "canonical",
                            "name_en"))

    label: str = Field(max_length=8)
    canonical: str = Field(sa_type=Text)
    name_en: str | None = Field(default=None, sa_type=Text)
    entity_id: str | None = Field(default=None, max_length=128, index=True)
    person_key: str | None = Field(default=None, max_length=160, index=True)  # corpus.persons: one key a person


class DemandRow(_Span, table=True):
    """A question, proposal or demand the document makes (contract `demands`)."""

    __tablename__ = "demands"

    type: str = Field(max_length=16)
    procedural: bool = False
    number: int | None = None
    directed_to: str | None = Field(default=None, sa_type=Text)
    rhetorical: bool = False
    lang_part: str | None = Field(default=None, max_length=8)
    translation_of: int | None = None  # the id of its counterpart in the other half of a bilingual inquiry
    label: str | None = Field(default=None, max_length=16)  # as its list numbers it: 2, 1.2, 1.б


class AddresseeRow(_Span, table=True):
    """Whom an inquiry is addressed to (contract `addressee`)."""

    __tablename__ = "addressees"

    name: str = Field(sa_type=Text)
    name_en: str | None = Field(default=None, sa_type=Text)
    position: str | None = Field(default=None, sa_type=Text)


class SignatoryRow(_Span, table=True):
    """A deputy who signed the inquiry (contract `signatories`)."""

    __tablename__ = "signatories"
    __table_args__ = (Index("ix_signatories_name", "name"),)  # migration 0014: who else signed (corpus.titles)

    name: str = Field(sa_type=Text)
    faction: str | None = Field(default=None, sa_type=Text)
    entity_id: str | None = Field(default=None, max_length=128, index=True)  # the deputy (kz.deputy.<slug>)


class ReplyRefRow(_Span, table=True):
    """What a reply cites of the inquiry it answers, whom it addresses and who signed it (contract `reply_to`)."""

    __tablename__ = "reply_refs"

    cited_date: dt.date | None = None
    cited_number: str | None = Field(default=None, max_length=64)
    outgoing_number: str | None = Field(default=None, max_length=64)
    incoming_number: str | None = Field(default=None, max_length=64)
    deputies: list[str] = Field(default_factory=list, sa_type=JSON)
    body: str | None = Field(default=None, sa_type=Text)
    body_id: str | None = Field(default=None, max_length=128)
    signer: str | None = Field(default=None, sa_type=Text)
    signer_position: str | None = Field(default=None, sa_type=Text)
    signer_en: str | None = Field(default=None, sa_type=Text)
    signer_body: str | None = Field(default=None, max_length=128)


class ReplyLinkRow(SQLModel, table=True):
    """A stored reply linked to the inquiry it answers, with the link's score and the evidence for it."""

    __tablename__ = "reply_links"
    __table_args__ = (UniqueConstraint("reply_id", "inquiry_id", name="uq_reply_links_reply_inquiry"),)

    id: int | None = Field(default=None, primary_key=True)
    reply_id: int = Field(foreign_key="documents.id", ondelete="CASCADE", index=True)
    inquiry_id: int = Field(foreign_key="documents.id", ondelete="CASCADE", index=True)
    score: float
    reasons: list[str] = Field(default_factory=list, sa_type=JSON)


class DemandAnswerRow(SQLModel, table=True):
    """Whether a linked reply answers one demand (answered, partly, not_answered) and the reply passage quoted."""

    __tablename__ = "demand_answers"

    id: int | None = Field(default=None, primary_key=True)
    link_id: int = Field(foreign_key="reply_links.id", ondelete="CASCADE", index=True)
    demand_id: int = Field(foreign_key="demands.id", ondelete="CASCADE", index=True)
    status: str = Field(max_length=16)
    score: float = 0.0
    passage_id: int | None = Field(default=None, foreign_key="passages.id", ondelete="SET NULL")
    page: int | None = None
    start: int | None = None  # the quote's offsets into the reply's text
    end: int | None = None
    quote: str | None = Field(default=None, sa_type=Text)


class ConflictRow(SQLModel, table=True):
    """A conflict card found once (indicator and moment): when it was first and last seen, and if it still holds."""

    __tablename__ = "conflicts"
    # migration 0016: what the Conflicts page filters, sorts and counts, read from this index alone (on SQLite the
    # summary columns come after the card's JSON, which a table read would walk through)
    __table_args__ = (Index("ix_conflicts_summary", "active", "spread", "indicator", "period", "first_seen", "place",
                            "kind", "source_kinds", "sources", "id"),)

    id: str = Field(primary_key=True, max_length=40)
    indicator: str = Field(max_length=128, index=True)
    period: str = Field(default="", max_length=64)
    first_seen: dt.datetime = Field(default_factory=_now, index=True)
    last_seen: dt.datetime = Field(default_factory=_now)
    active: bool = True
    card: str | None = Field(default=None, sa_type=Text)  # the card as computed (JSON)
    spread: float = Field(default=0.0, sa_column_kwargs={"server_default": "0"})
    place: str | None = Field(default=None, max_length=128, index=True)
    # the card's summary (migration 0016; None until its card is stored): its kind, its figures' source kinds
    # (",official,unofficial,"), how many sources, figures and disagreeing pairs it has, its confidence
    kind: str | None = Field(default=None, max_length=64)
    source_kinds: str | None = Field(default=None, max_length=255)
    sources: int | None = None
    figure_count: int | None = None
    pairs_total: int | None = None
    confidence: str | None = Field(default=None, max_length=16)


class FailedFileRow(SQLModel, table=True):
    """A file an ingest run could not read or store: why and when, so it can be listed and retried."""

    __tablename__ = "failed_files"

    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(sa_type=Text, unique=True)
    sha256: str | None = Field(default=None, max_length=64)
    reason: str = Field(sa_type=Text)
    failed_at: dt.datetime = Field(default_factory=_now, index=True)
    attempts: int = 1


EXTRACTED_TABLES = ("figures", "mentions", "demands", "addressees", "signatories", "reply_refs")
ALL_TABLES = ("documents", "pages", "passages", *EXTRACTED_TABLES)
DERIVED_TABLES = ("conflicts", "reply_links", "demand_answers")  # computed across documents from the tables above
LOG_TABLES = ("failed_files",)  # what ingest runs could not store
