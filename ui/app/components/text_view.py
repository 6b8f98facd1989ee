"""A stored document's clean text as escaped HTML: passages as anchors, page markers between pages.

The output has no newline at all (text newlines become `&#10;`, shown by `white-space: pre-wrap`),
so Streamlit's markdown sees one raw HTML block and never interprets the document's own text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .highlight import escape_text

__all__ = ["PassageSpan", "page_marker", "page_span", "render_document_text"]

_LANG_ATTR = {"kk": "kk", "ru": "ru"}


@dataclass(frozen=True)
class PassageSpan:
    """One stored passage: text[start:end] on `page`, anchored as `passage-<id>`."""

    id: int
    start: int
    end: int
    page: int | None = None
    language: str | None = None

    @classmethod
    def of(cls, row: Any) -> PassageSpan:
        """From corpus's (id, seq, page, start, end, language) tuple or an object with those fields."""
        if isinstance(row, Sequence):
            pid, _seq, page, start, end, language = row[:6]
        else:
            pid, page, start, end = row.id, row.page, row.start, row.end
            language = getattr(row, "language", None)
        return cls(id=int(pid), start=int(start), end=int(end), page=page, language=language)


def page_span(row: Any) -> tuple[int, int, int]:
    """(number, start, end) from a tuple or an object with those fields."""
    if isinstance(row, Sequence):
        number, start, end = row[:3]
    else:
        number, start, end = row.number, row.start, row.end
    return int(number), int(start), int(end)


def page_marker(number: int) -> str:
    """The visible marker put where page `number` begins."""
    return f"— page {number} —"


def _marker_html(number: int, inline: bool) -> str:
    tag = "span" if inline else "div"
    return f'<{tag} class="saual-page-marker" id="page-{number}">{escape_text(page_marker(number))}</{tag}>'


def render_document_text(text: str, pages: Iterable[Any], passages: Iterable[Any],
                         highlight: int | None = None) -> str:
    """HTML for the document text; passage `highlight` gets the class `saual-hit`.

    `pages` are (number, start, end) spans; a marker goes before every page but the first, inside a
    passage when the page break falls within it. Text outside passages is shown too, escaped.
    """
    spans = sorted(((n, s) for n, s, _e in map(page_span, pages)), key=lambda p: p[0])
    markers = sorted(((start, number) for number, start in spans[1:]), key=lambda m: (m[0], m[1]))
    out: list[str] = ['<div class="saual-doc">']
    state = {"marker": 0}

    def emit(a: int, b: int, inline: bool, include_end: bool) -> list[str]:
        pieces: list[str] = []
        cur = a
        i = state["marker"]
        while i < len(markers) and (markers[i][0] < b or (include_end and markers[i][0] <= b)):
            offset, number = markers[i]
            offset = max(offset, cur)
            pieces.append(escape_text(text[cur:offset]) if inline else _gap(text[cur:offset]))
            pieces.append(_marker_html(number, inline))
            cur = offset
            i += 1
        state["marker"] = i
        pieces.append(escape_text(text[cur:b]) if inline else _gap(text[cur:b]))
        return pieces

    pos = 0
    spans_of_passages = [p if isinstance(p, PassageSpan) else PassageSpan.of(p) for p in passages]
    for passage in sorted(spans_of_passages, key=lambda p: (p.start, p.end)):
        start, end = max(passage.start, pos), min(passage.end, len(text))
        if end <= start:
            continue
        out.extend(emit(pos, start, inline=False, include_end=True))
        classes = "saual-passage saual-hit" if passage.id == highlight else "saual-passage"
        lang = _LANG_ATTR.get(passage.language or "")
        lang_attr = f' lang="{lang}"' if lang else ""
        out.append(f'<p class="{classes}" id="passage-{passage.id}"{lang_attr}>')
        out.extend(emit(start, end, inline=True, include_end=False))
        out.append("</p>")
        pos = end
    out.extend(emit(pos, len(text), inline=False, include_end=True))
    out.extend(_marker_html(number, False) for _offset, number in markers[state["marker"]:])
    out.append("</div>")
    return "".join(piece for piece in out if piece)


def _gap(fragment: str) -> str:
    """Text between passages: dropped when it is only whitespace, else a plain escaped block."""
    if not fragment.strip():
        return ""
    return f'<div class="saual-gap">{escape_text(fragment.strip())}</div>'
