"""Conflict cards over stored figures: loaded one indicator at a time (indexed), judged by corpus.conflicts,
and remembered in the `conflicts` table so that each card keeps the moment it was first seen.

`recompute_conflicts` is called by the ingest pipeline for the indicators a new document touched;
`list_conflicts` reads the active cards (CLI `saual conflicts`, explorer).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from .conflicts import DEFAULT, Moment, Settings, Statement, moments, overfull
from .errors import CorpusError, db_reason
from .hits import chunks
from .models import ConflictRow, DocumentRow, FigureRow, PassageRow
from .versions import current

__all__ = ["PARTS", "CardFigure", "ConflictCard", "card_summary", "disagreements", "indicator_cards", "list_conflicts",
           "pair_bases", "read_cards", "recompute_conflicts", "source_count", "who_says"]

# the key prefix of a card that sets shares of disjoint parts of one whole against each other
PARTS = "parts:"


@dataclass
class CardFigure:
    """One figure of a card, with the file it comes from (`doc` is the file name's stem) and its quote."""

    doc: str
    path: str
    document_id: int
    text: str
    value: float
    value_max: float | None
    qualifier: str
    unit: str
    year: int | None
    period: str | None
    source: str | None
    source_kind: str
    page: int | None
    start: int
    end: int


@dataclass
class ConflictCard:
    """Every figure of one indicator at one moment, and the index pairs of those that disagree."""

    id: str
    indicator: str
    label: str
    place: str | None
    period: str
    kind: str
    spread: float
    first_seen: str | None
    figures: list[CardFigure] = field(default_factory=list)
    pairs: list[list[int]] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)  # per pair: why its figures are one moment (same year, …)
    confidence: str = "high"  # high, medium or low: that the surest pair speaks of one moment
    pairs_total: int = 0  # disagreeing pairs in all (`pairs` keeps the widest Settings.max_pairs)


def disagreements(card: ConflictCard) -> dict[int, list[int]]:
    """Figure index → the indexes of the figures it disagrees with (only figures in some pair)."""
    out: dict[int, list[int]] = {}
    for i, j in card.pairs:
        out.setdefault(i, []).append(j)
        out.setdefault(j, []).append(i)
    return {i: sorted(set(others)) for i, others in sorted(out.items())}


def pair_bases(card: ConflictCard) -> dict[frozenset[int], str]:
    """Each disagreeing pair (as a set of two figure indexes) → why its figures are one moment."""
    return {frozenset(pair): basis for pair, basis in zip(card.pairs, card.bases, strict=False)}


def who_says(figure: CardFigure) -> str:
    """Who says a figure: its source, else its document (a document without a named source speaks for itself)."""
    return " ".join((figure.source or "").split()).casefold() or f"document {figure.document_id}"


def source_count(card: ConflictCard) -> int:
    """How many different sources give the card's figures."""
    return len({who_says(f) for f in card.figures})


def card_summary(card: ConflictCard) -> dict[str, Any]:
    """The summary columns of a stored card (migration 0016): what the Conflicts page filters, sorts and counts
    in SQL; source_kinds is ",a,b," (sorted, delimited at both ends so a LIKE matches one kind exactly)."""
    kinds = sorted({f.source_kind for f in card.figures})
    return {"kind": card.kind, "source_kinds": f",{','.join(kinds)}," if kinds else ",",
            "sources": source_count(card), "figure_count": len(card.figures), "pairs_total": card.pairs_total,
            "confidence": card.confidence, "spread": card.spread, "place": (card.place or "")[:128] or None}


def _label(indicator: str) -> str:
    """The readable name nlp gives an indicator key (the key itself when nlp has none)."""
    try:
        from nlp import describe_indicator

        if indicator.startswith(PARTS):
            return f"{describe_indicator(indicator.removeprefix(PARTS))}: shares of disjoint parts above 100 %"
        return describe_indicator(indicator) or indicator
    except Exception:  # noqa: BLE001 - a label is never worth failing a listing
        return indicator


