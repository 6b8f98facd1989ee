"""Saual explorer entry point: `streamlit run ui/app/main.py` (or `saual serve`).

Reads SAUAL_DATABASE_URL (default: SQLite data/saual.db) and offers the Search, Inquiries, Figures,
Conflicts, Entities and Documents pages through st.navigation; the Document, Entity and Inquiry pages are
reached by links with their id (`document?doc=ID`, `entity?entity=KEY`, `inquiry?doc=ID`), so they are
routed but hidden from the navigation.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `streamlit run` puts only ui/app on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st

from ui.app import backend

st.set_page_config(page_title="Saual — parliamentary inquiries explorer", page_icon=":material/gavel:",
                   layout="wide")
backend.inject_css()

search_page = st.Page("views/search.py", title="Search", icon=":material/search:", default=True)
document_page = st.Page("views/document.py", title="Document", icon=":material/article:",
                        url_path="document", visibility="hidden")
figures_page = st.Page("views/figures.py", title="Figures", icon=":material/bar_chart:", url_path="figures")
documents_page = st.Page("views/documents.py", title="Documents", icon=":material/list:",
                         url_path="documents")
conflicts_page = st.Page("views/conflicts.py", title="Conflicts", icon=":material/compare_arrows:",
                         url_path="conflicts")
entities_page = st.Page("views/entities.py", title="Entities", icon=":material/groups:", url_path="entities")
entity_page = st.Page("views/entity.py", title="Entity", icon=":material/person:", url_path="entity",
                      visibility="hidden")
inquiries_page = st.Page("views/inquiries.py", title="Inquiries", icon=":material/gavel:", url_path="inquiries")
inquiry_page = st.Page("views/inquiry.py", title="Inquiry", icon=":material/gavel:", url_path="inquiry",
                       visibility="hidden")
page = st.navigation([search_page, inquiries_page, figures_page, conflicts_page, entities_page, documents_page,
                      document_page, entity_page, inquiry_page], position="top")

with st.sidebar:
    st.caption(f"Database: {backend.database_kind()}")  # never a path, host or credentials

if page is search_page and st.query_params.get("doc"):
    # `/?doc=ID` is the short permalink of a document: open it on the Document page.
    st.switch_page(document_page, query_params=st.query_params.to_dict())

page.run()
