"""URL state: typed query parameters (str, int, date, list, year range) and the Search page's state.

Every page keeps its filters in the URL so that every view is a shareable permalink. A page declares
its parameters once as `Param`s (widget key, URL name, type); `ui.app.urlstate` binds them to
st.query_params and widgets. Parsing and formatting live here, free of Streamlit, so they are tested
directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

# URL names of the search parameters; the Document page passes them through for its back link.
SEARCH_PARAMS = ("q", "lang", "kind", "year", "from", "to", "entity", "undated")
ANY = ""  # the "any value" option of filter selectboxes
Kind = Literal["str", "int", "year", "date", "list", "years", "bool"]
YEAR_MIN, YEAR_MAX = 1000, 9999


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None when missing or malformed."""
    try:
        return dt.date.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


def parse_int(value: str | None) -> int | None:
    """A non-negative integer that fits a database integer (64 bits), or None when missing or malformed."""
    text = (value or "").strip()
    return int(text) if text.isdigit() and text.isascii() and int(text) < 2**63 else None


def parse_year(value: str | None) -> int | None:
    """A four-digit year or None."""
    year = parse_int(value)
    return year if year and YEAR_MIN <= year <= YEAR_MAX else None


def parse_years(value: str | None) -> tuple[int, int] | None:
    """'2019' → (2019, 2019); '2019-2021' (either order) → (2019, 2021); None when malformed."""
    low, _, high = (value or "").strip().partition("-")
    first, last = parse_year(low), parse_year(high) if high else parse_year(low)
    if first is None or last is None:
        return None
    return (min(first, last), max(first, last))


def format_years(years: tuple[int, int] | None) -> str:
    """The URL form of a year range: '2019' for one year, '2019-2021' for several, '' for none."""
    if not years:
        return ""
    return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"


def parse_list(value: str | None) -> list[str]:
    """A comma-separated list, blanks and repeats dropped."""
    items: list[str] = []
    for item in (value or "").split(","):
        if item.strip() and item.strip() not in items:
            items.append(item.strip())
    return items


@dataclass(frozen=True)
class Param:
    """One URL parameter bound to one widget: `key` in st.session_state, `name` in the URL.

    `empty` is the widget's value for "not in the URL" (ANY for selectboxes, None for dates); with
    `choices`, a value outside them counts as missing.
    """

    key: str
    name: str
    kind: Kind = "str"
    empty: Any = ANY
    choices: tuple = ()

    def parse(self, raw: str | None) -> Any:
        """The widget value for the URL string `raw` (malformed values count as missing)."""
        if self.kind == "list":
            return parse_list(raw)
        if self.kind == "bool":
            return (raw or "").strip().lower() in ("1", "true", "yes")
        value = {"str": lambda v: (v or "").strip() or None, "int": parse_int, "year": parse_year,
                 "date": parse_date, "years": parse_years}[self.kind](raw)
        if value is None or (self.choices and value not in self.choices):
            return self.empty
        return value

    def format(self, value: Any) -> str:
        """The URL string for a widget value; '' leaves the parameter out."""
        if value is None or value == ANY or value == [] or value is False:
            return ""
        if self.kind == "list":
            return ",".join(str(v) for v in value)
        if self.kind == "bool":
            return "1"
        if self.kind == "date":
            return value.isoformat()
        if self.kind == "years":
            return format_years(value)
        return str(value).strip()


def to_params(params: Iterable[Param], values: Mapping[str, Any]) -> dict[str, str]:
    """URL parameters (by URL name) for widget values (by widget key), empty ones left out."""
    out = {p.name: p.format(values.get(p.key, p.empty)) for p in params}
    return {name: text for name, text in out.items() if text}


def passage_query(document_id: int, passage_id: int | None = None) -> dict[str, str]:
    """The Document page's URL parameters for a document, at a passage when one is known."""
    params = {"doc": str(document_id)}
    if passage_id is not None:
        params["p"] = str(passage_id)
    return params


def from_params(params: Iterable[Param], query: Mapping[str, str]) -> dict[str, Any]:
    """Widget values (by widget key) from URL parameters (by URL name)."""
    return {p.key: p.parse(query.get(p.name)) for p in params}


def filter_options(counts: Mapping[Any, int], current: Any = None) -> list:
    """A filter's options: ANY, then the values most frequent first; a value from the URL is kept even
    when nothing has it, so a permalink never loses a filter."""
    values = sorted((v for v in counts if v not in (None, ANY)), key=lambda v: (-counts[v], str(v)))
    if current not in (None, ANY) and current not in values:
        values.append(current)
    return [ANY, *values]


@dataclass(frozen=True)
class SearchState:
    """Query text and filters; empty string / None means "any"."""

    q: str = ""
    language: str | None = None
    kind: str | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    entity: str | None = None  # an entity key (corpus.entities): documents that mention it
    undated: bool = False  # keep undated documents when a date range applies

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> SearchState:
        """Read the state from query parameters, ignoring malformed values."""
        return cls(
            q=(params.get("q") or "").strip(),
            language=(params.get("lang") or "").strip() or None,
            kind=(params.get("kind") or "").strip() or None,
            year=parse_year(params.get("year")),
            date_from=parse_date(params.get("from")),
            date_to=parse_date(params.get("to")),
            entity=(params.get("entity") or "").strip() or None,
            undated=(params.get("undated") or "").strip() in ("1", "true", "yes"),
        )

    def to_params(self) -> dict[str, str]:
        """The non-empty parameters, in a stable order."""
        values = {
            "q": self.q, "lang": self.language or "", "kind": self.kind or "",
            "year": str(self.year) if self.year else "",
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "entity": self.entity or "",
            "undated": "1" if self.undated and self.dated else "",
        }
        return {k: v for k, v in values.items() if v}

    def with_(self, **changes) -> SearchState:
        return replace(self, **changes)

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The effective (from, to) bounds: the chosen year narrowed by explicit dates."""
        start, end = self.date_from, self.date_to
        if self.year:
            y_start, y_end = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
            start = max(start, y_start) if start else y_start
            end = min(end, y_end) if end else y_end
        return start, end

    @property
    def dated(self) -> bool:
        """Whether a date bound applies (so undated documents would be left out)."""
        return any(self.date_range())

    @property
    def filtered(self) -> bool:
        return any((self.language, self.kind, self.year, self.date_from, self.date_to, self.entity))