def _share_keys(conn: Any) -> list[str]:
    """The stored share indicators (an index-only scan of ix_figures_indicator)."""
    return list(conn.execute(select(FigureRow.indicator).where(FigureRow.indicator.like("share.%"))
                             .distinct()).scalars())


def _parts(shares: list[str]) -> dict[str, dict[str, list[str]]]:
    """whole → disjoint marker → the share keys that are that part of it (one pass over the share keys)."""
    from nlp import part_of

    index: dict[str, dict[str, list[str]]] = {}
    for key in shares:
        for whole, marker in part_of(key):
            index.setdefault(whole, {}).setdefault(marker, []).append(key)
    return index


def _wholes(shares: list[str], touched: Iterable[str]) -> set[str]:
    """The parts cards (`parts:<whole>`) that the touched share keys take part in."""
    from nlp import disjoint, part_of

    index = _parts(shares)
    return {PARTS + whole for key in touched for whole, marker in part_of(key)
            if any(disjoint(marker, other) for other in index.get(whole, {}))}


def _members(conn: Any, key: str) -> list[str]:
    """The stored indicator keys a card compares: the key itself, or the disjoint parts of a whole."""
    if not key.startswith(PARTS):
        return [key]
    from nlp import disjoint

    by_marker = _parts(_share_keys(conn)).get(key.removeprefix(PARTS), {})
    return sorted({k for m, keys in by_marker.items() if any(disjoint(m, o) for o in by_marker) for k in keys})


def _select() -> Any:
    """Figures of the newest version of each file with what a card shows of their document and passage
    (filtered and ordered by the caller)."""
    return (select(FigureRow.__table__, DocumentRow.path.label("d_path"), DocumentRow.date.label("d_date"),
                   DocumentRow.language.label("d_language"), PassageRow.language.label("p_language"))
            .join(DocumentRow, DocumentRow.id == FigureRow.document_id)
            .outerjoin(PassageRow, PassageRow.id == FigureRow.passage_id)
            .where(current()))


def _convert(row: Any) -> tuple[Statement, CardFigure]:
    """One figure row as the rules see it and as a card shows it."""
    statement = Statement(id=row["id"], value=row["value"], value_max=row["value_max"], qualifier=row["qualifier"],
                          year=row["year"], period=row["period"], source_kind=row["source_kind"] or "unknown",
                          document_id=row["document_id"], doc_date=row["d_date"],
                          language=row["p_language"] or row["d_language"], approx=bool(row["approx"]),
                          source=row["source"], kind=row["kind"], part=row["indicator"] or "",
                          contrast=bool(row["contrast"]))
    shown = CardFigure(doc=Path(row["d_path"]).stem, path=row["d_path"], document_id=row["document_id"],
                       text=row["text"], value=row["value"], value_max=row["value_max"], qualifier=row["qualifier"],
                       unit=row["unit"], year=row["year"], period=row["period"], source=row["source"],
                       source_kind=row["source_kind"], page=row["page"], start=row["start"], end=row["end"])
    return statement, shown


def _load(conn: Any, indicator: str) -> tuple[list[Statement], dict[int, CardFigure]]:
    """The figures of one card key (ix_figures_indicator) as Statements, and their card figures by id."""
    rows = conn.execute(_select().where(FigureRow.indicator.in_(_members(conn, indicator))).order_by(FigureRow.id))
    return _converted(rows.mappings())


def _converted(rows: Iterable[Any]) -> tuple[list[Statement], dict[int, CardFigure]]:
    """Statements and card figures of loaded rows; of a translated pair (the two halves of a bilingual
    inquiry stating one figure) only the first copy: one figure, not two."""
    statements, shown = [], {}
    rows = list(rows)
    ids = {row["id"] for row in rows}
    for row in rows:
        if row["translation_of"] in ids and row["translation_of"] < row["id"]:
            continue
        statement, figure = _convert(row)
        statements.append(statement)
        shown[statement.id] = figure
    return statements, shown


def card_id(indicator: str, period: str) -> str:
    """A stable id for an indicator at a moment."""
    return hashlib.sha1(f"{indicator}\0{period}".encode()).hexdigest()[:16]


