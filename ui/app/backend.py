"""The explorer's one way to the corpus: one cached engine per database URL, `read(name, …)` calling
`corpus.<name>(engine, …)` with a short cache, and database failures shown as a one-line st.error
instead of a traceback. Views never create or cache an engine of their own.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import streamlit as st

import corpus

T = TypeVar("T")
CACHE_SECONDS = 300  # reads are cached per corpus version, so reruns and other sessions do not query again
VERSION_SECONDS = 5  # how long a corpus version is trusted before it is asked again (one cheap query)


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


def database_kind(url: str | None = None) -> str:
    """'SQLite' or 'PostgreSQL' (or the URL's scheme): what the explorer may say about its database,
    never a host, a path or credentials."""
    url = database_url() if url is None else url
    scheme = (url or "sqlite:").split(":", 1)[0].split("+", 1)[0].lower()
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL", "postgres": "PostgreSQL"}.get(scheme, scheme or "SQLite")


def guarded(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a database call; on a database failure show one st.error line and stop this page run."""
    try:
        return call(*args, **kwargs)
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        st.error(f"Database unavailable ({database_kind()}): {one_line(exc)}", icon=":material/error:")
        st.stop()
        raise  # st.stop() raises; this line only satisfies type checkers


def engine() -> Any:
    """The engine for the configured database (created once per URL and process)."""
    return guarded(_engine, database_url())


@st.cache_data(ttl=VERSION_SECONDS, show_spinner=False, max_entries=16)
def _version(url: str | None) -> tuple:
    return corpus.corpus_version(_engine(url))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False, max_entries=256)
def _read(url: str | None, version: tuple, name: str, args: tuple, kwargs: tuple) -> Any:
    return getattr(corpus, name)(_engine(url), *args, **dict(kwargs))


def read(name: str, *args: Any, **kwargs: Any) -> Any:
    """`corpus.<name>(engine, *args, **kwargs)` on the configured database: the one way views read the
    corpus. Cached per corpus version (corpus.corpus_version, asked every few seconds) for some minutes, shared
    by every session; a database failure becomes one st.error line."""
    url = database_url()
    return guarded(_read, url, guarded(_version, url), name, args, tuple(sorted(kwargs.items())))


@st.cache_resource(ttl=CACHE_SECONDS, show_spinner=False, max_entries=16)
def _shared(url: str | None, version: tuple, name: str, args: tuple, kwargs: tuple) -> Any:
    return getattr(corpus, name)(_engine(url), *args, **dict(kwargs))


def read_shared(name: str, *args: Any, **kwargs: Any) -> Any:
    """As `read`, but every session gets the one cached object, not a copy: for large results that views only
    read (copying thousands of cards on every rerun costs seconds at 100k documents). Never modify it."""
    url = database_url()
    return guarded(_shared, url, guarded(_version, url), name, args, tuple(sorted(kwargs.items())))


def read_uncached(name: str, *args: Any, **kwargs: Any) -> Any:
    """`corpus.<name>(engine, …)` without the cache or Streamlit calls (for deferred downloads)."""
    return getattr(corpus, name)(_engine(database_url()), *args, **kwargs)


def search(query: str, *, language: str | None = None, kind: str | None = None,
           date_from: dt.date | None = None, date_to: dt.date | None = None, limit: int = 50,
           **filters: Any) -> list:
    """corpus.search on the configured database (cached for a few seconds)."""
    return read("search", query, language=language, kind=kind, date_from=date_from, date_to=date_to,
                limit=limit, **filters)


def search_uncached(query: str, **filters: Any) -> list:
    """corpus.search without the cache or Streamlit calls (for deferred downloads)."""
    return read_uncached("search", query, **filters)


def facets(query: str | None = None) -> dict[str, dict]:
    """corpus.facets: counts by language, kind and year, for a query or the whole corpus."""
    return read("facets", query or None)


def documents(*, language: str | None = None, kind: str | None = None, date_from: dt.date | None = None,
              date_to: dt.date | None = None, include_undated: bool = False, title: str | None = None,
              limit: int | None = None, offset: int = 0) -> list:
    """corpus.list_documents on the configured database (one page of it with `limit`)."""
    return read("list_documents", language=language, kind=kind, date_from=date_from, date_to=date_to,
                include_undated=include_undated, title=title, limit=limit, offset=offset)


def count_documents(*, language: str | None = None, kind: str | None = None, date_from: dt.date | None = None,
                    date_to: dt.date | None = None, include_undated: bool = False, title: str | None = None) -> int:
    """corpus.count_listed: how many documents `documents` lists under these filters."""
    return read("count_listed", language=language, kind=kind, date_from=date_from, date_to=date_to,
                include_undated=include_undated, title=title)


def document(document_id: int) -> Any:
    """corpus.get_document, or None when there is no such document."""
    return read("get_document", document_id)


def titles(ids: Iterable[int]) -> dict[int, str]:
    """corpus.display_titles of these documents: titles that tell same-titled documents apart."""
    return read("display_titles", tuple(sorted(set(ids))))


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
