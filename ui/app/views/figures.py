"""Figures page: every number the corpus states, filtered by indicator, place, year, source kind,
language and kind (all in the URL), each with its quote and a link to the passage; CSV export; the
figures of one indicator side by side so conflicting numbers from different sources show.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

import corpus
from ui.app import backend
from ui.app.components import figures_to_csv
from ui.app.components.figures_view import (
    CSS,
    comparison_html,
    figure_kind_label,
    figure_row_html,
    group_by_indicator,
    indicator_label,
    source_kind_label,
)
from ui.app.components.highlight import escape_text
from ui.app.components.labels import language_label
from ui.app.components.params import parse_int

PAGE_SIZE = 50
CSV_LIMIT = 5000
COMPARE_LIMIT = 2000
ANY = ""
# Widget key → (URL parameter, corpus filter name, parser of the URL string).
BOUND = {
    "fig_q": ("q", "query", lambda v: (v or "").strip()),
    "fig_indicator": ("indicator", "indicator", lambda v: (v or "").strip() or ANY),
    "fig_place": ("place", "place", lambda v: (v or "").strip() or ANY),
    "fig_year": ("year", "year", lambda v: parse_int(v) or ANY),
    "fig_source": ("source", "source_kind", lambda v: (v or "").strip() or ANY),
    "fig_lang": ("lang", "language", lambda v: (v or "").strip() or ANY),
    "fig_kind": ("kind", "kind", lambda v: (v or "").strip() or ANY),
}
FACET_OF = {"fig_indicator": "indicator", "fig_place": "place", "fig_year": "year", "fig_source": "source_kind",
            "fig_lang": "language", "fig_kind": "kind"}



@st.cache_data(ttl=backend.CACHE_SECONDS, show_spinner=False)
def _figures(url: str | None, filters: tuple, limit: int) -> list:
    return corpus.list_figures(backend._engine(url), limit=limit, **dict(filters))


@st.cache_data(ttl=backend.CACHE_SECONDS, show_spinner=False)
def _facets(url: str | None, filters: tuple) -> dict:
    return corpus.figure_facets(backend._engine(url), **dict(filters))


def figures(filters: dict, limit: int) -> list:
    return backend.guarded(_figures, backend.database_url(), tuple(sorted(filters.items())), limit)


def facets(filters: dict) -> dict:
    return backend.guarded(_facets, backend.database_url(), tuple(sorted(filters.items())))


def sync_from_url() -> None:
    """Give each widget the URL's value on first load, and again whenever the URL changed under us."""
    for key, (param, _name, parse) in BOUND.items():
        url_value = st.query_params.get(param)
        seen_key = f"_url_{key}"
        if key not in st.session_state or st.session_state.get(seen_key) != url_value:
            st.session_state[key] = parse(url_value)
            st.session_state[seen_key] = url_value


def current_filters() -> dict[str, Any]:
    """The chosen filters as corpus.list_figures keyword arguments (empty ones left out)."""
    out = {}
    for key, (_param, name, _parse) in BOUND.items():
        value = st.session_state.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value not in (None, ANY):
            out[name] = value
    return out


def to_params(filters: dict[str, Any]) -> dict[str, str]:
    by_name = {name: param for _key, (param, name, _parse) in BOUND.items()}
    return {by_name[name]: str(value) for name, value in filters.items()}


def sync_to_url(filters: dict[str, Any]) -> None:
    params = to_params(filters)
    if dict(st.query_params.to_dict()) != params:
        st.query_params.from_dict(params)
    for key, (param, _name, _parse) in BOUND.items():
        st.session_state[f"_url_{key}"] = params.get(param)


def clear_filters() -> None:
    for key in BOUND:
        st.session_state[key] = ANY


def options(counts: dict, current: Any) -> list:
    """Facet values, most frequent first; a value from the URL stays even when nothing has it."""
    values = sorted((v for v in counts if v not in (None, ANY)), key=lambda v: (-counts[v], str(v)))
    if current not in (None, ANY) and current not in values:
        values.append(current)
    return [ANY, *values]


