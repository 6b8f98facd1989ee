"""CSV export of search hits and figures, readable by spreadsheet programs (UTF-8 with BOM, no live formulas)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from corpus.claims import disagreements

from .highlight import strip_markers

CSV_COLUMNS = ("document", "title", "kind", "language", "date", "page", "start", "end", "snippet")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str | int:
    """One CSV cell: ints stay numbers, dates ISO, text guarded against spreadsheet formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = " ".join(str(value).split())
    return "'" + text if text.startswith(_FORMULA_START) else text


def hit_row(hit: Any) -> dict[str, str | int]:
    """The CSV row of one search hit (a corpus.SearchHit or anything with the same attributes)."""
    return {
        "document": _cell(hit.document_id),
        "title": _cell(hit.title),
        "kind": _cell(hit.kind),
        "language": _cell(hit.language or hit.doc_language),
        "date": _cell(hit.date),
        "page": _cell(hit.page),
        "start": _cell(hit.start),
        "end": _cell(hit.end),
        "snippet": _cell(strip_markers(hit.snippet or "")),
    }


def rows_to_csv(columns: Iterable[str], rows: Iterable[dict[str, str | int]], *, bom: bool = True) -> str:
    """CSV text with a header row and CRLF line ends; a BOM in front so Excel reads Cyrillic correctly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def hits_to_csv(hits: Iterable[Any], *, bom: bool = True) -> str:
    """Hits as CSV text with a header row; a BOM in front so Excel reads Cyrillic correctly."""
    return rows_to_csv(CSV_COLUMNS, (hit_row(hit) for hit in hits), bom=bom)


FIGURE_COLUMNS = ("figure", "document", "title", "language", "date", "page", "start", "end", "text", "value",
                  "value_max", "qualifier", "approx", "unit", "what", "indicator", "place", "year", "period",
                  "source", "source_kind", "kind", "quote")


def figure_row(hit: Any) -> dict[str, str | int]:
    """The CSV row of one figure (a corpus.FigureHit or anything with the same attributes)."""
    names = {"figure": "id", "document": "document_id"}
    return {column: _cell(getattr(hit, names.get(column, column), None)) for column in FIGURE_COLUMNS}


def figures_to_csv(hits: Iterable[Any], *, bom: bool = True) -> str:
    """Figures as CSV text with a header row (UTF-8 BOM, formulas defused, numbers as numbers)."""
    return rows_to_csv(FIGURE_COLUMNS, (figure_row(hit) for hit in hits), bom=bom)


MENTION_COLUMNS = ("entity", "label", "mention", "document", "title", "kind", "language", "date", "passage", "page",
                   "start", "end", "text", "canonical", "quote")


def mention_row(key: str, m: Any) -> dict[str, str | int]:
    """The CSV row of one entity mention (a corpus.EntityMention or anything with the same attributes)."""
    return {"entity": _cell(key), "label": _cell(m.label), "mention": _cell(m.id), "document": _cell(m.document_id),
            "title": _cell(m.title), "kind": _cell(m.doc_kind), "language": _cell(m.language), "date": _cell(m.date),
            "passage": _cell(m.passage_id), "page": _cell(m.page), "start": _cell(m.start), "end": _cell(m.end),
            "text": _cell(m.text), "canonical": _cell(m.canonical), "quote": _cell(m.quote)}


def mentions_to_csv(key: str, mentions: Iterable[Any], *, bom: bool = True) -> str:
    """An entity's mentions as CSV text with a header row (UTF-8 BOM, formulas defused)."""
    return rows_to_csv(MENTION_COLUMNS, (mention_row(key, m) for m in mentions), bom=bom)


CONFLICT_COLUMNS = ("card", "indicator", "label", "place", "moment", "card_kind", "spread", "first_seen", "number",
                    "disagrees_with", "document", "title", "date", "language", "page", "start", "end", "text",
                    "value", "value_max", "qualifier", "unit", "year", "period", "source", "source_kind", "quote")


def conflict_rows(card: Any, hits: list[Any], others: dict[int, list[int]]) -> list[dict[str, str | int]]:
    """The CSV rows of one conflict card's figures (`hits`: their FigureHits, same order, or None)."""
    rows = []
    for i, f in enumerate(card.figures):
        hit = hits[i] if i < len(hits) else None
        rows.append({name: _cell(value) for name, value in (
            ("card", card.id), ("indicator", card.indicator), ("label", card.label), ("place", card.place),
            ("moment", card.period), ("card_kind", card.kind), ("spread", round(card.spread, 4)),
            ("first_seen", card.first_seen), ("number", i + 1),
            ("disagrees_with", " ".join(f"#{j + 1}" for j in others.get(i, []))), ("document", f.document_id),
            ("title", getattr(hit, "title", None) or f.doc), ("date", getattr(hit, "date", None)),
            ("language", getattr(hit, "language", None)), ("page", f.page), ("start", f.start), ("end", f.end),
            ("text", f.text), ("value", f.value), ("value_max", f.value_max), ("qualifier", f.qualifier),
            ("unit", f.unit), ("year", f.year), ("period", f.period), ("source", f.source),
            ("source_kind", f.source_kind), ("quote", getattr(hit, "quote", None) or f.text))})
    return rows


def conflicts_to_csv(views: Iterable[Any], *, bom: bool = True) -> str:
    """The figures of conflict cards (corpus.CardView) as CSV text, one row per figure."""
    rows = [row for v in views for row in conflict_rows(v.card, v.hits, disagreements(v.card))]
    return rows_to_csv(CONFLICT_COLUMNS, rows, bom=bom)


INQUIRY_COLUMNS = ("document", "title", "date", "response_due", "days_left", "status", "addressees", "signatories",
                   "factions", "demands")


def inquiry_row(s: Any) -> dict[str, str | int]:
    """The CSV row of one inquiry (a corpus.InquirySummary or anything with the same attributes)."""
    people = {name: "; ".join(f"{p.name} ({p.detail})" if p.detail else p.name for p in getattr(s, name))
              for name in ("addressees", "signatories")}
    return {"document": _cell(s.id), "title": _cell(s.title), "date": _cell(s.date),
            "response_due": _cell(s.response_due), "days_left": _cell(s.days_left), "status": _cell(s.status),
            "addressees": _cell(people["addressees"]), "signatories": _cell(people["signatories"]),
            "factions": _cell("; ".join(s.factions)), "demands": _cell(s.demands)}


def inquiries_to_csv(inquiries: Iterable[Any], *, bom: bool = True) -> str:
    """Inquiries as CSV text, one row each (UTF-8 BOM, formulas defused, numbers as numbers)."""
    return rows_to_csv(INQUIRY_COLUMNS, (inquiry_row(s) for s in inquiries), bom=bom)
