"""Comparison across documents: stored figures grouped by indicator, and figures that disagree.

Pure functions over stored figure rows (corpus.FigureHit or anything with the same attributes), so the
explorer, the CLI and tests share them; the rules themselves are corpus.conflicts'.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .conflicts import DEFAULT, Settings, Statement, moments


def group_by_indicator(hits: Iterable[Any], *, min_size: int = 1) -> list[tuple[str, list[Any]]]:
    """(indicator, figures) for every indicator, largest group first; figures ordered by year, place."""
    groups: dict[str, list[Any]] = {}
    for hit in hits:
        if hit.indicator:
            groups.setdefault(hit.indicator, []).append(hit)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(key, sorted(group, key=lambda h: (h.year is None, -(h.year or 0), h.place or "", h.value)))
            for key, group in ordered if len(group) >= min_size]


def conflicts(group: Iterable[Any], settings: Settings = DEFAULT) -> set[int]:
    """Ids of figures that disagree with another figure of the same place and moment (corpus.conflicts rules).

    `group` holds the figures of one indicator (as group_by_indicator gives them): corpus.FigureHit or
    anything with its attributes; missing optional ones take Statement's defaults.
    """
    by_place: dict[Any, list[Statement]] = {}
    for hit in group:
        by_place.setdefault(hit.place, []).append(statement(hit))
    return {m.statements[i].id for statements in by_place.values() for m in moments(statements, settings)
            for pair in m.pairs for i in pair}


def statement(hit: Any) -> Statement:
    """A stored figure (FigureHit or alike) as the comparison rules see it."""
    optional = {name: getattr(hit, attr) for name, attr in (
        ("value_max", "value_max"), ("qualifier", "qualifier"), ("period", "period"), ("source_kind", "source_kind"),
        ("document_id", "document_id"), ("doc_date", "date"), ("language", "language"), ("approx", "approx"),
        ("source", "source"), ("kind", "kind")) if getattr(hit, attr, None) is not None}
    return Statement(id=hit.id, value=hit.value, year=hit.year, **optional)
