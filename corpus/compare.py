"""Comparison across documents: stored figures grouped by indicator, and figures that disagree.

Pure functions over stored figure rows (corpus.FigureHit or anything with the same attributes), so the
explorer, the CLI and tests share them. This is the module the coming "conflicts" work fills in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def group_by_indicator(hits: Iterable[Any], *, min_size: int = 1) -> list[tuple[str, list[Any]]]:
    """(indicator, figures) for every indicator, largest group first; figures ordered by year, place."""
    groups: dict[str, list[Any]] = {}
    for hit in hits:
        if hit.indicator:
            groups.setdefault(hit.indicator, []).append(hit)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(key, sorted(group, key=lambda h: (h.year is None, -(h.year or 0), h.place or "", h.value)))
            for key, group in ordered if len(group) >= min_size]


def conflicts(group: Iterable[Any]) -> set[int]:
    """Ids of figures that share indicator, place and year with a figure of a different value.

    `group` holds the figures of one indicator (as group_by_indicator gives them).
    """
    group = list(group)
    by_key: dict[tuple, set[tuple]] = {}
    for hit in group:
        by_key.setdefault((hit.place, hit.year), set()).add((hit.value, hit.value_max))
    return {hit.id for hit in group if len(by_key[(hit.place, hit.year)]) > 1}
