"""Stored figures across the corpus: filtered lists with a quote around each number, and facet counts.

A fact-checker compares the numbers documents give for one indicator; every hit therefore carries
its document, passage and a quote in which the number's position is known (quote_start/quote_end).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Engine, and_, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from .errors import CorpusError, db_reason
from .models import DocumentRow, FigureRow, PassageRow
from .search import _plan

QUOTE_WIDTH = 300  # passages longer than this are cut to a window of about this many characters
ELLIPSIS = "…"
FACETS = ("indicator", "place", "year", "source_kind", "language", "kind")


@dataclass
class FigureHit:
    """One stored figure with its document, and a quote in which quote[quote_start:quote_end] is the number."""

    id: int
    document_id: int
    title: str | None
    path: str
    doc_kind: str
    language: str  # the document's language (as the Search page filters it)
    date: dt.date | None
    passage_id: int | None
    page: int | None
    start: int
    end: int
    text: str
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
    stmt = (
        select(FigureRow, DocumentRow.title, DocumentRow.path, DocumentRow.kind.label("doc_kind"),
               DocumentRow.language, DocumentRow.date, PassageRow.start.label("p_start"),
               PassageRow.text.label("p_text"))
        .join(DocumentRow, DocumentRow.id == FigureRow.document_id)
        .outerjoin(PassageRow, PassageRow.id == FigureRow.passage_id)
        .where(*conditions)
        .order_by(DocumentRow.date.is_(None), DocumentRow.date.desc(), DocumentRow.id, FigureRow.start,
                  FigureRow.id)
        .limit(int(limit)).offset(max(int(offset), 0))
    )
    try:
        with engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
            orphans = {r["document_id"] for r in rows if r["p_text"] is None}
            texts = dict(conn.execute(select(DocumentRow.id, DocumentRow.text)
                                      .where(DocumentRow.id.in_(orphans))).all()) if orphans else {}
    except SQLAlchemyError as exc:
        raise CorpusError(f"listing figures failed: {db_reason(exc)}") from exc
    hits = []
    for r in rows:
        if r["p_text"] is not None:
            quote, qs, qe = quote_window(r["p_text"], r["start"] - r["p_start"], r["end"] - r["p_start"])
        else:
            quote, qs, qe = quote_window(texts.get(r["document_id"], ""), r["start"], r["end"])
        hits.append(FigureHit(
            id=r["id"], document_id=r["document_id"], title=r["title"], path=r["path"], doc_kind=r["doc_kind"],
            language=r["language"], date=r["date"], passage_id=r["passage_id"], page=r["page"],
            start=r["start"], end=r["end"], text=r["text"], value=r["value"], value_max=r["value_max"],
            qualifier=r["qualifier"], approx=bool(r["approx"]), unit=r["unit"], what=r["what"],
            indicator=r["indicator"], place=r["place"], year=r["year"], period=r["period"], source=r["source"],
            source_kind=r["source_kind"], kind=r["kind"], quote=quote, quote_start=qs, quote_end=qe,
        ))
    return hits


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
                .where(*conditions).group_by(*columns))
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
    """SQL conditions for the filters; None when the query has no words (nothing can match)."""
    conditions: list = []
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
        plan = _plan(engine, query)
        if plan is None:
            return None
        hits = text(f"SELECT pid FROM ({plan.hits_sql}) AS hits").bindparams(**plan.params)
        conditions.append(and_(FigureRow.passage_id.is_not(None),
                               FigureRow.passage_id.in_(hits.columns(pid=FigureRow.passage_id.type))))
    return conditions


def quote_window(source: str, start: int, end: int, width: int = QUOTE_WIDTH) -> tuple[str, int, int]:
    """`source` (or about `width` characters of it around start..end, cut at spaces, with ellipses)
    and the span's offsets inside the returned quote."""
    start, end = max(0, min(start, len(source))), max(0, min(end, len(source)))
    if len(source) <= width + width // 2:
        return source, start, end
    total = max(width, end - start)
    lo = max(0, start - (total - (end - start)) // 2)
    hi = min(len(source), lo + total)
    lo = max(0, hi - total)  # a window cut by the end of the text grows to the left
    if lo > 0:
        space = source.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(source):
        space = source.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(source) else ""
    shift = len(prefix) - lo
    return prefix + source[lo:hi] + suffix, start + shift, end + shift
