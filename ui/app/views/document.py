"""Document page: one stored document, permalink ?doc=ID (and &p=PASSAGE_ID to highlight a passage).

Metadata, ingest warnings, the entities (linked to their Entity pages) and figures found, and the clean
text with page markers, figures and entity mentions highlighted; the text is always escaped.
"""

from __future__ import annotations

import os.path
from urllib.parse import urljoin

import streamlit as st

from corpus.entities import entity_key
from ui.app import backend, urlstate
from ui.app.components import escape_markdown, escape_text, render_document_text
from ui.app.components.conflicts_view import CSS as CONFLICT_CSS
from ui.app.components.conflicts_view import kind_label as conflict_kind
from ui.app.components.entities_view import CSS as ENTITY_CSS
from ui.app.components.entities_view import entity_href, entity_label, entity_link
from ui.app.components.figures_view import CSS as FIGURE_CSS
from ui.app.components.figures_view import (
    figure_title,
    format_value,
    indicator_label,
    source_kind_label,
    when,
)
from ui.app.components.labels import kind_label, language_label
from ui.app.components.metadata import Link, metadata_rows, metadata_table, plain, stamp_rows
from ui.app.components.params import SEARCH_PARAMS, Param
from ui.app.components.text_view import EntityMark, FigureMark, PassageSpan, page_span

DOC = Param("doc", "doc", "int", None)
PASSAGE = Param("p", "p", "int", None)


def permalink(document_id: int) -> str:
    """The document's absolute URL when the browser's is known (st.context.url), else the relative one."""
    relative = f"document?doc={int(document_id)}"
    try:
        base = st.context.url
    except Exception:  # noqa: BLE001 - no browser context (tests, bare mode): the relative link works too
        base = None
    return urljoin(base, relative) if base else relative


def back_link() -> None:
    """Back to Search with the query and filters the reader came with."""
    params = {k: st.query_params[k] for k in SEARCH_PARAMS if st.query_params.get(k)}
    label = f"Back to search results for “{params['q']}”" if params.get("q") else "Search the corpus"
    st.page_link("views/search.py", label=label, icon=":material/arrow_back:", query_params=params)


PICK_LIMIT = 200  # documents the picker offers: the newest, or those whose title has the words typed


def pick_document() -> None:
    """Without ?doc=, say what the page is for, link to Documents, and offer the newest documents or those whose
    title has the words typed (a page of them: the corpus may hold hundreds of thousands)."""
    st.caption("This page shows one document. Open one from the Documents list or a search result, or choose "
               "it here.")
    st.page_link("views/documents.py", label="Browse all documents", icon=":material/list:")
    words = st.text_input("Title contains", key="doc_pick_title", placeholder="words of the title or file name")
    docs = backend.documents(title=words.strip() or None, limit=PICK_LIMIT)
    if not docs:
        message = ("No document title has these words." if words.strip()
                   else "The corpus is empty. Add documents with `saual ingest PATH…`.")
        st.info(message, icon=":material/inbox:")
        return
    titles = backend.titles(d.id for d in docs)
    by_id = {d.id: d for d in docs}
    label = "Open a document" + (f" (the newest {PICK_LIMIT} shown)" if len(docs) == PICK_LIMIT else "")
    choice = st.selectbox(label, list(by_id), index=None, placeholder="Choose a document",
                          format_func=lambda i: f"{titles.get(i) or os.path.basename(by_id[i].path)} · "
                                                f"{language_label(by_id[i].language)}")
    if choice is not None:
        st.query_params["doc"] = str(choice)
        st.rerun()


def show_versions(doc) -> None:
    """A superseded document says so and links to the newest version of its file."""
    newer = getattr(doc, "superseded_by", None)
    if newer:
        st.warning("A newer version of this file is stored; this one is kept as history and is left out of "
                   "search, figures and conflicts.", icon=":material/history:")
        st.page_link("views/document.py", label="Open the newest version", icon=":material/update:",
                     query_params={"doc": str(int(newer))})


