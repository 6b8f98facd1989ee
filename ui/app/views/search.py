"""Search page: full-text search with facets (language, kind, year, entity); every search is a permalink
(?q=…&lang=…&kind=…&year=…&entity=…)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import corpus
from ui.app import backend, urlstate
from ui.app.components import escape_markdown, escape_text, hits_to_csv
from ui.app.components.entities_view import entity_label, entity_name
from ui.app.components.labels import kind_label, language_label
from ui.app.components.params import ANY, Param, SearchState, filter_options
from ui.app.components.results import document_header_html, group_hits, passage_html
from ui.app.filters import clamp_days
from ui.app.filters import undated_note as undated_checkbox

PAGE_SIZE = 50
CSV_LIMIT = 2000
ENTITY_FACETS = 30
EXAMPLES = ("Корея", "мигрант", "көші-қон", "Employment Permit System")
# The page's URL state, in URL order: widget key, URL name, type.
PARAMS = (
    Param("search_q", "q", "str", ""),
    Param("search_lang", "lang"),
    Param("search_kind", "kind"),
    Param("search_year", "year", "year"),
    Param("search_from", "from", "date", None),
    Param("search_to", "to", "date", None),
    Param("search_entity", "entity"),
    Param("search_undated", "undated", "bool", False),
)
FILTERS = tuple(p for p in PARAMS if p.key not in ("search_q", "search_undated"))


def set_query(text: str) -> None:
    st.session_state["search_q"] = text


def search(query: str, limit: int, filters: dict) -> list:
    """corpus.search with the page's filters (the entity filter included), cached for a few seconds."""
    return backend.read("search", query, limit=limit, **filters)


def entity_facets(query: str | None) -> dict[str, object]:
    """The top entities among documents matching the query, by key (most documents first)."""
    return {e.key: e for e in backend.read("entity_facets", query or None, limit=ENTITY_FACETS,
                                           window=corpus.ENTITY_WINDOW)}


def clear_filters() -> None:
    urlstate.clear(FILTERS)


def facet_scope(query: str) -> str:
    """What the sidebar counts: every matching document, or (a broad query, or entities before one) a window;
    entities are counted in a smaller window (corpus.ENTITY_WINDOW) than the other facets (corpus.FACET_WINDOW)."""
    window, entity_window = f"{corpus.FACET_WINDOW:,}", f"{corpus.ENTITY_WINDOW:,}"
    entities_cut = backend.read("facet_window", query or None, window=corpus.ENTITY_WINDOW)
    facets_cut = bool(query) and backend.read("facet_window", query, window=corpus.FACET_WINDOW)
    entities = f"entities are counted in the documents of the {entity_window} most recently added"
    if not query:
        return (f"Counts are all documents; {entities} passages." if entities_cut
                else "Counts are documents matching the query (all documents before you search).")
    if not facets_cut:
        return (f"Counts are documents matching the query; {entities} matching passages." if entities_cut
                else "Counts are documents matching the query (all documents before you search).")
    return (f"More than {window} passages match: counts are the documents of the {window} most recently "
            f"added matching passages{f', and {entities} ones' if entities_cut else ''}. "
            "Add words or filters for exact counts.")


def facet_widgets(counts: dict[str, dict], entities: dict[str, object], scope: str = "") -> None:
    """Sidebar filters: language, kind, year and entity with document counts; exact date bounds."""
    years = {int(y): n for y, n in counts.get("year", {}).items() if str(y).isdigit()}
    with st.sidebar:
        st.subheader("Filters")
        lang = counts.get("language", {})
        st.selectbox("Language", filter_options(lang, st.session_state.get("search_lang")),
                     key="search_lang",
                     format_func=lambda v: "Any language" if v == ANY
                     else f"{language_label(v)} · {lang.get(v, 0)}")
        kinds = counts.get("kind", {})
        st.selectbox("Kind", filter_options(kinds, st.session_state.get("search_kind")),
                     key="search_kind",
                     format_func=lambda v: "Any kind" if v == ANY else f"{kind_label(v)} · {kinds.get(v, 0)}")
        st.selectbox("Year", filter_options(years, st.session_state.get("search_year")),
                     key="search_year",
                     format_func=lambda v: "Any year" if v == ANY else f"{v} · {years.get(v, 0)}")
        documents = {key: e.documents for key, e in entities.items()}
        st.selectbox("Entity", filter_options(documents, st.session_state.get("search_entity")),
                     key="search_entity", help="Only documents that mention this person, organisation or place",
                     format_func=lambda v: "Any entity" if v == ANY else entity_option(v, entities.get(v)))
        low, high = date_bounds()
        st.date_input("From date", key="search_from", min_value=low, max_value=high, format="YYYY-MM-DD")
        st.date_input("To date", key="search_to", min_value=low, max_value=high, format="YYYY-MM-DD")
        st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:")
        st.caption(scope)


def date_bounds() -> tuple[dt.date, dt.date]:
    """The days the date filters can take: from 1991 to a year from today."""
    return dt.date(1991, 1, 1), dt.date.today() + dt.timedelta(days=366)


def entity_option(key: str, entity) -> str:
    """'South Korea (Place) · 3' for a facet entity; the key alone for one that is not among them."""
    if entity is None:
        return key
    return f"{entity_name(entity)} ({entity_label(entity.label)}) · {entity.documents}"


