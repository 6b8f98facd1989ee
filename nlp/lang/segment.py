"""Segment a Document once: paragraphs with their language, sentences, clauses and word tokens.

`analyze()` builds one Segmentation and hands it to every extractor, so no extractor re-splits the
text or re-decides a paragraph's language. Sentences, clauses and tokens are computed on first use
and then shared. Offsets of a Segment's sentences/clauses/tokens are relative to the segment's text
(`seg.text`); add `seg.start` for document offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ingest import Document

from .script import has_kazakh_letters
from .sentences import clauses, sentences
from .tokens import word_spans

LANGS = ("kk", "ru")


@dataclass
class Sentence:
    """One sentence of a text (offsets into `text`); its clauses are split on first use."""

    start: int
    end: int
    text: str = field(repr=False, compare=False)

    @cached_property
    def clauses(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of the sentence's clauses."""
        return tuple(clauses(self.text, self.start, self.end))


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text (clauses computed lazily)."""
    return [Sentence(s, e, text) for s, e in sentences(text)]


@dataclass
class Segment:
    """One paragraph of the document: its text, place and language.

    `lang`: kk or ru as declared for the paragraph, else the document's first language, else None
    (then a caller tries both). `script_lang`: the same, but never None (by Kazakh letters).
    """

    start: int
    end: int
    text: str
    page: int | None
    declared: str
    lang: str | None
    script_lang: str

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of the segment with their clauses."""
        return split_sentences(self.text)

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        """(start, end) of every word of the segment."""
        return word_spans(self.text)


@dataclass
class Segmentation:
    """The segments of one Document, built once by `segment(doc)`."""

    doc: Document
    segments: list[Segment] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        """The document's year, if dated (present-tense figures take it)."""
        return self.doc.date.year if self.doc.date else None


def paragraph_lang(declared: str, doc_language: str) -> str | None:
    """kk or ru: the paragraph's declared language, else the document's first, else None."""
    if declared in LANGS:
        return declared
    first = (doc_language or "").split("+")[0]
    return first if first in LANGS else None


def segment(doc: Document) -> Segmentation:
    """Every paragraph of doc (the whole text when it has none) as a Segment."""
    spans = [(p.start, p.end, p.page, p.language) for p in doc.paragraphs] or \
        [(0, len(doc.text), doc.page_at(0), doc.language)]
    out = []
    for start, end, page, declared in spans:
        text = doc.text[start:end]
        lang = paragraph_lang(declared, doc.language)
        script_lang = lang or ("kk" if has_kazakh_letters(text) else "ru")
        out.append(Segment(start, end, text, page, declared, lang, script_lang))
    return Segmentation(doc, out)
