"""Entity page (?entity=KEY): one person, organisation or place, its names in Kazakh and Russian, the
inquiries a deputy signed (date, addressee, link to the Inquiry page), the documents that mention it with
every mention quoted and linked to its passage, the figures and demands that mention it, and a CSV of
the mentions.
"""

from __future__ import annotations

import streamlit as st

from ui.app import backend, urlstate
from ui.app.components.entities_view import (
    CSS,
    demand_html,
    document_heading_html,
    entity_label,
    entity_name,
    mention_html,
    names_by_language,
)
from ui.app.components.export import mentions_to_csv
from ui.app.components.figures_view import CSS as FIGURE_CSS
from ui.app.components.figures_view import figure_row_html
from ui.app.components.highlight import escape_markdown, escape_text
from ui.app.components.labels import language_label
from ui.app.components.params import Param
from ui.app.links import passage_link

MENTION_PAGE = 100
ENTITY = Param("entity", "entity", "str", "")


def header(entity) -> None:
    st.markdown(f'<h1 class="saual-entity-title">{escape_text(entity_name(entity))}</h1>', unsafe_allow_html=True)
    details = [entity_label(entity.label), entity.id or "not linked to the gazetteer",
               f"{entity.documents} document{'s' if entity.documents != 1 else ''}",
               f"{entity.mentions} mention{'s' if entity.mentions != 1 else ''}"]
    st.markdown(f'<div class="saual-meta">{escape_text(" · ".join(details))}</div>', unsafe_allow_html=True)
    rows = "".join(f"<tr><td>{escape_text(language_label(lang))}</td><td>{escape_text(', '.join(forms))}</td></tr>"
                   for lang, forms in names_by_language(entity.names))
    if entity.name_en:
        rows = f"<tr><td>English</td><td>{escape_text(entity.name_en)}</td></tr>" + rows
    st.markdown(f'<table class="saual-names">{rows}</table>', unsafe_allow_html=True)


def mentions(entity) -> None:
    limit = st.session_state.get("entity_limit", MENTION_PAGE)
    shown = entity.mention_list[:limit]
    groups: dict[int, list] = {}
    for m in entity.mention_list:
        groups.setdefault(m.document_id, []).append(m)
    st.subheader(f"Documents ({entity.documents})")
    done: set[int] = set()
    for m in shown:
        if m.document_id in done:
            continue
        done.add(m.document_id)
        with st.container(border=True):
            st.markdown(document_heading_html(m, len(groups[m.document_id])), unsafe_allow_html=True)
            for mention in (x for x in shown if x.document_id == m.document_id):
                text, link = st.columns([5, 1], vertical_alignment="center")
                text.markdown(mention_html(mention), unsafe_allow_html=True)
                with link:
                    passage_link(mention.document_id, mention.passage_id, "Open passage")
    if len(entity.mention_list) > limit:
        st.button(f"Show more mentions ({len(entity.mention_list) - limit} left)",
                  on_click=lambda: st.session_state.update(entity_limit=limit + MENTION_PAGE))


def linked_rows(heading: str, items: list, html, link) -> None:
    """A subheading and one bordered row per item: its HTML, and `link(item)` drawn beside it."""
    if not items:
        return
    st.subheader(f"{heading} ({len(items)})")
    for item in items:
        with st.container(border=True):
            text, cell = st.columns([5, 1], vertical_alignment="center")
            text.markdown(html(item), unsafe_allow_html=True)
            with cell:
                link(item)


def to_passage(label: str):
    """A link to the item's passage on its Document page."""
    return lambda item: passage_link(item.document_id, item.passage_id, label)


def signed_html(inq) -> str:
    """An inquiry the person signed: its title, date, addressee, the signature as written and the faction."""
    details = [inq.date.isoformat() if inq.date else "undated",
               "to " + ", ".join(inq.addressees) if inq.addressees else "addressee not found",
               f"signed “{inq.signature}”" + (f" · {inq.faction}" if inq.faction else "")]
    return (f"<b>{escape_text(inq.title or f'Document {inq.document_id}')}</b>"
            f'<div class="saual-meta">{escape_text(" · ".join(details))}</div>')


def signed(entity) -> None:
    """The inquiries the person signed, newest first, each linked to its Inquiry page."""
    if entity.label != "PER":
        return
    linked_rows("Inquiries signed", backend.read("signed_inquiries", entity.key), signed_html,
                lambda inq: st.page_link("views/inquiry.py", label="Open inquiry", icon=":material/gavel:",
                                         query_params={"doc": str(inq.document_id)}))


def render() -> None:
    st.html(CSS)
    st.html(FIGURE_CSS)
    key = urlstate.read(ENTITY)
    st.page_link("views/entities.py", label="All entities", icon=":material/arrow_back:")
    if not key:
        st.title("Entity")
        st.info("Choose an entity on the Entities page, or open a name on a document: this page shows one "
                "person, organisation or place at a time.", icon=":material/person:")
        return
    entity = backend.read("get_entity", key)
    if entity is None:
        st.title("Entity")
        st.warning(f"No entity “{escape_markdown(key)}” in this corpus.", icon=":material/person_off:")
        return
    if st.session_state.get("_entity_limit_for") != key:
        st.session_state["entity_limit"] = MENTION_PAGE
        st.session_state["_entity_limit_for"] = key
    header(entity)
    st.download_button("Download mentions (CSV)", data=mentions_to_csv(entity.key, entity.mention_list).encode(),
                       file_name="saual-entity-mentions.csv", mime="text/csv", icon=":material/download:",
                       on_click="ignore", help="Every mention with document, passage, offsets and quote")
    st.page_link("views/search.py", label="Search the documents that mention it", icon=":material/search:",
                 query_params={"entity": entity.key})
    signed(entity)
    mentions(entity)
    linked_rows("Figures in the same passages", entity.figures, figure_row_html, to_passage("Open figure"))
    linked_rows("Demands that mention it", entity.demands, demand_html, to_passage("Open demand"))


render()