LABELS = {
    "fig_indicator": ("Indicator", "Any indicator", indicator_label),
    "fig_place": ("Place", "Any place", str),
    "fig_year": ("Year", "Any year", str),
    "fig_source": ("Source kind", "Any source", source_kind_label),
    "fig_lang": ("Language", "Any language", language_label),
    "fig_kind": ("Kind", "Any kind", figure_kind_label),
}


def filter_widgets(filters: dict[str, Any]) -> None:
    """Sidebar selectboxes; each offers the values left under the other filters, with figure counts."""
    with st.sidebar:
        st.subheader("Filters")
        for key, facet in FACET_OF.items():
            name = BOUND[key][1]
            others = {k: v for k, v in filters.items() if k != name}
            counts = facets(others).get(facet, {})
            if key == "fig_year":
                counts = {int(y): n for y, n in counts.items() if str(y).isdigit()}
            label, any_label, describe = LABELS[key]
            st.selectbox(label, options(counts, st.session_state.get(key)), key=key,
                         format_func=lambda v, c=counts, d=describe, a=any_label:
                         a if v == ANY else f"{d(v)} · {c.get(v, 0)}")
        st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:")
        st.caption("Counts are figures under the other filters.")


def compare(filters: dict[str, Any], hits: list) -> None:
    """Figures sharing an indicator side by side (the chosen one, else every indicator with several)."""
    if filters.get("indicator"):
        group = figures(filters, COMPARE_LIMIT)
        st.subheader("Side by side")
        st.markdown(comparison_html(filters["indicator"], group), unsafe_allow_html=True)
        return
    groups = group_by_indicator(figures(filters, COMPARE_LIMIT), min_size=2)
    if not groups:
        return
    with st.expander(f"Compare by indicator ({len(groups)} indicators with several figures)"):
        for key, group in groups:
            st.markdown(comparison_html(key, group), unsafe_allow_html=True)


def results(filters: dict[str, Any]) -> None:
    limit = st.session_state.get("fig_limit", PAGE_SIZE)
    hits = figures(filters, limit)
    if not hits:
        if filters:
            st.warning("No figures match these filters. Try removing some.", icon=":material/filter_alt_off:")
        else:
            st.info("No figures in the corpus yet. Ingest documents with `saual ingest PATH…`; the numbers "
                    "they state appear here.", icon=":material/inbox:")
        return
    total = sum(facets(filters).get("source_kind", {}).values())
    head, button = st.columns([3, 1], vertical_alignment="center")
    shown = f"{len(hits)} of {total}" if total > len(hits) else str(total or len(hits))
    head.markdown(f'<div class="saual-count">{escape_text(shown)} figures</div>', unsafe_allow_html=True)

    def csv_data() -> bytes:
        rows = corpus.list_figures(backend._engine(backend.database_url()), limit=CSV_LIMIT, **filters)
        return figures_to_csv(rows).encode("utf-8")

    button.download_button("Download CSV", data=csv_data, file_name="saual-figures.csv", mime="text/csv",
                           icon=":material/download:", on_click="ignore",
                           help=f"The filtered figures (up to {CSV_LIMIT}) with document, offsets, value and quote")
    compare(filters, hits)
    for hit in hits:
        with st.container(border=True):
            text, link = st.columns([5, 1], vertical_alignment="center")
            text.markdown(figure_row_html(hit), unsafe_allow_html=True)
            params = {"doc": str(hit.document_id)}
            if hit.passage_id is not None:
                params["p"] = str(hit.passage_id)
            link.page_link("views/document.py", label="Open passage", icon=":material/article:",
                           help="Open the document at this figure's passage", query_params=params)
    if len(hits) >= limit and total > len(hits):
        st.button("Show more figures", on_click=lambda: st.session_state.update(fig_limit=limit + PAGE_SIZE))


def render() -> None:
    st.html(CSS)
    st.title("Figures")
    sync_from_url()
    st.text_input("Words in the passage", key="fig_q", placeholder="Only figures whose passage has these words",
                  icon=":material/search:")
    filters = current_filters()
    filter_widgets(filters)
    filters = current_filters()
    sync_to_url(filters)
    if st.session_state.get("_fig_limit_for") != filters:
        st.session_state["fig_limit"] = PAGE_SIZE
        st.session_state["_fig_limit_for"] = filters
    results(filters)


render()
