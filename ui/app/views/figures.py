"""Figures page: every number the corpus states, filtered by indicator, place, year, source kind,
language and kind, a page at a time (filters, page and page size all in the URL), each with its quote
and a link to the passage; CSV export; the figures of one indicator side by side so conflicting
numbers from different sources show.
"""

from __future__ import annotations

import math
from typing import Any

import streamlit as st

from corpus import group_by_indicator
from ui.app import backend, urlstate
from ui.app.components import figures_to_csv
from ui.app.components.figures_view import (
    CSS,
    capped_note,
    capped_options,
    comparison_html,
    figure_card_html,
    figure_kind_label,
    indicator_label,
    source_kind_label,
)
from ui.app.components.highlight import escape_text
from ui.app.components.labels import language_label
from ui.app.components.params import ANY, Param

PAGE_SIZE = 50
PAGE_SIZES = (20, 50, 100)
CSV_LIMIT = 5000
COMPARE_LIMIT = 2000
# The filters' URL state and the corpus.list_figures argument each one sets.
FILTERS = (
    Param("fig_q", "q", "str", ""),
    Param("fig_indicator", "indicator"),
    Param("fig_place", "place"),
    Param("fig_year", "year", "year"),
    Param("fig_source", "source"),
    Param("fig_lang", "lang"),
    Param("fig_kind", "kind"),
)
PAGING = (Param("fig_page", "page", "int", None), Param("fig_size", "size", "int", None),
          Param("fig_group", "group", "bool", False))
ARGUMENT = {"fig_q": "query", "fig_indicator": "indicator", "fig_place": "place", "fig_year": "year",
            "fig_source": "source_kind", "fig_lang": "language", "fig_kind": "kind"}
FACET_OF = {"fig_indicator": "indicator", "fig_place": "place", "fig_year": "year", "fig_source": "source_kind",
            "fig_lang": "language", "fig_kind": "kind"}
LABELS = {
    "fig_indicator": ("Indicator", "Any indicator", indicator_label),
    "fig_place": ("Place", "Any place", str),
    "fig_year": ("Year", "Any year", str),
    "fig_source": ("Source kind", "Any source", source_kind_label),
    "fig_lang": ("Language", "Any language", language_label),
    "fig_kind": ("Kind", "Any kind", figure_kind_label),
}


def figures(filters: dict, limit: int, offset: int = 0) -> list:
    return backend.read("list_figures", limit=limit, offset=offset, **filters)


def facets(filters: dict) -> dict:
    """Figure counts by facet under `filters` (one shared object, only read: thousands of indicators at 100k)."""
    return backend.read_shared("figure_facets", **filters)


def current_filters() -> dict[str, Any]:
    """The chosen filters as corpus.list_figures keyword arguments (empty ones left out)."""
    out = {}
    for key, value in urlstate.values(FILTERS).items():
        if isinstance(value, str):
            value = value.strip()
        if value not in (None, ANY):
            out[ARGUMENT[key]] = value
    return out


def clear_filters() -> None:
    urlstate.clear(FILTERS)


def filter_widgets(filters: dict[str, Any]) -> None:
    """Sidebar selectboxes; each offers the values left under the other filters, with figure counts."""
    with st.sidebar:
        st.subheader("Filters")
        notes: list[str] = []
        for key, facet in FACET_OF.items():
            name = ARGUMENT[key]
            others = {k: v for k, v in filters.items() if k != name}
            counts = facets(others).get(facet, {})
            if key == "fig_year":
                counts = {int(y): n for y, n in counts.items() if str(y).isdigit()}
            label, any_label, describe = LABELS[key]
            options, left_out = capped_options(counts, st.session_state.get(key))
            st.selectbox(label, options, key=key, format_func=lambda v, c=counts, d=describe, a=any_label:
                         a if v == ANY else f"{d(v)} · {c.get(v, 0)}")
            notes.append(capped_note(label, counts, left_out))
        st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:")
        st.caption(" ".join(["Counts are figures under the other filters.", *filter(None, notes)]))


def compare(filters: dict[str, Any], indicators: dict[str, int]) -> None:
    """Figures sharing an indicator side by side (the chosen one, else every indicator with several); the
    figures are read when the comparison is opened, the count from the indicator facet (`indicators`)."""
    if filters.get("indicator"):
        group = figures(filters, COMPARE_LIMIT)
        st.subheader("Side by side")
        st.markdown(comparison_html(filters["indicator"], group), unsafe_allow_html=True)
        return
    several = sum(1 for n in indicators.values() if n >= 2)
    if not several:
        return
    box = st.expander(f"Compare by indicator ({several} indicators with several figures)", key="fig_compare",
                      on_change="rerun")
    if box.open:  # hundreds of comparison tables (and their 2,000 figures) only when asked for
        with box:
            groups = group_by_indicator(figures(filters, COMPARE_LIMIT), min_size=2)
            if len(groups) < several:
                st.caption(f"The {len(groups)} indicators with several figures among the newest {COMPARE_LIMIT:,} "
                           "figures; choose an indicator to compare all of its figures.")
            for key, group in groups:
                st.markdown(comparison_html(key, group), unsafe_allow_html=True)


