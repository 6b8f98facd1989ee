"""A stored document's clean text as escaped HTML: passages as anchors, page markers between pages.

The output has no newline at all (text newlines become `&#10;`, shown by `white-space: pre-wrap`),
so Streamlit's markdown sees one raw HTML block and never interprets the document's own text.
Figures and entity mentions inside passages are wrapped in <mark class="figure" title="…"> and
<mark class="entity entity-PER"> by offsets, after escaping; crossing marks are split so tags nest.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .highlight import escape_text, mark_open

__all__ = ["EntityMark", "FigureMark", "PassageSpan", "page_marker", "page_span", "render_document_text"]

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


@dataclass(frozen=True)
class FigureMark:
    """A span text[start:end] to mark as a figure, with its tooltip (plain text, escaped on output); a figure
    on a conflict card has the classes "figure conflict" and a link to the card (`conflicts?card=ID`)."""

    start: int
    end: int
    title: str = ""
    css_class: str = "figure"
    href: str | None = None


@dataclass(frozen=True)
class EntityMark:
    """A named-entity mention text[start:end] (label PER/ORG/LOC), with a tooltip and an optional link
    (a relative URL such as `entity?entity=KEY`); all plain text, escaped on output."""

    start: int
    end: int
    label: str = ""
    title: str = ""
    href: str | None = None


def _classes(names: str) -> str:
    """CSS class names made safe for an attribute: ASCII letters, digits, '-' and '_' only."""
    kept = ("".join(c for c in name if c.isascii() and (c.isalnum() or c in "-_")) for name in names.split())
    return " ".join(name for name in kept if name)


def _open_tag(mark: FigureMark | EntityMark) -> str:
    if isinstance(mark, FigureMark):
        tag = mark_open(_classes(mark.css_class), mark.title)
        link_class = "saual-conflict-link"
    else:
        label = "".join(c for c in mark.label if c.isascii() and c.isalnum())
        tag = mark_open(f"entity entity-{label}" if label else "entity", mark.title)
        link_class = "saual-entity-link"
    if mark.href:
        return f'<a class="{link_class}" href="{escape_text(mark.href)}" target="_self">{tag}'
    return tag


def _close_tag(mark: FigureMark | EntityMark) -> str:
    return "</mark></a>" if mark.href else "</mark>"


def _kept(marks: Iterable[Any]) -> list[Any]:
    """Marks of one kind without overlaps: of two overlapping marks the first (then longer) wins."""
    kept: list[Any] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.end > m.start and (not kept or m.start >= kept[-1].end):
            kept.append(m)
    return kept


class _Marker:
    """Escapes text[a:b] with figure and entity marks opened and closed inside it.

    Marks of one kind never overlap (the first wins). A figure and an entity may: the one that starts
    first (or is longer) is the outer element; when they cross, the inner one is closed at the outer
    one's end and reopened after it, so the HTML always nests. A mark cut by a page marker or a
    passage end is closed there and reopened after.
    """

    def __init__(self, text: str, figures: Iterable[FigureMark], entities: Iterable[EntityMark] = ()):
        self.text = text
        self.kinds = [k for k in (_kept(figures), _kept(entities)) if k]
        self.starts = [[m.start for m in kind] for kind in self.kinds]

    def _within(self, a: int, b: int) -> list[Any]:
        found = []
        for kind, starts in zip(self.kinds, self.starts):
            i = max(bisect.bisect_right(starts, a) - 1, 0)
            while i < len(kind) and kind[i].start < b:
                if kind[i].end > a:
                    found.append(kind[i])
                i += 1
        return found

    def __call__(self, a: int, b: int) -> str:
        if b <= a:
            return ""
        marks = self._within(a, b)
        if not marks:
            return escape_text(self.text[a:b])
        bounds = sorted({a, b, *(x for m in marks for x in (m.start, m.end) if a < x < b)})
        out: list[str] = []
        stack: list[Any] = []
        pos = a
        for p in bounds:
            out.append(escape_text(self.text[pos:p]))
            pos = p
            ending = [i for i, m in enumerate(stack) if m.end <= p or p == b]
            if ending:
                cut = stack[ending[0]:]
                out.extend(_close_tag(m) for m in reversed(cut))
                del stack[ending[0]:]
                for m in cut:
                    if m.end > p and p < b:  # crossed by an outer mark that ended: reopen inside
                        out.append(_open_tag(m))
                        stack.append(m)
            if p == b:
                break
            opening = [m for m in marks if m.start == p or (p == a and m.start < a)]
            for m in sorted(opening, key=lambda m: (-m.end, isinstance(m, EntityMark))):
                out.append(_open_tag(m))
                stack.append(m)
        return "".join(out)


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
                         highlight: int | None = None, figures: Iterable[FigureMark] = (),
                         entities: Iterable[EntityMark] = ()) -> str:
    """HTML for the document text; passage `highlight` gets the class `saual-hit`.

    `pages` are (number, start, end) spans; a marker goes before every page but the first, inside a
    passage when the page break falls within it. Text outside passages is shown too, escaped.
    `figures` inside passages are marked (<mark class="figure">, tooltip in `title`), `entities` too
    (<mark class="entity entity-PER">, inside a link when they have one).
    """
    inline_html: Callable[[int, int], str] = _Marker(text, figures, entities)
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
            pieces.append(inline_html(cur, offset) if inline else _gap(text[cur:offset]))
            pieces.append(_marker_html(number, inline))
            cur = offset
            i += 1
        state["marker"] = i
        pieces.append(inline_html(cur, b) if inline else _gap(text[cur:b]))
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
