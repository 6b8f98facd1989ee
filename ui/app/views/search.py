"""Search page: full-text search with facets (language, kind, year, entity); every search is a permalink
(?q=…&lang=…&kind=…&year=…&entity=…)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import corpus
from ui.app import backend
from ui.app.components import escape_markdown, escape_text, hits_to_csv
from ui.app.components.entities_view import entity_label, entity_name
from ui.app.components.labels import kind_label, language_label
from ui.app.components.params import SearchState, parse_date, parse_int
from ui.app.components.results import document_header_html, group_hits, passage_html

PAGE_SIZE = 50
CSV_LIMIT = 2000
ENTITY_FACETS = 30
ANY = ""  # the "any value" option of the facet selectboxes
EXAMPLES = ("Корея", "мигрант", "көші-қон", "Employment Permit System")
# Widget key → (URL parameter, parser from the URL string).
BOUND = {
    "search_q": ("q", lambda v: (v or "").strip()),
    "search_lang": ("lang", lambda v: v or ANY),
    "search_kind": ("kind", lambda v: v or ANY),
    "search_year": ("year", lambda v: parse_int(v) or ANY),
    "search_from": ("from", parse_date),
    "search_to": ("to", parse_date),
    "search_entity": ("entity", lambda v: (v or "").strip() or ANY),
}


def sync_from_url() -> None:
    """Give each widget the URL's value on first load, and again whenever the URL changed under us."""
    for key, (param, parse) in BOUND.items():
        url_value = st.query_params.get(param)
        seen_key = f"_url_{key}"
        if key not in st.session_state or st.session_state.get(seen_key) != url_value:
            st.session_state[key] = parse(url_value)
            st.session_state[seen_key] = url_value


def sync_to_url(state: SearchState) -> None:
    """Write the current search into the URL (only when it changed, so history stays clean)."""
    params = state.to_params()
    if dict(st.query_params.to_dict()) != params:
        st.query_params.from_dict(params)
    for key, (param, _parse) in BOUND.items():
        st.session_state[f"_url_{key}"] = params.get(param)


def set_query(text: str) -> None:
    st.session_state["search_q"] = text


@st.cache_data(ttl=backend.CACHE_SECONDS, show_spinner=False)
def _search(url: str | None, query: str, filters: tuple, limit: int) -> list:
    return corpus.search(backend._engine(url), query, limit=limit, **dict(filters))


@st.cache_data(ttl=backend.CACHE_SECONDS, show_spinner=False)
def _entity_facets(url: str | None, query: str | None) -> list:
    return corpus.entity_facets(backend._engine(url), query, limit=ENTITY_FACETS)


def search(query: str, limit: int, filters: dict) -> list:
    """corpus.search with the page's filters (the entity filter included), cached for a few seconds."""
    return backend.guarded(_search, backend.database_url(), query, tuple(sorted(filters.items())), limit)


def entity_facets(query: str | None) -> dict[str, object]:
    """The top entities among documents matching the query, by key (most documents first)."""
    return {e.key: e for e in backend.guarded(_entity_facets, backend.database_url(), query or None)}


def clear_filters() -> None:
    for key in ("search_lang", "search_kind", "search_year", "search_entity"):
        st.session_state[key] = ANY
    for key in ("search_from", "search_to"):
        st.session_state[key] = None


def options_with_counts(counts: dict, current) -> list:
    """Facet values, most frequent first; a value from the URL is kept even with no hits."""
    values = sorted((v for v in counts if v not in (None, ANY)), key=lambda v: (-counts[v], str(v)))
    if current not in (None, ANY) and current not in values:
        values.append(current)
    return [ANY, *values]


def facet_widgets(counts: dict[str, dict], entities: dict[str, object]) -> None:
    """Sidebar filters: language, kind, year and entity with document counts; exact date bounds."""
    years = {int(y): n for y, n in counts.get("year", {}).items() if str(y).isdigit()}
    with st.sidebar:
        st.subheader("Filters")
        lang = counts.get("language", {})
        st.selectbox("Language", options_with_counts(lang, st.session_state.get("search_lang")),
                     key="search_lang",
                     format_func=lambda v: "Any language" if v == ANY
                     else f"{language_label(v)} · {lang.get(v, 0)}")
        kinds = counts.get("kind", {})
        st.selectbox("Kind", options_with_counts(kinds, st.session_state.get("search_kind")),
                     key="search_kind",
                     format_func=lambda v: "Any kind" if v == ANY else f"{kind_label(v)} · {kinds.get(v, 0)}")
        st.selectbox("Year", options_with_counts(years, st.session_state.get("search_year")),
                     key="search_year",
                     format_func=lambda v: "Any year" if v == ANY else f"{v} · {years.get(v, 0)}")
        documents = {key: e.documents for key, e in entities.items()}
        st.selectbox("Entity", options_with_counts(documents, st.session_state.get("search_entity")),
                     key="search_entity", help="Only documents that mention this person, organisation or place",
                     format_func=lambda v: "Any entity" if v == ANY else entity_option(v, entities.get(v)))
        low, high = dt.date(1991, 1, 1), dt.date.today() + dt.timedelta(days=366)
        st.date_input("From date", key="search_from", min_value=low, max_value=high, format="YYYY-MM-DD")
        st.date_input("To date", key="search_to", min_value=low, max_value=high, format="YYYY-MM-DD")
        st.button("Clear filters", on_click=clear_filters, icon=":material/filter_alt_off:")
        st.caption("Counts are documents matching the query (all documents before you search).")


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
                       entity=s.get("search_entity") or None)


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


def results(state: SearchState) -> None:
    date_from, date_to = state.date_range()
    filters = {"language": state.language, "kind": state.kind, "date_from": date_from, "date_to": date_to,
               "entity": state.entity}
    limit = st.session_state.get("search_limit", PAGE_SIZE)
    hits = search(state.q, limit, filters)
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
        rows = backend.search_uncached(state.q, limit=CSV_LIMIT, **filters)
        return hits_to_csv(rows).encode("utf-8")

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
    sync_from_url()
    if st.session_state.get("_search_limit_for") != st.session_state.get("search_q"):
        st.session_state["search_limit"] = PAGE_SIZE
        st.session_state["_search_limit_for"] = st.session_state.get("search_q")
    st.text_input("Search the corpus", key="search_q", placeholder="A word or phrase in Kazakh or Russian",
                  label_visibility="collapsed", icon=":material/search:")
    state = current_state()
    counts = backend.facets(state.q or None)
    facet_widgets(counts, entity_facets(state.q))
    state = current_state()
    sync_to_url(state)
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
