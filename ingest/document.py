"""The Document: one file as clean text with pages, paragraphs and metadata.

Every offset is a Python str offset into `Document.text`, so later stages can always quote.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageSpan:
    """Page `number` (1-based) covers text[start:end]."""

    number: int
    start: int
    end: int


@dataclass
class Paragraph:
    """A paragraph text[start:end], on the page where it starts, in one language (kk, ru or other)."""

    start: int
    end: int
    page: int
    language: str = "other"


@dataclass
class Block:
    """One paragraph as a reader found it: text pieces, each with the page it lies on.

    A paragraph that runs over a page break has two pieces; readers of pageless formats use page 1.
    """

    pieces: list[tuple[int, str]]

    @classmethod
    def of(cls, text: str, page: int = 1) -> Block:
        return cls([(page, text)])

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.pieces)


@dataclass
class Extracted:
    """What a format reader returns before language, kind and date are decided."""

    blocks: list[Block]
    page_count: int | None = None
    title: str | None = None
    date: dt.date | None = None
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """A file read into clean text; the one object that flows through nlp and corpus."""

    path: str
    sha256: str
    format: str
    text: str
    pages: list[PageSpan] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    page_count: int | None = None
    title: str | None = None
    date: dt.date | None = None
    kind: str = "other"
    language: str = "other"
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    def page_at(self, offset: int) -> int | None:
        """The page number holding character `offset`, or None for a document without pages."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding character `offset`, if any."""
        starts = [p.start for p in self.paragraphs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.paragraphs[i].start <= offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None


PARAGRAPH_SEP = "\n\n"


def assemble(blocks: list[Block], page_count: int | None) -> tuple[str, list[PageSpan], list[Paragraph]]:
    """Join blocks into text (paragraphs separated by a blank line) with page and paragraph spans."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    page_bounds: dict[int, list[int]] = {}
    pos = 0
    for block in blocks:
        pieces = [(page, text.strip()) for page, text in block.pieces if text and text.strip()]
        if not pieces:
            continue
        if parts:
            parts.append(PARAGRAPH_SEP)
            pos += len(PARAGRAPH_SEP)
        start = pos
        for i, (page, text) in enumerate(pieces):
            if i:
                parts.append(" ")
                pos += 1
            bounds = page_bounds.setdefault(page, [pos, pos])
            parts.append(text)
            pos += len(text)
            bounds[1] = pos
        paragraphs.append(Paragraph(start=start, end=pos, page=pieces[0][0]))
    text = "".join(parts)
    numbers = range(1, (page_count or max(page_bounds, default=1)) + 1)
    pages: list[PageSpan] = []
    last_end = 0
    for n in numbers:
        if n in page_bounds:
            s, e = page_bounds[n]
            pages.append(PageSpan(n, s, e))
            last_end = e
        else:
            pages.append(PageSpan(n, last_end, last_end))
    return text, pages, paragraphs
