"""Entities page: the people, organisations and places the corpus mentions, in both languages, with a
type filter and a name search (both in the URL: ?label=PER&q=…); each links to its Entity page.
"""

from __future__ import annotations

import streamlit as st

import corpus
from ui.app import backend
from ui.app.components.entities_view import CSS, ENTITY_LABELS, entities_table_html, entity_label
from ui.app.components.highlight import escape_markdown, escape_text

PAGE_SIZE = 200
ANY = ""
BOUND = {"ent_q": "q", "ent_label": "label"}



@st.cache_data(ttl=backend.CACHE_SECONDS, show_spinner=False)
def _entities(url: str | None, label: str | None, query: str | None, limit: int) -> list:
    return corpus.list_entities(backend._engine(url), label=label, query=query, limit=limit)


def entities(label: str | None, query: str | None, limit: int) -> list:
    return backend.guarded(_entities, backend.database_url(), label, query, limit)


def sync_from_url() -> None:
    """Give each widget the URL's value on first load, and again whenever the URL changed under us."""
    for key, param in BOUND.items():
        url_value = st.query_params.get(param)
        seen_key = f"_url_{key}"
        if key not in st.session_state or st.session_state.get(seen_key) != url_value:
            value = (url_value or "").strip()
            if key == "ent_label" and value not in ENTITY_LABELS:
                value = ANY
            st.session_state[key] = value
            st.session_state[seen_key] = url_value


def sync_to_url(params: dict[str, str]) -> None:
    if dict(st.query_params.to_dict()) != params:
        st.query_params.from_dict(params)
    for key, param in BOUND.items():
        st.session_state[f"_url_{key}"] = params.get(param)


def render() -> None:
    st.html(CSS)
    st.title("Entities")
    sync_from_url()
    search, kind = st.columns([3, 1])
    search.text_input("Name", key="ent_q", placeholder="A name in Kazakh, Russian or English",
                      icon=":material/search:")
    everything = entities(None, None, 100_000)
    counts = {code: sum(1 for e in everything if e.label == code) for code in ENTITY_LABELS}
    kind.selectbox("Type", [ANY, *ENTITY_LABELS], key="ent_label",
                   format_func=lambda v: "Any type" if v == ANY else f"{entity_label(v)} · {counts.get(v, 0)}")
    query = (st.session_state.get("ent_q") or "").strip()
    label = st.session_state.get("ent_label") or None
    sync_to_url({k: v for k, v in (("q", query), ("label", label or "")) if v})
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
