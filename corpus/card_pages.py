"""Pages of conflict cards in SQL: the ids under the Conflicts page's filters in its order, how many there are and
their facet counts, read from the stored card summaries (migration 0016, index ix_conflicts_summary) instead of
parsing every card; only the cards shown are read whole (corpus.conflict_views).

Same filters, order and counts as corpus.claims' filter_cards, sort_cards and card_facets over list_conflicts,
which stay the way for a database holding cards without a summary (rows from before schema 0003) until its next
recompute.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from .cards import ConflictCard, list_conflicts
from .claims import CARD_SORTS, CardView, card_facets, conflict_views, filter_cards, sort_cards
from .errors import CorpusError, db_reason
from .models import ConflictRow

__all__ = ["CARD_FACETS", "CardPage", "conflict_facets", "conflict_page", "count_conflicts", "list_conflict_views"]

CARD_FACETS = ("indicator", "place", "kind", "source_kind")
TABLE = ConflictRow.__table__


@dataclass
class CardPage:
    """One page of card ids in the chosen order, and how many cards the filters keep in all."""

    total: int
    ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Filters:
    indicator: str | None = None
    place: str | None = None
    since: dt.date | None = None
    kind: str | None = None
    source_kind: str | None = None

    def without(self, name: str) -> _Filters:
        return _Filters(**{**vars(self), name: None})


def _summarised(conn: Any) -> bool:
    """Whether every active card has its summary (else the old Python path reads them)."""
    missing = select(TABLE.c.id).where(TABLE.c.active.is_(True), TABLE.c.kind.is_(None)).limit(1)
    return conn.execute(missing).first() is None


def _places(conn: Any, place: str) -> list[str]:
    """The stored places that are `place` up to case (Unicode case folding, which SQLite's lower() lacks)."""
    stored = conn.execute(select(TABLE.c.place).where(TABLE.c.active.is_(True), TABLE.c.place.is_not(None))
                          .distinct()).scalars()
    return [p for p in stored if p.casefold() == place.casefold()]


def _conditions(conn: Any, f: _Filters) -> list:
    conditions = [TABLE.c.active.is_(True)]
    if f.indicator:
        conditions.append(TABLE.c.indicator == f.indicator)
    if f.place:
        conditions.append(TABLE.c.place.in_(_places(conn, f.place)))
    if f.since is not None:
        conditions.append(TABLE.c.first_seen >= dt.datetime.combine(f.since, dt.time(), tzinfo=dt.UTC))
    if f.kind:
        conditions.append(TABLE.c.kind == f.kind)
    if f.source_kind:
        conditions.append(TABLE.c.source_kinds.contains(f",{f.source_kind},", autoescape=True))
    return conditions


def _order(dialect: str, sort: str) -> list:
    """sort_cards' order in SQL: strings in code point order as Python compares them (COLLATE "C" on PostgreSQL),
    first seen to the second as the cards show it, the id last so that pages never overlap."""
    def text(column: Any) -> Any:
        return column.collate("C") if dialect == "postgresql" else column

    base = [TABLE.c.spread.desc(), text(TABLE.c.indicator), text(TABLE.c.period)]
    if sort == "recent":
        seen = TABLE.c.first_seen
        second = (func.date_trunc("second", seen) if dialect == "postgresql"
                  else func.substr(seen, 1, 19) if dialect == "sqlite" else seen)
        base.insert(0, second.desc())
    elif sort == "sources":
        base.insert(0, TABLE.c.sources.desc())
    elif sort != "spread":
        raise CorpusError(f"unknown card order {sort!r}: use one of {', '.join(CARD_SORTS)}")
    return [*base, TABLE.c.id]


def _python_cards(engine: Engine, f: _Filters) -> list[ConflictCard]:
    """The filtered cards the old way: every stored card parsed, filtered in Python."""
    return filter_cards(list_conflicts(engine, indicator=f.indicator, place=f.place, since=f.since), kind=f.kind,
                        source_kind=f.source_kind)


def _page(engine: Engine, f: _Filters, sort: str, limit: int | None, offset: int) -> CardPage:
    with engine.connect() as conn:
        if not _summarised(conn):
            ids = [c.id for c in sort_cards(_python_cards(engine, f), sort)]
            return CardPage(len(ids), ids[offset:None if limit is None else offset + limit])
        conditions = _conditions(conn, f)
        total = conn.execute(select(func.count()).select_from(TABLE).where(*conditions)).scalar_one()
        stmt = select(TABLE.c.id).where(*conditions).order_by(*_order(engine.dialect.name, sort)).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return CardPage(total, list(conn.execute(stmt).scalars()))


def conflict_page(engine: Engine, *, indicator: str | None = None, place: str | None = None,
                  since: dt.date | None = None, kind: str | None = None, source_kind: str | None = None,
                  sort: str = "spread", limit: int | None = None, offset: int = 0) -> CardPage:
    """The ids of the active cards under these filters (list_conflicts' filters, the card kind, a source kind
    among its figures), sorted by `sort` (CARD_SORTS), `limit` of them from `offset`, and their total."""
    if sort not in CARD_SORTS:
        raise CorpusError(f"unknown card order {sort!r}: use one of {', '.join(CARD_SORTS)}")
    f = _Filters(indicator, place, since, kind, source_kind)
    try:
        return _page(engine, f, sort, None if limit is None else max(int(limit), 0), max(int(offset), 0))
    except SQLAlchemyError as exc:
        raise CorpusError(f"listing conflicts failed: {db_reason(exc)}") from exc


def count_conflicts(engine: Engine, *, indicator: str | None = None, place: str | None = None,
                    since: dt.date | None = None, kind: str | None = None, source_kind: str | None = None) -> int:
    """How many active cards list_conflict_views has under these filters."""
    return conflict_page(engine, indicator=indicator, place=place, since=since, kind=kind, source_kind=source_kind,
                         limit=0).total


def list_conflict_views(engine: Engine, *, indicator: str | None = None, place: str | None = None,
                        since: dt.date | None = None, kind: str | None = None, source_kind: str | None = None,
                        sort: str = "spread", limit: int | None = None) -> list[CardView]:
    """Active cards (corpus.list_conflicts filters, plus the card kind and a source kind among its figures),
    sorted by `sort` (CARD_SORTS), the first `limit` of them with their figures' quotes."""
    page = conflict_page(engine, indicator=indicator, place=place, since=since, kind=kind, source_kind=source_kind,
                         sort=sort, limit=limit)
    return conflict_views(engine, page.ids)


def _facet(conn: Any, f: _Filters, name: str) -> Counter:
    """Card counts by one facet under the other filters (a card counts once per source kind among its figures)."""
    column = {"indicator": TABLE.c.indicator, "place": TABLE.c.place, "kind": TABLE.c.kind,
              "source_kind": TABLE.c.source_kinds}[name]
    rows = conn.execute(select(column, func.count()).where(*_conditions(conn, f.without(name))).group_by(column))
    counts: Counter = Counter()
    for value, n in rows:
        for key in (value.strip(",").split(",") if name == "source_kind" else [value]):
            if key:
                counts[key] += n
    return counts


def conflict_facets(engine: Engine, *, indicator: str | None = None, place: str | None = None,
                    since: dt.date | None = None, kind: str | None = None, source_kind: str | None = None,
                    names: tuple[str, ...] = CARD_FACETS) -> dict[str, dict[str, int]]:
    """Card counts by indicator, place, kind and source kind (`names`), each under the other filters (its own
    left out, as a filter's choices are counted), most frequent first: card_facets in SQL."""
    unknown = [n for n in names if n not in CARD_FACETS]
    if unknown:
        raise CorpusError(f"unknown card facet {unknown[0]!r}: use one of {', '.join(CARD_FACETS)}")
    f = _Filters(indicator, place, since, kind, source_kind)
    try:
        with engine.connect() as conn:
            if _summarised(conn):
                counts = {name: _facet(conn, f, name) for name in names}
            else:
                counts = {name: Counter(card_facets(_python_cards(engine, f.without(name)))[name]) for name in names}
    except SQLAlchemyError as exc:
        raise CorpusError(f"counting conflicts failed: {db_reason(exc)}") from exc
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}