def paging(total: int) -> tuple[int, int]:
    """(page number, page size) from the URL, the page clamped to those the total fills."""
    size = st.session_state.get("fig_size") or PAGE_SIZE
    size = size if size in PAGE_SIZES else PAGE_SIZE
    pages = max(1, math.ceil(total / size))
    return min(max(st.session_state.get("fig_page") or 1, 1), pages), size


def pager(page: int, size: int, total: int) -> None:
    """Previous / next buttons and the page size, under the list."""
    pages = max(1, math.ceil(total / size))
    back, where, forward, per_page = st.columns([1, 2, 1, 1], vertical_alignment="center")
    back.button("Previous page", disabled=page <= 1, icon=":material/chevron_left:",
                on_click=lambda: st.session_state.update(fig_page=page - 1))
    where.markdown(f'<div class="saual-meta">Page {page} of {pages}</div>', unsafe_allow_html=True)
    forward.button("Next page", disabled=page >= pages, icon=":material/chevron_right:",
                   on_click=lambda: st.session_state.update(fig_page=page + 1))
    per_page.selectbox("Figures a page", PAGE_SIZES, index=PAGE_SIZES.index(size), key="_fig_size_choice",
                       on_change=lambda: st.session_state.update(fig_size=st.session_state["_fig_size_choice"],
                                                                 fig_page=None))


def count_line(first: int, shown: int, total: int) -> str:
    """'10 figures' when all are shown, else '51–100 of 230 figures'."""
    if shown >= total:
        return f"{total} figures"
    return f"{first + 1}–{first + shown} of {total} figures"


def figure_row(hit: Any) -> None:
    """One figure: its value, details and quote, and a link to its passage (one HTML element)."""
    st.markdown(figure_card_html(hit), unsafe_allow_html=True)


def figure_list(hits: list) -> None:
    """The page's figures in order, or under one heading per indicator when grouping is on."""
    if not st.session_state.get("fig_group"):
        for hit in hits:
            figure_row(hit)
        return
    groups = group_by_indicator(hits)
    rest = [hit for hit in hits if not hit.indicator]
    for key, group in [*groups, *([(None, rest)] if rest else [])]:
        name = indicator_label(key) if key else "No indicator"
        st.markdown(f'<div class="saual-result-title saual-indicator-group">{escape_text(name)} · {len(group)}</div>',
                    unsafe_allow_html=True)
        for hit in group:
            figure_row(hit)


def results(filters: dict[str, Any]) -> None:
    counts = facets(filters)
    total = sum(counts.get("source_kind", {}).values())
    page, size = paging(total)
    hits = figures(filters, size, (page - 1) * size)
    if not hits:
        if filters:
            st.warning("No figures match these filters. Try removing some.", icon=":material/filter_alt_off:")
        else:
            st.info("No figures in the corpus yet. Ingest documents with `saual ingest PATH…`; the numbers "
                    "they state appear here.", icon=":material/inbox:")
        return
    head, button = st.columns([3, 1], vertical_alignment="center")
    shown = count_line((page - 1) * size, len(hits), max(total, len(hits)))
    head.markdown(f'<div class="saual-count">{escape_text(shown)}</div>', unsafe_allow_html=True)

    def csv_data() -> bytes:
        return figures_to_csv(backend.read_uncached("list_figures", limit=CSV_LIMIT, **filters)).encode("utf-8")

    button.download_button("Download CSV", data=csv_data, file_name="saual-figures.csv", mime="text/csv",
                           icon=":material/download:", on_click="ignore",
                           help=f"The filtered figures (up to {CSV_LIMIT}) with document, offsets, value and quote")
    compare(filters, counts.get("indicator", {}))
    st.toggle("Group by indicator", key="fig_group", help="This page's figures under one heading per indicator")
    figure_list(hits)
    if total > size:
        pager(page, size, total)


def render() -> None:
    st.html(CSS)
    st.title("Figures")
    urlstate.sync_from_url((*FILTERS, *PAGING))
    st.text_input("Words in the passage", key="fig_q", placeholder="Only figures whose passage has these words",
                  icon=":material/search:")
    filter_widgets(current_filters())
    filters = current_filters()
    if st.session_state.get("_fig_page_for") not in (None, filters):
        st.session_state["fig_page"] = None  # new filters start on their first page
    st.session_state["_fig_page_for"] = filters
    results(filters)
    urlstate.sync_to_url((*FILTERS, *PAGING))


render()
