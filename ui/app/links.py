"""Links between explorer pages (Streamlit page links with their URL parameters)."""

from __future__ import annotations

import streamlit as st

from .components.params import passage_query


def passage_link(document_id: int, passage_id: int | None, label: str) -> None:
    """A link to the Document page at a passage (the document's top when the passage is unknown)."""
    st.page_link("views/document.py", label=label, icon=":material/article:",
                 query_params=passage_query(document_id, passage_id), help="Open the document at this passage")
