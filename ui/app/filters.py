"""Filter widgets shared by pages: the note and checkbox for undated documents under a date filter, and
date-picker values kept within the picker's bounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import streamlit as st


def clamp_days(keys: Iterable[str], low: dt.date, high: dt.date) -> None:
    """Days from the URL brought within a date picker's bounds (a picker given one outside them fails)."""
    for key in keys:
        day = st.session_state.get(key)
        if day is not None:
            st.session_state[key] = min(max(day, low), high)


def undated_note(key: str, *, dated: bool, included: bool, left_out: int, what: str) -> None:
    """Under a date filter, say how many undated documents it leaves out (`what`: 'documents with matches
    left out by the date filter') and offer the checkbox `key` to include them; nothing otherwise."""
    if not dated or not left_out:
        return
    if not included:
        noun = "document" if left_out == 1 else "documents"
        st.caption(f"{left_out} undated {noun} {what}.")
    st.checkbox(f"Include undated documents ({left_out})", key=key,
                help="Documents without a date fall in no date range; tick to show them too")


def page_number(key: str, total: int, page_size: int, shown_for: tuple) -> int:
    """The page of a long list (1-based) in st.session_state[key], which a URL parameter binds: back to 1 when
    `shown_for` (the filters and order) changed since the last run, with a "Page (of N)" input when the list
    is longer than a page."""
    s = st.session_state
    marker = f"_{key}_for"
    if s.get(marker, shown_for) != shown_for:
        s[key] = None
    s[marker] = shown_for
    pages = max(1, -(-total // page_size))
    s[key] = min(max(1, s.get(key) or 1), pages)
    if pages > 1:
        st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key=key)
    return s[key]