def show_metadata(doc) -> None:
    show_versions(doc)
    rows = [
        ("Kind", kind_label(doc.kind), False),
        ("Language", language_label(doc.language), False),
        ("Date", plain(doc.date), False),
        ("Pages", plain(doc.page_count), False),
        ("Format", plain(doc.format).upper(), False),
        ("OCR", "yes — text recognised from page images" if doc.ocr else "no — text layer", False),
        ("SHA-256", plain(doc.sha256), True),
        ("Source file", plain(doc.path), True),
        ("Permalink", Link(permalink(doc.id), f"document?doc={doc.id}"), True),
    ]
    metadata = dict(getattr(doc, "metadata", None) or {})
    st.markdown(metadata_table(rows + stamp_rows(metadata)), unsafe_allow_html=True)
    extracted = [(name, len(getattr(doc, name, None) or [])) for name in ("figures", "entities", "demands")]
    if any(n for _, n in extracted):
        st.caption(" · ".join(f"{n} {name}" for name, n in extracted))
    for warning in getattr(doc, "warnings", None) or []:
        st.warning(escape_markdown(str(warning)), icon=":material/warning:")
    other = metadata_rows(metadata)
    if other:
        with st.expander(f"Source metadata ({len(other)})"):
            st.markdown(metadata_table(other), unsafe_allow_html=True)


def figures_table(doc, conflicts: dict[tuple[int, int], list]) -> None:
    """The document's figures in reading order: value, what, indicator, place, year, source, page, conflict."""
    figures = list(getattr(doc, "figures", None) or [])
    if not figures:
        return
    with st.expander(f"Figures ({len(figures)})", expanded=True):
        st.dataframe(
            [{"figure": f.text, "value": format_value(f.value, f.value_max, f.qualifier, f.unit),
              "what": f.what or "", "indicator": indicator_label(f.indicator) if f.indicator else "",
              "place": f.place or "", "year": when(f), "source": f.source or "",
              "source kind": source_kind_label(f.source_kind), "page": f.page,
              "conflict": conflict_note(conflicts[(f.start, f.end)]) if (f.start, f.end) in conflicts else ""}
             for f in figures],
            hide_index=True, width="stretch")


def conflict_marks(doc) -> dict[tuple[int, int], list]:
    """The document's figures that are on a conflict card, by (start, end): their corpus.ConflictMarks."""
    found: dict[tuple[int, int], list] = {}
    for mark in backend.read("conflicts_of_document", doc.id):
        found.setdefault((mark.start, mark.end), []).append(mark)
    return found


def conflict_note(marks: list) -> str:
    """'in conflict: disagrees with #2 on the card “…” (2024)' for a figure's conflict marks."""
    parts = []
    for m in marks:
        against = ", ".join(f"#{j + 1}" for j in m.disagrees_with)
        parts.append(f"#{m.index + 1} on the conflict card “{m.label}” ({m.period})"
                     + (f", disagrees with {against}" if against else ""))
    return "in conflict: " + "; ".join(parts)


def figure_marks(doc, conflicts: dict[tuple[int, int], list], entities: list[EntityMark]) -> list[FigureMark]:
    """Figure highlights; those on a conflict card get the conflict class and link to the card (unless a
    linked entity overlaps them: links never nest)."""
    marks = []
    for f in getattr(doc, "figures", None) or []:
        on_cards = conflicts.get((f.start, f.end))
        if not on_cards:
            marks.append(FigureMark(f.start, f.end, figure_title(f)))
            continue
        linked = any(e.href and e.start < f.end and f.start < e.end for e in entities)
        marks.append(FigureMark(f.start, f.end, f"{figure_title(f)} · {conflict_note(on_cards)}", "figure conflict",
                                None if linked else f"conflicts?card={on_cards[0].card_id}"))
    return marks


def conflicts_list(conflicts: dict[tuple[int, int], list]) -> None:
    """The conflict cards this document's figures are on, each linking to its card."""
    cards = {m.card_id: m for marks in conflicts.values() for m in marks}
    if not cards:
        return
    noun = "card" if len(cards) == 1 else "cards"
    with st.expander(f"In conflict ({len(cards)} {noun})", expanded=True, icon=":material/compare_arrows:"):
        for card_id, m in cards.items():
            st.page_link("views/conflicts.py", label=f"{m.label} · {m.period} · {conflict_kind(m.kind)}",
                         icon=":material/compare_arrows:", query_params={"card": card_id},
                         help="Open the conflict card: every source's figure side by side")


def mention_key(e) -> str:
    """The Entity page key of a mention: its linked id, else LABEL:canonical."""
    return entity_key(e.id, e.label, e.canonical)


