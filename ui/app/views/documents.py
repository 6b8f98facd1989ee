"""Documents page: every stored document, filterable by language, kind and year; rows link to Document."""

from __future__ import annotations

import datetime as dt
import os.path

import streamlit as st

from ui.app import backend
from ui.app.components.labels import kind_label, language_label
from ui.app.components.params import SearchState

ANY = ""  # the "any value" option of the filters


def _options(counts: dict) -> list:
    return [ANY, *sorted((v for v in counts if v not in (None, ANY)), key=lambda v: (-counts[v], str(v)))]


def render() -> None:
    st.title("Documents")
    counts = backend.facets(None)
    state = SearchState.from_params(st.query_params)
    lang_counts, kind_counts = counts.get("language", {}), counts.get("kind", {})
    years = {int(y): n for y, n in counts.get("year", {}).items() if str(y).isdigit()}
    c1, c2, c3 = st.columns(3)
    lang_opts, kind_opts, year_opts = _options(lang_counts), _options(kind_counts), _options(years)
    language = c1.selectbox("Language", lang_opts,
                            index=lang_opts.index(state.language) if state.language in lang_opts else 0,
                            format_func=lambda v: "Any language" if v == ANY
                            else f"{language_label(v)} · {lang_counts.get(v, 0)}", key="docs_lang")
    kind = c2.selectbox("Kind", kind_opts, index=kind_opts.index(state.kind) if state.kind in kind_opts else 0,
                        format_func=lambda v: "Any kind" if v == ANY
                        else f"{kind_label(v)} · {kind_counts.get(v, 0)}", key="docs_kind")
    year = c3.selectbox("Year", year_opts, index=year_opts.index(state.year) if state.year in year_opts else 0,
                        format_func=lambda v: "Any year" if v == ANY else f"{v} · {years.get(v, 0)}",
                        key="docs_year")
    chosen = SearchState(language=language or None, kind=kind or None, year=year or None)
    if st.query_params.to_dict() != chosen.to_params():
        st.query_params.from_dict(chosen.to_params())
    date_from, date_to = chosen.date_range()
    docs = backend.documents(language=chosen.language, kind=chosen.kind, date_from=date_from, date_to=date_to)
    if not docs:
        message = ("No document matches these filters." if chosen.filtered
                   else "The corpus is empty. Add documents with `saual ingest PATH…`.")
        st.info(message, icon=":material/inbox:")
        return
    st.caption(f"{len(docs)} document(s). Click a row to open it, or use the link in the first column.")
    rows = [{
        "open": f"document?doc={d.id}",
        "title": d.title or os.path.basename(d.path),
        "kind": kind_label(d.kind),
        "language": d.language,
        "date": d.date if isinstance(d.date, dt.date) else None,
        "pages": d.page_count,
        "ocr": bool(d.ocr),
        "format": d.format,
        "file": os.path.basename(d.path),
    } for d in docs]
    event = st.dataframe(
        rows, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
        key="docs_table",
        column_config={
            "open": st.column_config.LinkColumn("Open", display_text="open", width="small"),
            "title": st.column_config.TextColumn("Title", width=520),
            "kind": "Kind", "language": "Language",
            "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
            "pages": st.column_config.NumberColumn("Pages", format="%d"),
            "ocr": st.column_config.CheckboxColumn("OCR"), "format": "Format", "file": "File",
        })
    selected = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if selected:
        st.switch_page("views/document.py", query_params={"doc": str(docs[selected[0]].id)})


render()