def current_state() -> SearchState:
    s = st.session_state
    return SearchState(q=(s.get("search_q") or "").strip(), language=s.get("search_lang") or None,
                       kind=s.get("search_kind") or None, year=s.get("search_year") or None,
                       date_from=s.get("search_from"), date_to=s.get("search_to"),
                       entity=s.get("search_entity") or None, undated=bool(s.get("search_undated")))


def empty_state(counts: dict[str, dict]) -> None:
    """What the page shows before a query: what is in the corpus and a few example searches."""
    total = sum(counts.get("language", {}).values())
    if not total:
        st.info("The corpus is empty. Add documents with `saual ingest PATH…` and reload this page.",
                icon=":material/inbox:")
        return
    st.markdown(f"Search **{total}** documents in Kazakh and Russian: deputy inquiries, replies, news. "
                "Words match with their endings (e.g. *мигрант* finds *мигранттар*, *мигрантов*); "
                "filter by language, kind and date in the sidebar. The URL of a search is its permalink.")
    st.caption("Try:")
    cols = st.columns(len(EXAMPLES))
    for col, example in zip(cols, EXAMPLES):
        col.button(example, key=f"example_{example}", on_click=set_query, args=(example,))


def find(state: SearchState, limit: int, *, cached: bool = True) -> tuple[list, int]:
    """The hits under the state's filters, and how many undated documents the date range leaves out
    (included, ranked with the rest, when the state says so)."""
    date_from, date_to = state.date_range()
    filters = {"language": state.language, "kind": state.kind, "date_from": date_from, "date_to": date_to,
               "entity": state.entity, "include_undated": state.undated}
    run = search if cached else (lambda q, n, f: backend.search_uncached(q, limit=n, **f))
    hits = run(state.q, limit, filters)
    if not state.dated:
        return hits, 0
    left_out = backend.read("undated_matches", state.q, language=state.language, kind=state.kind,
                            entity=state.entity)
    return hits, left_out


def results(state: SearchState) -> None:
    limit = st.session_state.get("search_limit", PAGE_SIZE)
    hits, left_out = find(state, limit)
    undated_checkbox("search_undated", dated=state.dated, included=state.undated, left_out=left_out,
                     what="with matches left out by the date filter")
    if not hits:
        hint = " Try removing filters." if state.filtered else " Try another word or a shorter stem."
        st.warning(f"No results for “{escape_markdown(state.q)}”.{hint}", icon=":material/search_off:")
        return
    documents = len({h.document_id for h in hits})
    more = len(hits) >= limit
    count = f"{len(hits)}+ passages" if more else f"{len(hits)} passage{'s' if len(hits) != 1 else ''}"
    head, button = st.columns([3, 1], vertical_alignment="center")
    summary = f"{count} in {documents} document{'s' if documents != 1 else ''}"
    head.markdown(f'<div class="saual-count">{escape_text(summary)}</div>', unsafe_allow_html=True)

    def csv_data() -> bytes:
        return hits_to_csv(find(state, CSV_LIMIT, cached=False)[0]).encode("utf-8")

    safe_name = "".join(c if c.isalnum() else "-" for c in state.q)[:40].strip("-") or "search"
    button.download_button("Download CSV", data=csv_data, file_name=f"saual-{safe_name}.csv",
                           mime="text/csv", icon=":material/download:", on_click="ignore",
                           help=f"All hits (up to {CSV_LIMIT}) with document, page, offsets and snippet")
    back = state.to_params()
    for first, group in group_hits(hits):
        with st.container(border=True):
            st.markdown(document_header_html(first, len(group)), unsafe_allow_html=True)
            for hit in group:
                text, link = st.columns([5, 1], vertical_alignment="center")
                text.markdown(passage_html(hit), unsafe_allow_html=True)
                link.page_link("views/document.py", label="Open passage", icon=":material/article:",
                               help="Open the document at this passage",
                               query_params={"doc": str(hit.document_id), "p": str(hit.passage_id), **back})
    if more:
        st.button("Show more results", on_click=lambda: st.session_state.update(search_limit=limit + PAGE_SIZE))


def render() -> None:
    st.title("Search")
    urlstate.sync_from_url(PARAMS)
    clamp_days(("search_from", "search_to"), *date_bounds())
    if st.session_state.get("_search_limit_for") != st.session_state.get("search_q"):
        st.session_state["search_limit"] = PAGE_SIZE
        st.session_state["_search_limit_for"] = st.session_state.get("search_q")
    st.text_input("Search the corpus", key="search_q", placeholder="A word or phrase in Kazakh or Russian",
                  label_visibility="collapsed", icon=":material/search:")
    state = current_state()
    counts = backend.read("facets", state.q or None, window=corpus.FACET_WINDOW)
    facet_widgets(counts, entity_facets(state.q), facet_scope(state.q))
    state = current_state()
    urlstate.sync_to_url(PARAMS, {**urlstate.values(PARAMS), "search_undated": state.undated and state.dated})
    if not state.q:
        if state.entity:
            st.caption("Type words to search only the documents that mention the chosen entity, or open its "
                       "page for every mention.")
            st.page_link("views/entity.py", label="Open the entity's page", icon=":material/person:",
                         query_params={"entity": state.entity})
        empty_state(counts)
        return
    results(state)


render()
