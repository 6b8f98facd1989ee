"""Entities page: the people, organisations and places the corpus mentions, in both languages, with a
type filter and a name search (both in the URL: ?label=PER&q=…); each links to its Entity page.
"""

from __future__ import annotations

import streamlit as st

from ui.app import backend, urlstate
from ui.app.components.entities_view import CSS, ENTITY_LABELS, entities_table_html, entity_label
from ui.app.components.highlight import escape_markdown, escape_text
from ui.app.components.params import ANY, Param

PAGE_SIZE = 200
PARAMS = (Param("ent_q", "q", "str", ""), Param("ent_label", "label", choices=tuple(ENTITY_LABELS)))


def entities(label: str | None, query: str | None, limit: int) -> list:
    return backend.read("list_entities", label=label, query=query, limit=limit)


def render() -> None:
    st.html(CSS)
    st.title("Entities")
    urlstate.sync_from_url(PARAMS)
    search, kind = st.columns([3, 1])
    search.text_input("Name", key="ent_q", placeholder="A name in Kazakh, Russian or English",
                      icon=":material/search:")
    everything = entities(None, None, 100_000)
    counts = {code: sum(1 for e in everything if e.label == code) for code in ENTITY_LABELS}
    kind.selectbox("Type", [ANY, *ENTITY_LABELS], key="ent_label",
                   format_func=lambda v: "Any type" if v == ANY else f"{entity_label(v)} · {counts.get(v, 0)}")
    query = (st.session_state.get("ent_q") or "").strip()
    label = st.session_state.get("ent_label") or None
    urlstate.sync_to_url(PARAMS, {"ent_q": query, "ent_label": label or ANY})
    if not everything:
        st.info("No entities in the corpus yet. Ingest documents with `saual ingest PATH…`; the people, "
                "organisations and places they mention appear here.", icon=":material/inbox:")
        return
    limit = st.session_state.get("ent_limit", PAGE_SIZE)
    if st.session_state.get("_ent_limit_for") != (query, label):
        limit = st.session_state["ent_limit"] = PAGE_SIZE
        st.session_state["_ent_limit_for"] = (query, label)
    found = entities(label, query or None, limit + 1)
    if not found:
        st.warning(f"No entities match “{escape_markdown(query)}”." if query else "No entities of this type.",
                   icon=":material/person_search:")
        return
    more = len(found) > limit
    found = found[:limit]
    shown = f"{len(found)}+ entities" if more else f"{len(found)} entit{'ies' if len(found) != 1 else 'y'}"
    st.markdown(f'<div class="saual-count">{escape_text(shown)}, most documents first</div>',
                unsafe_allow_html=True)
    st.markdown(entities_table_html(found), unsafe_allow_html=True)
    if more:
        st.button("Show more entities", on_click=lambda: st.session_state.update(ent_limit=limit + PAGE_SIZE))


render()
