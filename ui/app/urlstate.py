"""The one way pages keep state in the URL: widgets bound to st.query_params through `Param`s.

A page declares its parameters (ui.app.components.params.Param), calls `sync_from_url` before drawing
its widgets (so a permalink, or a URL changed under the page, sets them) and `sync_to_url` after (so
every choice is in the URL, written only when it changed to keep browser history clean).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import streamlit as st

from .components.params import Param, to_params


def _seen(param: Param) -> str:
    return f"_url_{param.key}"


def sync_from_url(params: Iterable[Param]) -> None:
    """Give each widget the URL's value on first load, and again whenever the URL changed under us."""
    for param in params:
        raw = st.query_params.get(param.name)
        if param.key not in st.session_state or st.session_state.get(_seen(param)) != raw:
            st.session_state[param.key] = param.parse(raw)
            st.session_state[_seen(param)] = raw


def sync_to_url(params: Iterable[Param], values: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Write the widgets' values (or `values`, by widget key) into the URL; returns the parameters."""
    params = list(params)
    query = to_params(params, st.session_state if values is None else values)
    if dict(st.query_params.to_dict()) != query:
        st.query_params.from_dict(query)
    for param in params:
        st.session_state[_seen(param)] = query.get(param.name)
    return query


def read(param: Param) -> Any:
    """One parameter's value straight from the URL (for pages that show, not edit, it)."""
    return param.parse(st.query_params.get(param.name))


def values(params: Iterable[Param]) -> dict[str, Any]:
    """The bound widgets' current values, by widget key."""
    return {param.key: st.session_state.get(param.key, param.empty) for param in params}


def clear(params: Iterable[Param]) -> None:
    """Reset the bound widgets to "any" (a widget callback, so it runs before they are drawn)."""
    for param in params:
        st.session_state[param.key] = param.empty
