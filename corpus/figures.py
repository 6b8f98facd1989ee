"""Stored figures across the corpus: filtered lists with a quote around each number, and facet counts.

A fact-checker compares the numbers documents give for one indicator; every hit therefore carries
its document, passage and a quote in which the number's position is known (quote_start/quote_end).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, and_, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from .errors import CorpusError, db_reason
from .hits import SpanHit, document_texts, header_columns, newest_first, quote_window, span_quote
from .models import DocumentRow, FigureRow, PassageRow
from .plan import query_plan
from .versions import current

__all__ = ["FACETS", "FigureHit", "figure_facets", "figure_hit", "figure_select", "list_figures", "quote_window"]

FACETS = ("indicator", "place", "year", "source_kind", "language", "kind")


@dataclass
class FigureHit(SpanHit):
    """One stored figure with its document, and a quote in which quote[quote_start:quote_end] is the number.

    `language` is the document's language (as the Search page filters it), `doc_kind` its kind.
    """

    KIND = "doc_kind"
    LANGUAGE = "language"

    doc_kind: str
    language: str
    value: float
    value_max: float | None
    qualifier: str
    approx: bool
    unit: str
    what: str | None
    indicator: str | None
    place: str | None
    year: int | None
    period: str | None
    source: str | None
    source_kind: str
    kind: str
    quote: str
    quote_start: int
    quote_end: int


# FigureRow columns a FigureHit copies as they are (approx is made a bool: SQLite gives 0/1)
_STORED = ("value", "value_max", "qualifier", "unit", "what", "indicator", "place", "year", "period", "source",
           "source_kind", "kind")


def figure_select() -> Select:
    """Figures with their document header and passage (p_start, p_text), newest document first."""
    return (select(FigureRow, *header_columns(), PassageRow.start.label("p_start"), PassageRow.text.label("p_text"))
            .join(DocumentRow, DocumentRow.id == FigureRow.document_id)
            .outerjoin(PassageRow, PassageRow.id == FigureRow.passage_id)
            .where(current())  # the newest version of each file
            .order_by(*newest_first(FigureRow.start, FigureRow.id)))


def figure_hit(row: Mapping[str, Any], texts: dict[int, str]) -> FigureHit:
    """A row of figure_select() as a FigureHit; `texts` holds the text of documents whose figure has no passage."""
    quote, qs, qe = span_quote(row, texts)
    return FigureHit(**FigureHit.header(row), **{name: row[name] for name in _STORED}, approx=bool(row["approx"]),
                     quote=quote, quote_start=qs, quote_end=qe)


def figure_hits(conn: Any, stmt: Select) -> list[FigureHit]:
    """Run a figure_select() statement and make its rows FigureHits (texts read for passage-less figures)."""
    rows = conn.execute(stmt).mappings().all()
    texts = document_texts(conn, {r["document_id"] for r in rows if r["p_text"] is None})
    return [figure_hit(r, texts) for r in rows]


def list_figures(engine: Engine, *, indicator: str | None = None, place: str | None = None,
                 year: int | str | None = None, source_kind: str | None = None, language: str | None = None,
                 kind: str | None = None, document_id: int | None = None, query: str | None = None,
                 limit: int = 500, offset: int = 0) -> list[FigureHit]:
    """Figures matching every given filter, newest document first, then in reading order.

    `language` is the document's language, `kind` the figure's kind; `query` keeps figures whose
    passage matches the words as full-text search does.
    """
    if limit <= 0:
        return []
    conditions = _conditions(engine, indicator, place, year, source_kind, language, kind, document_id, query)
    if conditions is None:
        return []
    stmt = figure_select().where(*conditions).limit(int(limit)).offset(max(int(offset), 0))
    try:
        with engine.connect() as conn:
            return figure_hits(conn, stmt)
    except SQLAlchemyError as exc:
        raise CorpusError(f"listing figures failed: {db_reason(exc)}") from exc


def figure_facets(engine: Engine, *, indicator: str | None = None, place: str | None = None,
                  year: int | str | None = None, source_kind: str | None = None, language: str | None = None,
                  kind: str | None = None, document_id: int | None = None,
                  query: str | None = None) -> dict[str, dict[str, int]]:
    """Counts of the filtered figures by indicator, place, year, source_kind, language and kind.

    Most frequent first; figures without an indicator, place or year are left out of that count.
    """
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    conditions = _conditions(engine, indicator, place, year, source_kind, language, kind, document_id, query)
    if conditions is not None:
        columns = [FigureRow.indicator, FigureRow.place, FigureRow.year, FigureRow.source_kind,
                   DocumentRow.language, FigureRow.kind]
        stmt = (select(*columns, func.count().label("n"))
                .join(DocumentRow, DocumentRow.id == FigureRow.document_id)
                .where(current(), *conditions).group_by(*columns))
        try:
            with engine.connect() as conn:
                for *values, n in conn.execute(stmt):
                    for name, value in zip(FACETS, values):
                        if value is not None and value != "":
                            counts[name][str(value)] += n
        except SQLAlchemyError as exc:
            raise CorpusError(f"figure facets failed: {db_reason(exc)}") from exc
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}


def _conditions(engine: Engine, indicator, place, year, source_kind, language, kind, document_id,
                query) -> list | None:
    """SQL conditions for the filters; None when the query has no words (nothing can match).

    Always: a figure of a bilingual inquiry once (its first half's copy). The newest version of each file is
    figure_select's condition; the facet count adds it itself."""
    conditions: list = [or_(FigureRow.translation_of.is_(None), FigureRow.translation_of > FigureRow.id)]
    for column, value in ((FigureRow.indicator, indicator), (FigureRow.place, place),
                          (FigureRow.source_kind, source_kind), (DocumentRow.language, language),
                          (FigureRow.kind, kind)):
        if value:
            conditions.append(column == value)
    if year not in (None, ""):
        try:
            conditions.append(FigureRow.year == int(year))
        except (TypeError, ValueError) as exc:
            raise CorpusError(f"year must be a whole number, got {year!r}") from exc
    if document_id is not None:
        conditions.append(FigureRow.document_id == int(document_id))
    if query is not None and query.strip():
        plan = query_plan(engine, query)
        if plan is None:
            return None
        conditions.append(and_(FigureRow.passage_id.is_not(None), FigureRow.passage_id.in_(plan.passage_ids())))
    return conditions
