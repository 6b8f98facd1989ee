"""Conflicts page: one card per indicator and moment, its figures side by side with their quotes, sources and
badges, the pairs that disagree, a timeline of the indicator, CSV and ClaimReview exports. Filters, order,
"new since" and the opened card (?card=ID) are all in the URL.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urljoin

import streamlit as st

from corpus.cards import pair_bases
from corpus.claimreview import claim_review
from corpus.claims import disagreements
from ui.app import backend, urlstate
from ui.app.components import conflicts_to_csv, escape_markdown, escape_text
from ui.app.components.conflicts_view import (
    CSS,
    SORT_LABELS,
    card_heading_html,
    figure_html,
    figures_grid_html,
    kind_label,
    passage_params,
)
from ui.app.components.figures_view import CSS as FIGURE_CSS
from ui.app.components.figures_view import capped_note, capped_options, indicator_label, source_kind_label
from ui.app.components.params import ANY, Param
from ui.app.components.timeline import left_out_note, timeline_chart, timeline_rows
from ui.app.filters import clamp_days

COLUMNS = 3  # figures side by side per row
TIMELINE_LIMIT = 500
PAGE_SIZE = 20  # cards a page shows before "Show more cards"
LIST_FIGURES = 6  # figures a card shows in the list (an opened card shows all)
FILTERS = (
    Param("cf_indicator", "indicator"),
    Param("cf_place", "place"),
    Param("cf_kind", "kind"),
    Param("cf_source", "source"),
)
SINCE = Param("cf_since", "since", "date", None)
SORT = Param("cf_sort", "sort", "str", ANY, ("recent", "sources"))
CARD = Param("cf_card", "card")
PARAMS = (*FILTERS, SINCE, SORT, CARD)
ARGUMENT = {"cf_indicator": "indicator", "cf_place": "place", "cf_kind": "kind", "cf_source": "source_kind"}
LABELS = {
    "cf_indicator": ("Indicator", "Any indicator", indicator_label),
    "cf_place": ("Place", "Any place", str),
    "cf_kind": ("Kind", "Any kind", kind_label),
    "cf_source": ("Source kind", "Any source", source_kind_label),
}


def current_filters() -> dict[str, Any]:
    """The chosen filters as corpus.list_conflict_views keyword arguments (empty ones left out)."""
    out: dict[str, Any] = {ARGUMENT[k]: v for k, v in urlstate.values(FILTERS).items() if v not in (None, ANY)}
    if st.session_state.get("cf_since"):
        out["since"] = st.session_state["cf_since"]
    return out


def clear_filters() -> None:
    urlstate.clear(FILTERS)
    st.session_state["cf_since"] = None


def open_card(card_id: str | None) -> None:
    st.session_state["cf_card"] = card_id or ANY


def since_bounds() -> tuple[dt.date, dt.date]:
    """The days "new since" can take: from 1991 to tomorrow."""
    return dt.date(1991, 1, 1), dt.date.today() + dt.timedelta(days=1)


def filter_widgets(filters: dict[str, Any]) -> None:
    """Sidebar: each filter offers the values left under the others, with card counts; new since; order."""
    with st.sidebar:
        st.subheader("Filters")
        notes: list[str] = []
        for key, argument in ARGUMENT.items():
            others = {k: v for k, v in filters.items() if k != argument}
            counts = backend.read("conflict_facets", names=(argument,), **others)[argument]
            label, any_label, describe = LABELS[key]
            options, left_out = capped_options(counts, st.session_state.get(key))
            st.selectbox(label, options, key=key, format_func=lambda v, c=counts, d=describe, a=any_label:
                         a if v == ANY else f"{d(v)} · {c.get(v, 0)}")
            notes.append(capped_note(label, counts, left_out))
        low, high = since_bounds()
        st.date_input("New since", key="cf_since", min_value=low, max_value=high, format="YYYY-MM-DD",
                      help="Only conflicts first seen on or after this day")
        st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:")
        st.caption(" ".join(["Counts are conflict cards under the other filters.", *filter(None, notes)]))
        st.selectbox("Order", list(SORT_LABELS), key="cf_sort", format_func=SORT_LABELS.get)


def chosen_page(filters: dict[str, Any], limit: int) -> Any:
    """The first `limit` card ids under the filters in the chosen order, and their total (one SQL page)."""
    return backend.read("conflict_page", sort=st.session_state.get("cf_sort") or "spread", limit=limit, **filters)


def base_url() -> str | None:
    """The explorer's address when the browser's is known (for absolute links in exports)."""
    try:
        return urljoin(st.context.url, ".") if st.context.url else None
    except Exception:  # noqa: BLE001 - no browser context (tests, bare mode): relative links
        return None


def timeline(view: Any) -> None:
    """The indicator's figures over time by source, this card's among them."""
    hits = backend.read("list_figures", indicator=view.card.indicator, limit=TIMELINE_LIMIT)
    on_card = {(f.document_id, f.start, f.end) for f in view.card.figures}
    rows, left_out = timeline_rows(hits, on_card)
    if rows:
        st.altair_chart(timeline_chart(rows, view.card.figures[0].unit), width="stretch")
        st.caption("Shapes and colours: ■ official, ▲ unofficial, ● source not stated. Hollow: approximate or a "
                   "bound. Bars: ranges. A figure without a year stands at its document's date.")
    note = left_out_note(left_out)
    if note:
        st.caption(note)


def figure_columns(view: Any) -> None:
    """Every figure of an opened card side by side in columns, each with a page link to its passage."""
    others, bases = disagreements(view.card), pair_bases(view.card)
    figures = view.card.figures
    for first in range(0, len(figures), COLUMNS):
        columns = st.columns(COLUMNS)
        for i in range(first, min(first + COLUMNS, len(figures))):
            hit = view.hits[i] if i < len(view.hits) else None
            with columns[i - first]:
                st.markdown(figure_html(view.card, i, hit, others.get(i, []), bases), unsafe_allow_html=True)
                st.page_link("views/document.py", label=f"Open passage #{i + 1}", icon=":material/article:",
                             query_params=passage_params(figures[i], hit),
                             help="Open the document at this figure's passage")


def figures_row(view: Any, shown: int | None = None) -> None:
    """The card's figures side by side, each with a link to its passage: all of them in columns (None), or the
    first `shown` in one HTML block (a list of 20 cards would otherwise draw hundreds of elements)."""
    figures = view.card.figures
    if shown is None:
        figure_columns(view)
        return
    count = min(shown, len(figures))
    st.markdown(figures_grid_html(view.card, view.hits, count), unsafe_allow_html=True)
    if count < len(figures):
        st.caption(f"{len(figures) - count} more figures on this card: open it to see them all.")


def show_card(view: Any, opened: bool) -> None:
    """One conflict card: heading, figures, actions (open, ClaimReview draft), timeline."""
    card = view.card
    with st.container(border=True, key=f"card-{card.id}"):
        st.markdown(card_heading_html(card), unsafe_allow_html=True)
        figures_row(view, None if opened else LIST_FIGURES)
        open_button, draft = st.columns(2)
        if not opened:
            open_button.button("Open card", key=f"open_{card.id}", on_click=open_card, args=(card.id,),
                               icon=":material/open_in_full:", help="This card alone, with its permalink")
        base = base_url()

        def draft_data() -> bytes:  # built when downloaded: a card of hundreds of figures is a large document
            whole = view if opened else backend.read_uncached("get_conflict_view", card.id) or view  # every quote
            document = claim_review(card, whole.hits, base_url=base)
            return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")

        draft.download_button("ClaimReview draft (JSON-LD)", key=f"claimreview_{card.id}", data=draft_data,
                              file_name=f"saual-claimreview-{card.id}.jsonld", mime="application/ld+json",
                              icon=":material/fact_check:", on_click="ignore",
                              help="A schema.org ClaimReview per disagreeing figure, the verdict left to you")
        timeline_box = st.expander("Timeline of this indicator", expanded=opened, icon=":material/timeline:",
                                   key=f"timeline_{card.id}", on_change="rerun")
        if timeline_box.open:  # drawn when opened, not for every card of the list (an Altair chart each)
            with timeline_box:
                timeline(view)


def listing(filters: dict[str, Any]) -> None:
    """The cards under the filters, in the chosen order, a page at a time, with the CSV of their figures."""
    limit = st.session_state.get("cf_limit", PAGE_SIZE)
    page = chosen_page(filters, limit)
    # the quotes of the figures shown; one shared object, not a copy per run (a card can hold hundreds of figures)
    views = backend.read_shared("conflict_views", tuple(page.ids), LIST_FIGURES)
    if not views:
        if filters:
            st.warning("No conflicts match these filters. Try removing some.", icon=":material/filter_alt_off:")
        else:
            st.info("No conflicting figures in the corpus. Cards appear when two sources give different values "
                    "for one indicator and moment (`saual ingest PATH…`).", icon=":material/inbox:")
        return
    total = page.total
    head, button = st.columns([3, 1], vertical_alignment="center")
    noun = "conflict card" if total == 1 else "conflict cards"
    shown = f" · showing {len(views)}" if len(views) < total else ""
    head.markdown(f'<div class="saual-count">{escape_text(f"{total} {noun}{shown}")}</div>', unsafe_allow_html=True)
    ids = tuple(page.ids)
    button.download_button("Download CSV", mime="text/csv",
                           data=lambda: conflicts_to_csv(backend.read_uncached("conflict_views", ids)).encode("utf-8"),
                           file_name="saual-conflicts.csv", icon=":material/download:", on_click="ignore",
                           help="Every figure of the cards shown, with its card, quote and offsets")
    for view in views:
        show_card(view, opened=False)
    if len(views) < total:
        st.button("Show more cards", on_click=lambda: st.session_state.update(cf_limit=limit + PAGE_SIZE),
                  icon=":material/expand_more:")


def detail(card_id: str) -> None:
    """One card by its permalink id, its timeline open."""
    st.button("All conflicts", on_click=open_card, args=(None,), icon=":material/arrow_back:")
    view = backend.read("get_conflict_view", card_id)
    if view is None:
        st.warning(f"There is no conflict card “{escape_markdown(card_id)}”. The figures may have been corrected "
                   "or the link is incomplete.", icon=":material/find_in_page:")
        return
    st.caption(f"Permalink: conflicts?card={escape_markdown(card_id)}")
    show_card(view, opened=True)


def render() -> None:
    st.html(FIGURE_CSS)
    st.html(CSS)
    st.title("Conflicts")
    urlstate.sync_from_url(PARAMS)
    clamp_days(("cf_since",), *since_bounds())  # same cards: none, or all
    filter_widgets(current_filters())
    card_id = st.session_state.get("cf_card")
    if card_id:
        detail(card_id)
    else:
        listing(current_filters())
    urlstate.sync_to_url(PARAMS)


render()
