"""Page layout to paragraphs: lines from glyphs, running headers/footers, stamps, hyphens.

Works on plain `Glyph` values (no PDF library types), so every rule is testable on its own and
any text-layer source (pdfminer, OCR boxes) can feed it. Coordinates: points, `top` from the
page's top edge.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter

from .document import Block
from .hyphens import join_lines, vocabulary
from .lookalike import normalise_lookalikes
from .stamps import Stamp, add_stamp, cut_stamps

# A line is in the header/footer band when it lies in this share of the page height at the top or bottom.
BAND = 0.12
# How close (points) the same running line must sit on different pages.
SAME_PLACE = 6.0


@dataclass(slots=True)
class Box:
    """Printed text and its box: x0/x1 from the left edge, top/bottom from the page top, font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class Glyph(Box):
    """One character as printed, with its direction.

    `direction` is 0 for ordinary left-to-right text, else the text's angle in degrees
    (90: reading bottom to top, as in margin stamps; 270: top to bottom; 180: upside down).
    """

    direction: int = 0


@dataclass
class Line(Box):
    """One printed line of body text on one page."""

    page: int


@dataclass
class Page:
    """One page's glyphs and size, as a reader hands them to `paragraphs`."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)


@dataclass
class Layout:
    """The result of `analyse`: paragraphs plus what was taken out of the body."""

    blocks: list[Block]
    stamps: list[Stamp]
    furniture: list[tuple[int, str]]  # (page, text) of removed headers, footers and page numbers
    margin_notes: list[tuple[int, str]]  # rotated text that is not a stamp


# --- lines ----------------------------------------------------------------------------------


def build_lines(page_number: int, glyphs: Iterable[Glyph]) -> list[Line]:
    """Horizontal glyphs grouped into lines (by vertical overlap), left to right, spaces normalised."""
    rows: list[list[Glyph]] = []
    top = bottom = 0.0  # of the last row
    for g in sorted(glyphs, key=attrgetter("top", "x0")):
        if rows and top <= (g.top + g.bottom) / 2 <= bottom:
            rows[-1].append(g)
            top, bottom = min(top, g.top), max(bottom, g.bottom)
        else:
            rows.append([g])
            top, bottom = g.top, g.bottom
    lines = []
    for row in rows:
        row.sort(key=attrgetter("x0"))
        for segment in _segments(row):
            text = _join_row(segment)
            if not text.strip():
                continue
            inked = [g for g in segment if g.text.strip()]
            lines.append(Line(page=page_number, text=text.strip(), x0=inked[0].x0, x1=inked[-1].x1,
                              top=min(g.top for g in inked), bottom=max(g.bottom for g in inked),
                              size=statistics.median(g.size for g in inked)))
    return lines


# Inked glyphs further apart than this many font sizes on one row belong to separate columns.
COLUMN_GAP = 3.0


def _segments(row: list[Glyph]) -> list[list[Glyph]]:
    """A row split into columns at gaps wider than COLUMN_GAP font sizes and 3× its usual word gap.

    The second condition keeps a justified line with stretched word gaps in one piece.
    """
    inked = [g for g in row if g.text.strip()]
    gaps = [(b.x0 - a.x1, a, b) for a, b in pairwise(inked)]
    word_gaps = [gap for gap, a, b in gaps if gap > 0.15 * max(a.size, b.size)]
    if not word_gaps:
        return [row]
    usual = statistics.median(word_gaps)
    cuts = {id(b) for gap, a, b in gaps if gap > max(COLUMN_GAP * max(a.size, b.size), 3 * usual)}
    if not cuts:
        return [row]
    out: list[list[Glyph]] = [[]]
    for g in row:
        if id(g) in cuts:
            out.append([])
        out[-1].append(g)
    return out


def _join_row(row: list[Glyph]) -> str:
    """Glyph texts of one row, with a space where a gap is wider than a quarter of the font size."""
    out: list[str] = []
    prev: Glyph | None = None
    for g in row:
        if prev is not None and g.x0 - prev.x1 > 0.25 * min(g.size, prev.size) and out and out[-1] != " ":
            out.append(" ")
        out.append(" " if g.text.isspace() else g.text)
        prev = g
    return re.sub(r" {2,}", " ", "".join(out))


def rotated_lines(glyphs: Iterable[Glyph]) -> list[str]:
    """Text of rotated glyphs (margin stamps and notes), one string per printed column or row."""
    groups: dict[tuple[int, int], list[Glyph]] = defaultdict(list)
    for g in glyphs:
        if g.direction in (90, 270):
            key = round((g.x0 + g.x1) / 2 / 4)
        else:
            key = round((g.top + g.bottom) / 2 / 4)
        groups[(g.direction, key)].append(g)
    out = []
    for (direction, _), gs in sorted(groups.items()):
        order = {90: lambda g: -g.bottom, 270: lambda g: g.top, 180: lambda g: -g.x1}.get(direction, lambda g: g.x0)
        text = re.sub(r"\s+", " ", "".join(g.text for g in sorted(gs, key=order))).strip()
        if text:
            out.append(text)
    return out


# --- headers, footers, page numbers ---------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—]*(?:(?:стр|с|бет|page|p)\.?\s*)?(\d{1,4})(?:\s*(?:бет|стр\.?))?"
    r"(?:\s*(?:/|из|of|-)\s*\d{1,4})?[\s\-–—]*$", re.IGNORECASE)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def find_furniture(pages: list[list[Line]], heights: dict[int, float]) -> set[int]:
    """ids of lines that are running headers/footers or page numbers.

    A header/footer sits in the top or bottom band of its page and recurs (digits ignored) at the
    same height on enough pages; a page-number line sits in a band and its number follows the
    page numbers with one constant offset.
    """
    n = len(pages)
    needed = max(2, math.ceil(0.6 * n))
    candidates: list[tuple[Line, str]] = []
    for lines in pages:
        if not lines:
            continue
        h = heights[lines[0].page]
        for ln in lines:
            if ln.bottom <= h * BAND or ln.top >= h * (1 - BAND):
                candidates.append((ln, "top" if ln.bottom <= h * BAND else "bottom"))
    out: set[int] = set()
    by_key: dict[tuple[str, str], list[Line]] = defaultdict(list)
    for ln, band in candidates:
        by_key[(band, _furniture_key(ln.text))].append(ln)
    for (band, _), lines in by_key.items():
        groups = _same_place(lines)
        for group in groups:
            if len({ln.page for ln in group}) >= needed:
                out.update(id(ln) for ln in group)
    offsets: Counter[int] = Counter()
    numbered: list[tuple[Line, int]] = []
    for ln, _ in candidates:
        m = _PAGE_NUMBER.match(ln.text)
        if m:
            numbered.append((ln, int(m.group(1)) - ln.page))
            offsets[int(m.group(1)) - ln.page] += 1
    for ln, offset in numbered:
        if offset == 0 or offsets[offset] >= 2:
            out.add(id(ln))
    return out


def _same_place(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        if groups and abs(groups[-1][-1].top - ln.top) <= SAME_PLACE:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


# --- paragraphs -----------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)](?!\d)|[a-zа-яәіңғүұқөһ][)]|[•▪●◦·*■►✓]|[-–—](?=\s))")
_DASH_ITEM = re.compile(r"^[-–—•▪●◦·*■►✓]")
_SENTENCE_END = re.compile(r"[.!?:;…»\")]$")


@dataclass
class _Metrics:
    left: float
    right: float
    pitch: float  # line advance as a multiple of font size


def _metrics(lines: list[Line]) -> _Metrics:
    lefts = Counter(round(ln.x0) for ln in lines)
    rights = Counter(round(ln.x1) for ln in lines)
    left = min(x for x, c in lefts.items() if c >= max(lefts.values()) * 0.5)
    right = max(x for x, c in rights.items() if c >= max(rights.values()) * 0.5)
    ratios = []
    for a, b in pairwise(lines):
        if a.page == b.page and b.top > a.top:
            r = (b.top - a.top) / max(a.size, b.size)
            if 0.8 < r < 3:
                ratios.append(r)
    pitch = statistics.median(ratios) if ratios else 1.2
    return _Metrics(float(left), float(right), pitch)


def starts_paragraph(prev: Line, cur: Line, m: _Metrics, same_page: bool, first: Line | None = None) -> bool:
    """Does `cur` open a new paragraph after `prev`? Gaps, indents, list markers, short lines.

    `first` is the first line of the paragraph `prev` belongs to: a dash item after a dash item
    is a new item even when the previous line runs to the right margin.
    """
    size = max(prev.size, cur.size)
    if same_page and cur.top - prev.top > m.pitch * size * 1.4:
        return True
    text = cur.text
    prev_ends = bool(_SENTENCE_END.search(prev.text))
    prev_short = prev.x1 < m.right - max(2 * prev.size, 0.08 * (m.right - m.left))
    if _LIST_ITEM.match(text):
        if not _DASH_ITEM.match(text) or prev_ends or prev_short or cur.x0 > m.left + 0.5 * size:
            return True
        if first is not None and first.text[:1] == text[:1]:
            return True
    if cur.x0 > prev.x0 + 0.8 * cur.size and cur.x0 > m.left + 0.8 * cur.size:
        return True
    if prev_short and (prev_ends or text[:1].isupper() or text[:1].isdigit()):
        return True
    off_margin = 2 * size
    if prev.x0 > m.left + off_margin and cur.x0 > m.left + off_margin and not text[:1].islower():
        return True  # centred or right-aligned lines (addressee, signatures) stand alone
    return abs(prev.size - cur.size) > 0.1 * size  # a change of font size


def build_blocks(lines: list[Line], known: Callable[[str], bool]) -> list[Block]:
    """Body lines (all pages, reading order) into paragraphs; a paragraph may span a page break."""
    if not lines:
        return []
    m = _metrics(lines)
    words, compounds = vocabulary(ln.text for ln in lines)

    def is_known(word: str) -> bool:
        return word.lower() in words or known(word)

    blocks: list[Block] = []
    pieces: list[tuple[int, str]] = []
    prev: Line | None = None
    first: Line | None = None
    for ln in lines:
        if prev is not None and starts_paragraph(prev, ln, m, same_page=prev.page == ln.page, first=first):
            blocks.append(Block(pieces))
            pieces = []
        if not pieces:
            first = ln
        if pieces and pieces[-1][0] == ln.page:
            pieces[-1] = (ln.page, join_lines(pieces[-1][1], ln.text, is_known, compounds))
        elif pieces:
            joined = join_lines(pieces[-1][1], "\x00" + ln.text, is_known, compounds)
            left, _, right = joined.partition("\x00")
            pieces[-1] = (pieces[-1][0], left.rstrip())
            pieces.append((ln.page, right))
        else:
            pieces.append((ln.page, ln.text))
        prev = ln
    if pieces:
        blocks.append(Block(pieces))
    return blocks


# --- the whole analysis ---------------------------------------------------------------------


def analyse(pages: list[Page], known: Callable[[str], bool]) -> Layout:
    """Pages of glyphs → paragraphs without running headers, page numbers and stamps."""
    stamps: dict[str, Stamp] = {}
    notes: list[tuple[int, str]] = []
    page_lines: list[list[Line]] = []
    for page in pages:
        main = _main_direction(page.glyphs)
        upright = [g for g in page.glyphs if g.direction == main]
        others = [g for g in page.glyphs if g.direction != main]
        for text in rotated_lines(others):
            rest, found = cut_stamps(text)
            for m in found:
                add_stamp(stamps, m, page.number)
            if rest and not rest.isspace():
                notes.append((page.number, rest))
        lines = []
        for ln in build_lines(page.number, upright):
            rest, found = cut_stamps(ln.text)
            for m in found:
                add_stamp(stamps, m, page.number)
            if found:
                if not rest:
                    continue
                ln.text = rest
            lines.append(ln)
        page_lines.append(lines)
    heights = {p.number: p.height for p in pages}
    furniture_ids = find_furniture(page_lines, heights)
    furniture = [(ln.page, ln.text) for lines in page_lines for ln in lines if id(ln) in furniture_ids]
    body = [ln for lines in page_lines for ln in lines if id(ln) not in furniture_ids]
    for ln in body:
        ln.text = normalise_lookalikes(ln.text)
    blocks = build_blocks(body, known)
    return Layout(blocks, list(stamps.values()), furniture, notes)


def _main_direction(glyphs: list[Glyph]) -> int:
    counts = Counter(g.direction for g in glyphs if not g.text.isspace())
    return counts.most_common(1)[0][0] if counts else 0