def entity_marks(doc) -> list[EntityMark]:
    marks = []
    for e in getattr(doc, "entities", None) or []:
        title = " · ".join(x for x in (e.name_en or e.canonical, entity_label(e.label)) if x)
        marks.append(EntityMark(e.start, e.end, e.label, title, entity_href(mention_key(e))))
    return marks


def entities_list(doc) -> None:
    """The document's entities, by type, each name linking to its Entity page with its mention count."""
    found = list(getattr(doc, "entities", None) or [])
    if not found:
        return
    by_key: dict[str, list] = {}
    for e in found:
        by_key.setdefault(mention_key(e), []).append(e)
    with st.expander(f"Entities ({len(by_key)})", expanded=True):
        for label in sorted({e.label for e in found}, key=lambda x: ("PER", "ORG", "LOC").index(x)
                            if x in ("PER", "ORG", "LOC") else 9):
            items = sorted(((k, g) for k, g in by_key.items() if g[0].label == label),
                           key=lambda kv: (-len(kv[1]), kv[1][0].name_en or kv[1][0].canonical))
            links = [f'{entity_link(k, g[0].name_en or g[0].canonical, label)} '
                     f'<span class="saual-place">×{len(g)}</span>' for k, g in items]
            st.markdown(f'<div class="saual-entity-list"><strong>{escape_text(entity_label(label))}</strong>: '
                        f'{" ".join(links)}</div>', unsafe_allow_html=True)


def scroll_to(passage_id: int) -> None:
    """Bring the highlighted passage into view once the browser has rendered it."""
    st.html(f"""<script>
(function () {{
  let tries = 0;
  const go = () => {{
    const el = document.getElementById("passage-{int(passage_id)}");
    if (el) {{ el.scrollIntoView({{block: "center"}}); }}
    else if (tries++ < 50) {{ setTimeout(go, 100); }}
  }};
  go();
}})();
</script>""", unsafe_allow_javascript=True)


def render() -> None:
    raw = st.query_params.get("doc")
    if raw is None:
        st.title("Document")
        back_link()
        pick_document()
        return
    doc_id = urlstate.read(DOC)
    doc = backend.document(doc_id) if doc_id is not None else None
    if doc is None:
        st.title("Document not found")
        st.warning(f"There is no document with id “{escape_markdown(raw)}” in this corpus. It may have been removed, "
                   "or the link is incomplete.", icon=":material/find_in_page:")
        back_link()
        st.page_link("views/documents.py", label="Browse all documents", icon=":material/list:")
        return
    st.html(FIGURE_CSS)
    st.html(ENTITY_CSS)
    st.html(CONFLICT_CSS)
    title = backend.titles([doc.id]).get(doc.id) or doc.title or os.path.basename(doc.path) or f"Document {doc.id}"
    st.markdown(f'<h1 class="saual-doc-title">{escape_text(title)}</h1>', unsafe_allow_html=True)
    back_link()
    passages = [PassageSpan.of(p) for p in doc.passages]
    wanted = urlstate.read(PASSAGE)
    hit = next((p for p in passages if p.id == wanted), None)
    conflicts = conflict_marks(doc)
    entities = entity_marks(doc)
    info, text = st.columns([1, 2], gap="large")
    with info:
        show_metadata(doc)
        st.download_button("Download text", data=doc.text.encode("utf-8"),
                           file_name=f"{os.path.splitext(os.path.basename(doc.path))[0] or doc.id}.txt",
                           mime="text/plain", icon=":material/download:", on_click="ignore")
        conflicts_list(conflicts)
        entities_list(doc)
        figures_table(doc, conflicts)
    with text:
        if wanted is not None and hit is None:
            st.caption(f"Passage {wanted} is not in this document; showing the whole text.")
        elif hit is not None:
            where = f"page {hit.page}" if hit.page else "the text"
            st.markdown(f'<div class="saual-meta">{escape_text(f"Highlighted passage on {where}")} · '
                        f'<a href="#passage-{hit.id}" target="_self">jump to it</a></div>',
                        unsafe_allow_html=True)
        st.markdown(render_document_text(doc.text, [page_span(p) for p in doc.pages], passages,
                                         highlight=hit.id if hit else None,
                                         figures=figure_marks(doc, conflicts, entities), entities=entities),
                    unsafe_allow_html=True)
    if hit is not None:
        scroll_to(hit.id)


render()
