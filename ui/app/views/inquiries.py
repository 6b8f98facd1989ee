"""Inquiries page: every stored inquiry with its addressee, date, response term, days left, status (answered
once a reply is linked), signatories, factions, number of demands and replies; filters (addressee, signatory,
faction, status, date range) and the order (newest or nearest deadline) in the URL; CSV export; each row opens
its Inquiry page; and each addressee's answer rate.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from corpus import INQUIRY_STATUSES
from ui.app import backend, urlstate
from ui.app.components.export import inquiries_to_csv
from ui.app.components.inquiries_view import (
    NONE,
    TERM_NOTE,
    rate_rows,
    sort_inquiries,
    status_label,
    table_rows,
)
from ui.app.components.params import ANY, Param, filter_options
from ui.app.filters import page_number

SORTS = {"newest": "Newest first", "deadline": "Nearest deadline first"}
PARAMS = (Param("inq_addressee", "addressee"), Param("inq_signatory", "signatory"), Param("inq_faction", "faction"),
          Param("inq_status", "status", choices=INQUIRY_STATUSES), Param("inq_from", "from", "date", None),
          Param("inq_to", "to", "date", None), Param("inq_sort", "sort", choices=tuple(SORTS)),
          Param("inq_page", "page", "int", None))
PAGE_SIZE = 100  # rows the table shows at once (the CSV holds every listed inquiry)
COLUMNS = {
    "open": st.column_config.LinkColumn("Open", display_text="open", width=50),
    "title": st.column_config.TextColumn("Title", width=280),
    "addressee": st.column_config.TextColumn("Addressee", width=140),
    "date": st.column_config.TextColumn("Date", width=90),
    "deadline": st.column_config.TextColumn("Deadline", width=90),
    "days": st.column_config.TextColumn("Days", width=110),
    "status": st.column_config.TextColumn("Status", width=80),
    "signatories": st.column_config.TextColumn("Signatories", width=200),
    "factions": st.column_config.TextColumn("Factions", width=160),
    "demands": st.column_config.NumberColumn("Demands", width=70),
    "replies": st.column_config.NumberColumn("Replies", width=60),
}
RATE_COLUMNS = {
    "addressee": st.column_config.TextColumn("Addressee", width=160),
    "position": st.column_config.TextColumn("Position", width=200),
    "inquiries": st.column_config.NumberColumn("Inquiries", width=70),
    "answered": st.column_config.NumberColumn("Answered", width=70),
    "rate": st.column_config.TextColumn("Answer rate", width=80),
    "demands": st.column_config.NumberColumn("Points", width=60),
    "demands_answered": st.column_config.NumberColumn("Points answered", width=90),
    "demands_partly": st.column_config.NumberColumn("Partly", width=60),
    "demand_rate": st.column_config.TextColumn("Points rate", width=80),
}


def counts(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for value in values:
        out[value] = out.get(value, 0) + 1
    return out


def filter_widgets(everything: list) -> None:
    """The filter selectboxes (options from every inquiry, counted) and the date range."""
    s = st.session_state
    addressees = counts(p.name for i in everything for p in dict.fromkeys(i.addressees))
    signatories = counts(name for i in everything for name in dict.fromkeys(p.name for p in i.signatories))
    factions = counts(f for i in everything for f in i.factions)
    statuses = counts(i.status for i in everything if i.status)
    c1, c2, c3, c4 = st.columns(4)
    for column, key, label, found in ((c1, "inq_addressee", "Addressee", addressees),
                                      (c2, "inq_signatory", "Signatory", signatories),
                                      (c3, "inq_faction", "Faction", factions)):
        column.selectbox(label, filter_options(found, s.get(key)), key=key,
                         format_func=lambda v, f=found, a=label: f"Any {a.lower()}" if v == ANY else f"{v} · {f.get(v, 0)}")
    c4.selectbox("Status", [ANY, *INQUIRY_STATUSES], key="inq_status",
                 format_func=lambda v: "Any status" if v == ANY else f"{status_label(v)} · {statuses.get(v, 0)}")
    d1, d2, d3 = st.columns(3)
    d1.date_input("From date", key="inq_from", format="YYYY-MM-DD")
    d2.date_input("To date", key="inq_to", format="YYYY-MM-DD")
    d3.selectbox("Order", list(SORTS), key="inq_sort", format_func=lambda v: SORTS.get(v, SORTS["newest"]))


def chosen() -> dict:
    s = st.session_state
    return {"addressee": s.get("inq_addressee") or None, "signatory": s.get("inq_signatory") or None,
            "faction": s.get("inq_faction") or None, "status": s.get("inq_status") or None,
            "date_from": s.get("inq_from") or None, "date_to": s.get("inq_to") or None}


def render() -> None:
    st.title("Inquiries")
    urlstate.sync_from_url(PARAMS)
    everything = backend.read("list_inquiries", today=dt.date.today())
    filter_widgets(everything)
    if not everything:
        urlstate.sync_to_url(PARAMS)
        st.info("No inquiries in the corpus yet. Ingest deputies' inquiries with `saual ingest PATH…`.",
                icon=":material/inbox:")
        return
    filters = {k: v for k, v in chosen().items() if v}  # none chosen: the same cached read as `everything`
    found = sort_inquiries(backend.read("list_inquiries", today=dt.date.today(), **filters),
                           st.session_state.get("inq_sort") or "newest")
    page = page_number("inq_page", len(found), PAGE_SIZE,
                       (tuple(sorted(filters.items())), st.session_state.get("inq_sort") or "newest"))
    urlstate.sync_to_url(PARAMS, {**urlstate.values(PARAMS), "inq_page": page if page > 1 else None})
    st.caption(TERM_NOTE)
    if not found:
        st.warning("No inquiry matches these filters.", icon=":material/filter_alt_off:")
        return
    first = (page - 1) * PAGE_SIZE
    shown = found[first:first + PAGE_SIZE]
    st.caption(f"{len(found):,} inquir{'ies' if len(found) != 1 else 'y'}"
               + (f"; {first + 1:,}–{first + len(shown):,} shown" if len(found) > PAGE_SIZE else "")
               + ". Open one with the link in the first column.")
    st.dataframe(table_rows(shown), hide_index=True, width="stretch", key=f"inq_table_{page}", column_config=COLUMNS,
                 placeholder=NONE)
    st.download_button("Download inquiries (CSV)", data=lambda: inquiries_to_csv(found).encode(),
                       file_name="saual-inquiries.csv", mime="text/csv", icon=":material/download:",
                       on_click="ignore", help="Every listed inquiry (all pages) with terms, status, people and "
                                               "demand counts")
    answer_rates()


def answer_rates() -> None:
    """Each addressee's answer rate over the whole corpus (not the filters)."""
    st.subheader("Answer rate by addressee")
    st.caption("Inquiries with a linked reply out of those addressed; points (demands other than procedural "
               "requests and rhetorical questions) the replies answered fully or partly.")
    st.dataframe(rate_rows(backend.read("answer_rates", today=dt.date.today())), hide_index=True, width="stretch",
                 key="inq_rates", column_config=RATE_COLUMNS, placeholder=NONE)


render()
