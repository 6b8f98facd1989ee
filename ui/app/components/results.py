"""Search hits as the Search page shows them: grouped by document, each piece of text escaped."""

from __future__ import annotations

import os.path
from typing import Any

from .highlight import escape_text, render_snippet
from .labels import document_title, kind_label, language_label


def group_hits(hits: list[Any]) -> list[tuple[Any, list[Any]]]:
    """(first hit, all hits) per document, documents in the order of their best-ranked hit."""
    groups: dict[Any, list[Any]] = {}
    for hit in hits:
        groups.setdefault(hit.document_id, []).append(hit)
    return [(group[0], group) for group in groups.values()]


def document_header_html(hit: Any, passages: int) -> str:
    """Title and one line of details (kind, language, date, file, passage count) for a document's hits."""
    details = [kind_label(hit.kind), language_label(hit.doc_language)]
    if hit.date:
        details.append(hit.date.isoformat() if hasattr(hit.date, "isoformat") else str(hit.date))
    details.append(os.path.basename(hit.path or ""))
    details.append(f"{passages} matching passage{'s' if passages != 1 else ''}")
    return ('<div class="saual-result">'
            f'<div class="saual-result-title">{escape_text(document_title(hit))}</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(d for d in details if d))}</div></div>')


def passage_html(hit: Any) -> str:
    """One hit's place (page, language when it differs from the document's) and highlighted snippet."""
    where = [f"page {hit.page}" if hit.page else ""]
    if hit.language and hit.language != hit.doc_language:
        where.append(language_label(hit.language))
    place = " · ".join(w for w in where if w)
    place_html = f'<span class="saual-place">{escape_text(place)}</span> ' if place else ""
    return f'<div class="saual-snippet">{place_html}{render_snippet(hit.snippet or "")}</div>'