def _card(indicator: str, moment: Moment, shown: dict[int, CardFigure], first_seen: str | None) -> ConflictCard:
    figures = [shown[s.id] for s in moment.statements]
    parts = indicator.removeprefix(PARTS).split("|")
    place = parts[2] if len(parts) > 2 and parts[2] not in ("", "-") else None
    return ConflictCard(id=card_id(indicator, moment.period), indicator=indicator, label=_label(indicator),
                        place=place, period=moment.period, kind=moment.kind, spread=moment.spread,
                        first_seen=first_seen, figures=figures, pairs=[[i, j] for i, j in moment.pairs],
                        bases=list(moment.bases), confidence=moment.confidence, pairs_total=moment.pairs_total)


def indicator_cards(conn: Any, indicator: str, settings: Settings = DEFAULT) -> list[ConflictCard]:
    """The conflict cards of one indicator (moments with at least one disagreeing pair), not yet dated."""
    return _cards_of(indicator, *_load(conn, indicator), settings)


def _cards_of(indicator: str, statements: list[Statement], shown: dict[int, CardFigure],
              settings: Settings) -> list[ConflictCard]:
    disagree = overfull if indicator.startswith(PARTS) else None
    found = [m for m in moments(statements, settings, disagree) if m.pairs]
    cards = [_card(indicator, m, shown, None) for m in found]
    labels = [c.period for c in cards]
    for card, moment in zip(cards, found, strict=True):
        if labels.count(card.period) > 1:  # two separate moments read alike ("now" years apart): tell them apart
            card.id = card_id(indicator, f"{card.period}#{min(s.id for s in moment.statements)}")
    return cards


def _every_indicator(conn: Any, settings: Settings) -> Iterator[tuple[str, list[ConflictCard]]]:
    """(indicator, cards) for every stored indicator, read in one ordered scan instead of a query each."""
    rows = conn.execute(_select().where(FigureRow.indicator.is_not(None))
                        .order_by(FigureRow.indicator, FigureRow.id)).mappings()
    for indicator, group in groupby(rows, key=lambda r: r["indicator"]):
        yield indicator, _cards_of(indicator, *_converted(group), settings)


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat(timespec="seconds")


def recompute_conflicts(engine: Engine, indicators: Iterable[str] | None = None,
                        settings: Settings = DEFAULT, now: dt.datetime | None = None) -> list[ConflictCard]:
    """Recompute the cards of `indicators` (all stored ones when None) and record new ones as first seen now.

    Cards that no longer hold are kept, inactive, so a card that comes back keeps its first sighting.
    """
    now = now or dt.datetime.now(dt.UTC)
    found: list[ConflictCard] = []
    try:
        with engine.begin() as conn:
            if indicators is None:
                stored = _stored(conn)
                for indicator, cards in _every_indicator(conn, settings):
                    found += _store(conn, indicator, cards, now, stored.pop(indicator, {}))
                shares = _share_keys(conn)
                keys = _wholes(shares, shares) | set(stored)  # parts; vanished indicators
            else:
                keys = {i for i in indicators if i}
                if any(k.startswith("share.") for k in keys):
                    keys |= _wholes(_share_keys(conn), keys)
            for indicator in sorted(keys):
                found += _store(conn, indicator, indicator_cards(conn, indicator, settings), now)
    except SQLAlchemyError as exc:
        raise CorpusError(f"recomputing conflicts failed: {db_reason(exc)}") from exc
    return found


def _stored(conn: Any) -> dict[str, dict[str, Any]]:
    """Every stored card row, by indicator and id (one query for a full recompute)."""
    table = ConflictRow.__table__
    out: dict[str, dict[str, Any]] = {}
    for r in conn.execute(select(table.c.id, table.c.indicator, table.c.first_seen, table.c.active)):
        out.setdefault(r.indicator, {})[r.id] = r
    return out


