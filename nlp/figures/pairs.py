"""Figures of the two halves of a bilingual inquiry linked as translations of each other: the same value,
unit and bounds, best with the same qualifier, year and indicator, at about the same place in the half."""

from __future__ import annotations

import math

from ..analysis import Figure
from ..lang import Segmentation
from ..translations import translations


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9))


def figure_weight(x: Figure, y: Figure, drift: float) -> float:
    """How alike two figures of the two halves are (0: not the same figure)."""
    if x.unit != y.unit or not _same(x.value, y.value) or not _same(x.value_max, y.value_max):
        return 0.0
    return 1.0 + 0.5 * sum((x.qualifier == y.qualifier, x.year == y.year, x.indicator == y.indicator,
                            x.kind == y.kind)) - 2 * drift


def link_figures(seg: Segmentation, figures: list[Figure]) -> None:
    """Set each figure's `translation` to the index of the same figure in the other half, if any."""
    for fig, other in zip(figures, translations(seg, figures, figure_weight), strict=True):
        fig.translation = other
