"""Conflict cards as the explorer and exports read them: each card with its figures' quotes and documents,
filtered, sorted and counted; one card by id; the cards touching one document.

Built on corpus.cards (which judges and stores the cards); nothing here decides what conflicts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from .cards import ConflictCard, disagreements, list_conflicts, read_cards, source_count, who_says
from .errors import CorpusError, db_reason
from .figures import FigureHit, figure_hits, figure_select
from .hits import chunks
from .models import ConflictRow, FigureRow

__all__ = ["CARD_SORTS", "CardView", "ConflictMark", "card_facets", "card_outlines", "conflict_views",
           "conflicts_of_document", "disagreements", "filter_cards", "get_conflict", "get_conflict_view",
           "sort_cards", "source_count"]

CARD_SORTS = ("spread", "recent", "sources")  # widest spread, newest first seen, most sources


@dataclass
class CardView:
    """A card with, per figure (same order), its stored FigureHit (quote, passage, document date, language)."""

    card: ConflictCard
    hits: list[FigureHit | None] = field(default_factory=list)

    @property
    def sources(self) -> int:
        return source_count(self.card)


@dataclass
class ConflictMark:
    """A figure of one document that belongs to a conflict card: its offsets and the figures it disagrees with."""

    card_id: str
    label: str
    period: str
    kind: str
    start: int
    end: int
    index: int
    disagrees_with: list[int] = field(default_factory=list)


def sort_cards(cards: Iterable[ConflictCard], by: str = "spread") -> list[ConflictCard]:
    """Cards by widest spread, most recently first seen, or most sources (ties: spread, then indicator)."""
    def base(c: ConflictCard) -> tuple:
        return (-c.spread, c.indicator, c.period)

    if by == "recent":
        return sorted(sorted(cards, key=base), key=lambda c: c.first_seen or "", reverse=True)
    if by == "sources":
        return sorted(cards, key=lambda c: (-source_count(c), *base(c)))
    if by != "spread":
        raise CorpusError(f"unknown card order {by!r}: use one of {', '.join(CARD_SORTS)}")
    return sorted(cards, key=base)


def filter_cards(cards: Iterable[ConflictCard], *, indicator: str | None = None, place: str | None = None,
                 kind: str | None = None, source_kind: str | None = None) -> list[ConflictCard]:
    """The cards of this indicator, place and card kind that have a figure of this source kind (None: any)."""
    return [c for c in cards if (not indicator or c.indicator == indicator)
            and (not place or (c.place or "").casefold() == place.casefold()) and (not kind or c.kind == kind)
            and (not source_kind or any(f.source_kind == source_kind for f in c.figures))]


def card_facets(cards: Iterable[ConflictCard]) -> dict[str, dict[str, int]]:
    """Card counts by indicator, place, kind and source kind (a card counts once per source kind it has)."""
    counts: dict[str, Counter] = {name: Counter() for name in ("indicator", "place", "kind", "source_kind")}
    for card in cards:
        counts["indicator"][card.indicator] += 1
        counts["kind"][card.kind] += 1
        if card.place:
            counts["place"][card.place] += 1
        for kind in {f.source_kind for f in card.figures}:
            counts["source_kind"][kind] += 1
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}


def _hits(engine: Engine, cards: list[ConflictCard], shown: int | None) -> dict[tuple[int, int, int], FigureHit]:
    """The stored figures of the cards' indicators in the documents of the cards' first `shown` figures (None:
    all), by (document id, start, end)."""
    indicators = sorted({c.indicator for c in cards})
    documents = sorted({f.document_id for c in cards for f in c.figures[:shown]})
    hits: list[FigureHit] = []
    try:
        with engine.connect() as conn:
            for chunk in chunks(documents) if indicators else ():
                hits += figure_hits(conn, figure_select().where(FigureRow.document_id.in_(chunk),
                                                                FigureRow.indicator.in_(indicators)))
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading conflict figures failed: {db_reason(exc)}") from exc
    return {(h.document_id, h.start, h.end): h for h in hits}


def _views(engine: Engine, cards: list[ConflictCard], shown: int | None = None) -> list[CardView]:
    hits = _hits(engine, cards, shown)
    return [CardView(card, [hits.get((f.document_id, f.start, f.end)) for f in card.figures[:shown]]
                     + [None] * (len(card.figures[shown:]) if shown is not None else 0)) for card in cards]


def card_outlines(engine: Engine, *, since: dt.date | None = None) -> list[ConflictCard]:
    """The active cards (list_conflicts) with only one figure per source and source kind: all that
    filter_cards, card_facets, sort_cards and source_count read, small enough to cache and copy."""
    out = []
    for card in list_conflicts(engine, since=since):
        kept = {(who_says(f), f.source_kind): f for f in card.figures}
        out.append(ConflictCard(card.id, card.indicator, card.label, card.place, card.period, card.kind, card.spread,
                                card.first_seen, list(kept.values())))
    return out


def conflict_views(engine: Engine, card_ids: Iterable[str], shown: int | None = None) -> list[CardView]:
    """The active cards of these ids, in the order given (ids not active are left out), with the quotes of their
    first `shown` figures (None: all; a list of cards shows a few figures of each, and a card can have hundreds)."""
    ids = list(dict.fromkeys(card_ids))
    found = read_cards(engine, ids)
    return _views(engine, [found[i] for i in ids if i in found], shown)


def get_conflict(engine: Engine, card_id: str) -> ConflictCard | None:
    """One active card by id, or None."""
    return read_cards(engine, [card_id]).get(card_id) if card_id else None


def get_conflict_view(engine: Engine, card_id: str) -> CardView | None:
    """One active card by id with its figures' quotes, or None."""
    card = get_conflict(engine, card_id)
    return _views(engine, [card])[0] if card else None


def conflicts_of_document(engine: Engine, document_id: int) -> list[ConflictMark]:
    """The figures of one document that are on an active conflict card, in reading order."""
    table = ConflictRow.__table__
    stmt = (select(table.c.indicator).distinct()
            .where(table.c.active.is_(True),
                   table.c.indicator.in_(select(FigureRow.indicator).where(FigureRow.document_id == document_id))))
    try:
        with engine.connect() as conn:
            indicators = conn.execute(stmt).scalars().all()
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading the conflicts of document {document_id} failed: {db_reason(exc)}") from exc
    marks = []
    for indicator in sorted(indicators):
        for card in list_conflicts(engine, indicator=indicator):
            others = disagreements(card)
            marks += [ConflictMark(card.id, card.label, card.period, card.kind, f.start, f.end, i, others.get(i, []))
                      for i, f in enumerate(card.figures) if f.document_id == document_id]
    return sorted(marks, key=lambda m: (m.start, m.end, m.card_id))
