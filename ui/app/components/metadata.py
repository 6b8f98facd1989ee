"""A document's metadata as an escaped HTML table (values come from the documents, so never markup)."""

from __future__ import annotations

import json
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Link:
    """A metadata value shown as a link (text and href are escaped on output)."""

    text: str
    href: str

    def html(self) -> str:
        return f'<a href="{escape_text(self.href)}" target="_self">{escape_text(self.text)}</a>'


def metadata_table(rows: list[tuple[str, str | Link, bool]]) -> str:
    """Rows of (name, value, monospace?) as a two-column table, every cell escaped; a Link is a link."""
    cells = []
    for name, value, mono in rows:
        cls = f' class="{MONO}"' if mono else ""
        shown = value.html() if isinstance(value, Link) else escape_text(value)
        cells.append(f"<tr><td>{escape_text(name)}</td><td{cls}>{shown}</td></tr>")
    return f'<table class="saual-meta-table">{"".join(cells)}</table>'


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def _pages(pages: Any) -> str:
    if isinstance(pages, (list, tuple)) and pages:
        return ("page " if len(pages) == 1 else "pages ") + ", ".join(str(p) for p in pages)
    return ""


def stamp_rows(metadata: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """E-document registration stamps kept out of the body: 'text — pages 2, 3' per stamp."""
    rows = []
    for stamp in metadata.get("stamps") or []:
        if isinstance(stamp, dict):
            text = str(stamp.get("text") or plain(stamp))
            where = _pages(stamp.get("pages"))
            rows.append(("Stamp", f"{text} — {where}" if where else text, False))
        else:
            rows.append(("Stamp", plain(stamp), False))
    return rows


def metadata_rows(metadata: dict[str, Any], limit: int = 12) -> list[tuple[str, str, bool]]:
    """Everything else from the source's metadata, one level of nesting flattened ('Pdf author')."""
    rows: list[tuple[str, str, bool]] = []
    for key, value in sorted(metadata.items()):
        if key == "stamps":
            continue
        if isinstance(value, dict):
            rows.extend((f"{_label(key)} {_label(k).lower()}", plain(v), False) for k, v in sorted(value.items()))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            shown = []
            for item in value[:limit]:
                text = item.get("text")
                page = item.get("page")
                shown.append(f"page {page}: “{text}”" if page is not None and text is not None else plain(item))
            more = f" (+{len(value) - limit} more)" if len(value) > limit else ""
            rows.append((f"{_label(key)} ({len(value)})", "; ".join(shown) + more, False))
        else:
            rows.append((_label(key), plain(value), False))
    return rows
