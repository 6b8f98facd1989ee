"""The Search page's state as URL query parameters, so every search is a shareable permalink."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

# URL names of the search parameters; the Document page passes them through for its back link.
SEARCH_PARAMS = ("q", "lang", "kind", "year", "from", "to", "entity")


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None when missing or malformed."""
    try:
        return dt.date.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


def parse_int(value: str | None) -> int | None:
    """A non-negative integer or None when missing or malformed."""
    text = (value or "").strip()
    return int(text) if text.isdigit() else None


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

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> SearchState:
        """Read the state from query parameters, ignoring malformed values."""
        year = parse_int(params.get("year"))
        return cls(
            q=(params.get("q") or "").strip(),
            language=(params.get("lang") or "").strip() or None,
            kind=(params.get("kind") or "").strip() or None,
            year=year if year and 1000 <= year <= 9999 else None,
            date_from=parse_date(params.get("from")),
            date_to=parse_date(params.get("to")),
            entity=(params.get("entity") or "").strip() or None,
        )

    def to_params(self) -> dict[str, str]:
        """The non-empty parameters, in a stable order."""
        values = {
            "q": self.q, "lang": self.language or "", "kind": self.kind or "",
            "year": str(self.year) if self.year else "",
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "entity": self.entity or "",
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
    def filtered(self) -> bool:
        return any((self.language, self.kind, self.year, self.date_from, self.date_to, self.entity))
