"""Restated figures: a large number said again later in a document (`20 мыңға жуық`) without a time or
source of its own refers to the fact it was first given for, so it takes that mention's period and source."""

from __future__ import annotations

from ..analysis import Figure

# small values (percentages, durations, 2 or 16 of something) recur for unrelated facts; large counts rarely do
MIN_VALUE = 100
_UNITS_NOT_RESTATED = frozenset({"percent", "years", "months", "days"})
_PROPOSED = frozenset({"proposal", "norm"})


def _signature(fig: Figure) -> tuple | None:
    if fig.value < MIN_VALUE or fig.unit in _UNITS_NOT_RESTATED:
        return None
    return fig.value, fig.value_max, fig.qualifier, fig.unit


def _restates(fig: Figure, earlier: Figure) -> bool:
    """Undated, and not a target: a proposal or norm states exact values (`нанять 500 врачей`), so inside one
    only an approximate number (`защитить права около 30 тыс.`) is taken to describe the earlier fact."""
    if fig.period is not None or fig.year is not None or earlier.kind in _PROPOSED:
        return False
    return fig.kind not in _PROPOSED or fig.qualifier == "about"


def carry_restatements(figures: list[Figure]) -> None:
    """Give each undated restatement the period, year, kind, contrast and (when it names none) the source of the first
    dated mention of the same value, qualifier and unit before it."""
    first: dict[tuple, Figure] = {}
    for fig in figures:
        key = _signature(fig)
        if key is None:
            continue
        earlier = first.get(key)
        if earlier is None:
            if fig.period is not None or fig.year is not None:
                first[key] = fig
        elif _restates(fig, earlier):
            fig.year, fig.period, fig.kind = earlier.year, earlier.period, earlier.kind
            fig.contrast = fig.contrast or earlier.contrast
            if fig.source is None:
                fig.source, fig.source_kind = earlier.source, earlier.source_kind
