"""The timeline of one indicator: every stored figure's value over time by source (Altair).

A figure with a year stands on 1 January of that year; one without stands at its document's date (said
in its tooltip); a "now" in an undated document at the newest year that document gives; any other is
left out and counted. Ranges are bars from value to value_max,
approximate values and bounds are hollow and carry their sign in the label, and official, unofficial
and unstated sources differ in shape as well as colour.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .figures_view import format_value, source_kind_label
from .labels import document_title

SHAPES = {"Official": "square", "Unofficial": "triangle-up", "Source not stated": "circle"}
COLOURS = {"Official": "#1b5e20", "Unofficial": "#e65100", "Source not stated": "#5c5c66"}
PRECISION = {"exact": 1.0, "approximate": 0.15, "bound": 0.15}
BOUNDS = {"more_than", "less_than", "at_least", "up_to", "from"}


def precision(hit: Any) -> str:
    """'bound' (more than, up to …), 'approximate' (about) or 'exact'."""
    if hit.qualifier in BOUNDS:
        return "bound"
    return "approximate" if hit.qualifier == "about" or getattr(hit, "approx", False) else "exact"


def placed(hit: Any, newest: int | None = None) -> tuple[dt.date, str] | None:
    """Where a figure stands in time, and how it was placed: its year, else its document's date, else (a
    "now" of an undated document) the newest year its document gives, which its present cannot precede."""
    if hit.year:
        return dt.date(int(hit.year), 1, 1), f"year {hit.year}"
    if hit.date:
        return hit.date, f"document date {hit.date.isoformat()}"
    if newest and (getattr(hit, "period", None) or "").startswith("now"):
        return dt.date(newest, 1, 1), f"now in an undated document: {newest} or later"
    return None


def timeline_rows(hits: list[Any], card_figures: set[tuple[int, int, int]] | None = None
                  ) -> tuple[list[dict[str, Any]], int]:
    """Chart rows for the figures that can be placed in time, and how many could not."""
    rows, left_out = [], 0
    newest: dict[int, int] = {}
    for hit in hits:
        if hit.year:
            newest[hit.document_id] = max(int(hit.year), newest.get(hit.document_id, 0))
    for hit in hits:
        where = placed(hit, newest.get(hit.document_id))
        if where is None:
            left_out += 1
            continue
        kind = source_kind_label(hit.source_kind)
        rows.append({"when": where[0].isoformat(), "placed": where[1], "value": hit.value,
                     "value_max": hit.value_max if hit.value_max is not None else None,
                     "label": format_value(hit.value, hit.value_max, hit.qualifier,
                                           hit.unit if hit.unit == "percent" else "count"),  # the axis names units
                     "source": hit.source or document_title(hit), "kind": kind if kind in SHAPES
                     else "Source not stated", "precision": precision(hit), "document": document_title(hit),
                     "on_card": "this card" if card_figures and (hit.document_id, hit.start, hit.end) in card_figures
                     else "other moments"})
    return sorted(rows, key=lambda r: (r["when"], r["value"])), left_out


def timeline_chart(rows: list[dict[str, Any]], unit: str | None = None) -> Any:
    """The layered Altair chart: lines per source, range bars, points by source kind, value labels."""
    import altair as alt
    import pandas as pd

    data = pd.DataFrame(rows)
    kinds = list(SHAPES)
    x = alt.X("when:T", title="Year (or document date)", scale=alt.Scale(padding=64),
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1}))
    y = alt.Y("value:Q", title=f"Value ({unit})" if unit else "Value", scale=alt.Scale(padding=18))
    colour = alt.Color("kind:N", title="Source", scale=alt.Scale(domain=kinds, range=[COLOURS[k] for k in kinds]))
    shape = alt.Shape("kind:N", title="Source", scale=alt.Scale(domain=kinds, range=[SHAPES[k] for k in kinds]))
    tooltip = [alt.Tooltip("label:N", title="Value"), alt.Tooltip("source:N", title="Who says it"),
               alt.Tooltip("kind:N", title="Source kind"), alt.Tooltip("placed:N", title="Placed at"),
               alt.Tooltip("precision:N", title="Precision"), alt.Tooltip("document:N", title="Document"),
               alt.Tooltip("on_card:N", title="Moment")]
    base = alt.Chart(data)
    lines = base.mark_line(opacity=.35).encode(x=x, y=y, detail="source:N", color=colour,
                                               strokeDash=alt.StrokeDash("kind:N", title="Source"))
    bars = (base.transform_filter("isValid(datum.value_max)")
            .mark_rule(strokeWidth=7, opacity=.45).encode(x=x, y=y, y2="value_max:Q", color=colour))
    fill = alt.FillOpacity("precision:N", title="Precision", scale=alt.Scale(
        domain=list(PRECISION), range=list(PRECISION.values())))
    inside = alt.Fill("kind:N", title="Source", scale=alt.Scale(domain=kinds, range=[COLOURS[k] for k in kinds]))
    points = base.mark_point(size=110, filled=False, strokeWidth=2).encode(
        x=x, y=y, color=colour, fill=inside, shape=shape, fillOpacity=fill, tooltip=tooltip)
    labels = base.mark_text(align="left", dx=9, dy=-6, fontSize=11).encode(x=x, y=y, text="label:N", color=colour)
    return alt.layer(lines, bars, points, labels).properties(height=260).interactive()


def left_out_note(left_out: int) -> str:
    """The note under a timeline for figures without a year or a document date ('' when none)."""
    if not left_out:
        return ""
    noun = "figure" if left_out == 1 else "figures"
    return f"{left_out} {noun} with neither a year nor a dated document left out of the timeline."
