"""The explorer's access to the corpus: one cached engine per database URL, cached reads, and
database failures shown as a one-line st.error instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

import corpus

from .components.labels import safe_url

T = TypeVar("T")
CACHE_SECONDS = 30  # reads are cached briefly so reruns (widget clicks) do not hit the database again


def database_url() -> str | None:
    """SAUAL_DATABASE_URL when set, else None (corpus falls back to SQLite data/saual.db)."""
    return os.environ.get("SAUAL_DATABASE_URL") or None


@st.cache_resource(show_spinner=False)
def _engine(url: str | None) -> Any:
    return corpus.get_engine(url)


def one_line(exc: BaseException) -> str:
    """The first non-empty line of an error message, prefixed by its type when the message is empty."""
    for line in str(exc).splitlines():
        if line.strip():
            return line.strip()
    return type(exc).__name__


def _is_database_error(exc: BaseException) -> bool:
    """Errors raised by the database driver or SQLAlchemy that corpus did not wrap."""
    module = type(exc).__module__ or ""
    return isinstance(exc, (corpus.CorpusError, OSError)) or module.split(".")[0] in {
        "sqlalchemy", "psycopg", "psycopg2", "sqlite3"}


def guarded(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a database call; on a database failure show one st.error line and stop this page run."""
    try:
        return call(*args, **kwargs)
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        where = safe_url(database_url()) or "the default SQLite database (data/saual.db)"
        st.error(f"Database unavailable ({where}): {one_line(exc)}", icon=":material/error:")
        st.stop()
        raise  # st.stop() raises; this line only satisfies type checkers


def engine() -> Any:
    """The engine for the configured database (created once per URL and process)."""
    return guarded(_engine, database_url())


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _search(url: str | None, query: str, language: str | None, kind: str | None,
            date_from: dt.date | None, date_to: dt.date | None, limit: int) -> list:
    return corpus.search(_engine(url), query, language=language, kind=kind,
                         date_from=date_from, date_to=date_to, limit=limit)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _facets(url: str | None, query: str | None) -> dict:
    return corpus.facets(_engine(url), query)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _documents(url: str | None, language: str | None, kind: str | None,
               date_from: dt.date | None, date_to: dt.date | None) -> list:
    return corpus.list_documents(_engine(url), language=language, kind=kind,
                                 date_from=date_from, date_to=date_to)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False, max_entries=64)
def _document(url: str | None, document_id: int) -> Any:
    return corpus.get_document(_engine(url), document_id)


def search(query: str, *, language: str | None = None, kind: str | None = None,
           date_from: dt.date | None = None, date_to: dt.date | None = None, limit: int = 50) -> list:
    """corpus.search on the configured database (cached for a few seconds)."""
    return guarded(_search, database_url(), query, language, kind, date_from, date_to, limit)


def search_uncached(query: str, **filters: Any) -> list:
    """corpus.search without the cache or Streamlit calls (for deferred downloads)."""
    return corpus.search(_engine(database_url()), query, **filters)


def facets(query: str | None = None) -> dict[str, dict]:
    """corpus.facets: counts by language, kind and year, for a query or the whole corpus."""
    return guarded(_facets, database_url(), query or None)


def documents(*, language: str | None = None, kind: str | None = None,
              date_from: dt.date | None = None, date_to: dt.date | None = None) -> list:
    """corpus.list_documents on the configured database."""
    return guarded(_documents, database_url(), language, kind, date_from, date_to)


def document(document_id: int) -> Any:
    """corpus.get_document, or None when there is no such document."""
    return guarded(_document, database_url(), document_id)


CSS = """
<style>
.saual-result {margin: 0 0 .25rem 0;}
.saual-result-title {font-weight: 600; font-size: 1.05rem;}
.saual-meta {color: rgba(100,100,110,.95); font-size: .85rem; margin: .1rem 0 .35rem 0;}
.saual-snippet {line-height: 1.55;}
.saual-place {color: rgba(100,100,110,.95); font-size: .8rem; margin-right: .35rem;}
.saual-snippet mark, .saual-doc mark {background: #ffe58a; color: inherit; padding: 0 .1em; border-radius: 2px;}
.saual-doc {white-space: pre-wrap; line-height: 1.6; max-width: 52rem;}
.saual-doc .saual-passage {margin: 0 0 .9rem 0; padding: .1rem .4rem; border-left: 3px solid transparent;
  scroll-margin-top: 5rem;}
.saual-doc .saual-hit {background: #fff6cc; border-left-color: #e0a800;}
.saual-doc .saual-gap {color: rgba(100,100,110,.95); margin: 0 0 .9rem 0;}
.saual-page-marker {display: block; text-align: center; color: rgba(120,120,130,.9); font-size: .85rem;
  margin: 1.2rem 0; letter-spacing: .05em;}
span.saual-page-marker {display: inline; margin: 0 .4rem;}
.saual-meta-table td {padding: .15rem .8rem .15rem 0; vertical-align: top;}
.saual-meta-table td:first-child {color: rgba(100,100,110,.95); white-space: nowrap;}
.saual-mono {font-family: ui-monospace, monospace; font-size: .85rem; word-break: break-all;}
</style>
"""


def inject_css() -> None:
    """The explorer's few styles (result cards, document text, page markers)."""
    st.html(CSS)
