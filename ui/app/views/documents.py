"""Documents page: every stored document, newest first, a page of PAGE_SIZE at a time, filterable by language,
kind, year and words of the title (all in the URL, with undated documents counted and optionally kept under a
year); rows link to the Document page."""

from __future__ import annotations

import datetime as dt
import os.path

import streamlit as st

from ui.app import backend, urlstate
from ui.app.components.labels import kind_label, language_label
from ui.app.components.params import ANY, Param, SearchState, filter_options
from ui.app.filters import page_number
from ui.app.filters import undated_note as undated_checkbox

FILTERS = (Param("docs_lang", "lang"), Param("docs_kind", "kind"), Param("docs_year", "year", "year"),
           Param("docs_undated", "undated", "bool", False), Param("docs_title", "title", "str", None))
PAGE = Param("docs_page", "page", "int", None)
PARAMS = (*FILTERS, PAGE)
PAGE_SIZE = 100  # rows a page of the table holds: the list is read a page at a time
# Pixel widths that fit beside the sidebar at 1400 px, so no column is cut off; rows are tall enough
# (over 4rem) for Streamlit to wrap long titles onto three lines, so their distinguishing end shows.
COLUMNS = {
    "open": st.column_config.LinkColumn("Open", display_text="open", width=50),
    "title": st.column_config.TextColumn("Title", width=330),
    "kind": st.column_config.TextColumn("Kind", width=80),
    "language": st.column_config.TextColumn("Language", width=70),
    "date": st.column_config.TextColumn("Date", width=90),
    "pages": st.column_config.TextColumn("Pages", width=50),
    "ocr": st.column_config.CheckboxColumn("OCR", width=45),
    "format": st.column_config.TextColumn("Format", width=60),
    "file": st.column_config.TextColumn("File", width=120),
}
NONE = "—"  # shown for a missing value, never "None"
ROW_HEIGHT = 72
ROWS_SHOWN = 12  # rows in view before the table scrolls


def choose() -> SearchState:
    """The language, kind and year selectboxes with document counts (values from the URL kept)."""
    counts = backend.facets(None)
    lang_counts, kind_counts = counts.get("language", {}), counts.get("kind", {})
    years = {int(y): n for y, n in counts.get("year", {}).items() if str(y).isdigit()}
    c1, c2, c3 = st.columns(3)
    s = st.session_state
    c1.selectbox("Language", filter_options(lang_counts, s.get("docs_lang")), key="docs_lang",
                 format_func=lambda v: "Any language" if v == ANY else f"{language_label(v)} · {lang_counts.get(v, 0)}")
    c2.selectbox("Kind", filter_options(kind_counts, s.get("docs_kind")), key="docs_kind",
                 format_func=lambda v: "Any kind" if v == ANY else f"{kind_label(v)} · {kind_counts.get(v, 0)}")
    c3.selectbox("Year", filter_options(years, s.get("docs_year")), key="docs_year",
                 format_func=lambda v: "Any year" if v == ANY else f"{v} · {years.get(v, 0)}")
    return SearchState(language=s.get("docs_lang") or None, kind=s.get("docs_kind") or None,
                       year=s.get("docs_year") or None, undated=bool(s.get("docs_undated")))


def undated_note(chosen: SearchState) -> None:
    """Under a year, say how many undated documents it leaves out and offer to include them."""
    left_out = backend.read("count_undated", language=chosen.language, kind=chosen.kind) if chosen.dated else 0
    undated_checkbox("docs_undated", dated=chosen.dated, included=chosen.undated, left_out=left_out,
                     what="left out by the year filter")


def table_rows(docs: list) -> list[dict]:
    """One row per document: its distinguishing title, and '—' (never None) for what is unknown."""
    titles = backend.titles(d.id for d in docs)
    return [{
        "open": f"document?doc={d.id}",
        "title": titles.get(d.id) or d.title or os.path.basename(d.path),
        "kind": kind_label(d.kind),
        "language": d.language or NONE,
        "date": d.date.isoformat() if isinstance(d.date, dt.date) else NONE,
        "pages": str(d.page_count) if d.page_count else NONE,
        "ocr": bool(d.ocr),
        "format": (d.format or NONE).upper(),
        "file": os.path.basename(d.path or "") or NONE,
    } for d in docs]


def failed_files() -> None:
    """The files ingest could not store, with the reason (retry: saual ingest --retry-failed)."""
    failures = backend.read("list_failures")
    if not failures:
        return
    with st.expander(f"Files that could not be stored ({len(failures)})", icon=":material/error:"):
        st.caption("Retry them with `saual ingest --retry-failed`; `saual failed` lists them too.")
        st.dataframe([{"file": f.path, "reason": f.reason, "when": f.failed_at.strftime("%Y-%m-%d %H:%M"),
                       "attempts": f.attempts} for f in failures], hide_index=True, width="stretch")


def title_filter() -> str | None:
    """Words the title (or file name) must contain, kept in the URL."""
    st.text_input("Title contains", key="docs_title", placeholder="words of the title or file name")
    return (st.session_state.get("docs_title") or "").strip() or None


def render() -> None:
    st.title("Documents")
    failed_files()
    urlstate.sync_from_url(PARAMS)
    chosen = choose()
    title = title_filter()
    undated_note(chosen)
    date_from, date_to = chosen.date_range()
    filters = {"language": chosen.language, "kind": chosen.kind, "date_from": date_from, "date_to": date_to,
               "include_undated": chosen.undated, "title": title}
    total = backend.count_documents(**filters)
    page = page_number("docs_page", total, PAGE_SIZE, tuple(urlstate.values(FILTERS).values()))
    urlstate.sync_to_url(PARAMS, {**urlstate.values(PARAMS), "docs_undated": chosen.undated and chosen.dated,
                                  "docs_page": page if page > 1 else None})
    docs = backend.documents(**filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE) if total else []
    if not docs:
        message = ("No document matches these filters." if chosen.filtered or title
                   else "The corpus is empty. Add documents with `saual ingest PATH…`.")
        st.info(message, icon=":material/inbox:")
        return
    first = (page - 1) * PAGE_SIZE + 1
    st.caption(f"{total:,} document(s), newest first; {first:,}–{first + len(docs) - 1:,} shown. Click a row to "
               "open it, or use the link in the first column.")
    event = st.dataframe(table_rows(docs), hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key=f"docs_table_{page}", column_config=COLUMNS,
                         row_height=ROW_HEIGHT, placeholder=NONE,
                         height=ROW_HEIGHT * min(len(docs), ROWS_SHOWN) + 40)
    selected = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if selected:
        st.switch_page("views/document.py",
                       query_params={"doc": str(docs[selected[0]].id)})


render()
