"""A document's metadata as an escaped HTML table (values come from the documents, so never markup)."""

from __future__ import annotations

import json
from typing import Any

from .highlight import escape_text

MONO = "saual-mono"


def plain(value: Any) -> str:
    """A stored value as display text: lists joined with '; ', dates ISO, empty as '—'."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, (list, tuple)):
        return "; ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def metadata_table(rows: list[tuple[str, str, bool]]) -> str:
    """Rows of (name, value, monospace?) as a two-column table, every cell escaped."""
    cells = []
    for name, value, mono in rows:
        cls = f' class="{MONO}"' if mono else ""
        cells.append(f"<tr><td>{escape_text(name)}</td><td{cls}>{escape_text(value)}</td></tr>")
    return f'<table class="saual-meta-table">{"".join(cells)}</table>'