def _store(conn: Any, indicator: str, cards: list[ConflictCard], now: dt.datetime,
           stored: dict[str, Any] | None = None) -> list[ConflictCard]:
    """Upsert one indicator's cards: new ids get first_seen = now, vanished ones become inactive."""
    table = ConflictRow.__table__
    if stored is None:
        stored = {r.id: r for r in conn.execute(select(table).where(table.c.indicator == indicator))}
    for card in cards:
        row = stored.pop(card.id, None)
        stored_card = {"card": _dump(card), **card_summary(card)}
        if row is None:
            conn.execute(table.insert().values(id=card.id, indicator=indicator, period=card.period[:64],
                                               first_seen=now, last_seen=now, active=True, **stored_card))
            card.first_seen = _iso(now)
        else:
            conn.execute(table.update().where(table.c.id == card.id).values(last_seen=now, active=True,
                                                                            **stored_card))
            card.first_seen = _iso(row.first_seen)
    gone = [cid for cid, row in stored.items() if row.active]
    if gone:
        conn.execute(table.update().where(table.c.id.in_(gone)).values(active=False))
    return cards


def _dump(card: ConflictCard) -> str:
    """A card as stored (JSON; first_seen lives in its own column)."""
    data = {**vars(card), "figures": [vars(f) for f in card.figures]}  # flat dataclasses: no deep asdict
    data.pop("first_seen", None)
    return json.dumps(data, ensure_ascii=False)


def _undump(text: str, first_seen: dt.datetime | None) -> ConflictCard:
    data = json.loads(text)
    data["figures"] = [CardFigure(**f) for f in data.get("figures", [])]
    return ConflictCard(**data, first_seen=_iso(first_seen))


def read_cards(engine: Engine, card_ids: Iterable[str]) -> dict[str, ConflictCard]:
    """The active cards of these ids as stored, by id (a row stored without its card, before schema 0003, is
    judged again): one page of cards costs its own rows, not every card of their indicators."""
    ids = list(dict.fromkeys(card_ids))
    table = ConflictRow.__table__
    try:
        with engine.connect() as conn:
            rows = [r for chunk in chunks(ids) for r in conn.execute(
                select(table.c.id, table.c.indicator, table.c.first_seen, table.c.card)
                .where(table.c.id.in_(chunk), table.c.active.is_(True)))]
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading conflict cards failed: {db_reason(exc)}") from exc
    found = {r.id: _undump(r.card, r.first_seen) for r in rows if r.card}
    wanted = {r.id for r in rows if not r.card}
    for key in sorted({r.indicator for r in rows if r.id in wanted}):
        found.update({c.id: c for c in list_conflicts(engine, indicator=key) if c.id in wanted})
    return found


def list_conflicts(engine: Engine, *, indicator: str | None = None, place: str | None = None,
                   since: dt.date | None = None, settings: Settings = DEFAULT) -> list[ConflictCard]:
    """Active conflict cards, widest spread first; filters: indicator key, place, first seen on or after `since`.

    Cards are read as stored at their last recompute; with other settings, or for rows stored before cards
    were kept (schema 0002), their indicators are judged again here.
    """
    table = ConflictRow.__table__
    stmt = select(table.c.id, table.c.indicator, table.c.first_seen, table.c.card).where(table.c.active.is_(True))
    if indicator:
        stmt = stmt.where(table.c.indicator == indicator)
    if since is not None:
        stmt = stmt.where(table.c.first_seen >= dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC))
    if place:
        stmt = stmt.where(or_(func.lower(table.c.place) == place.casefold(), table.c.card.is_(None)))
    try:
        with engine.connect() as conn:
            rows = conn.execute(stmt).all()
            fresh = settings == DEFAULT
            cards = [_undump(r.card, r.first_seen) for r in rows if fresh and r.card]
            seen = {r.id: r.first_seen for r in rows if not (fresh and r.card)}
            again = sorted({r.indicator for r in rows if r.id in seen})
            cards += [c for key in again for c in indicator_cards(conn, key, settings) if c.id in seen]
    except SQLAlchemyError as exc:
        raise CorpusError(f"listing conflicts failed: {db_reason(exc)}") from exc
    for card in cards:
        if card.id in seen:
            card.first_seen = _iso(seen[card.id])
    if place:
        cards = [c for c in cards if (c.place or "").casefold() == place.casefold()]
    return sorted(cards, key=lambda c: (-c.spread, c.indicator, c.period))
