"""Filter widgets shared by pages: the note and checkbox for undated documents under a date filter."""

from __future__ import annotations

import streamlit as st


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
