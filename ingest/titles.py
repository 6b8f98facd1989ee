"""A title for documents that state none: heading and addressee, a headline, or the first sentence.

Inquiries carry no title, so the explorer shows `Депутаттық сауал — Премьер-Министрі О.А. Бектеновке`
(heading + addressee block) or the heading and the first sentence; news shows its headline.
Headings and left-out phrases are data files in ingest/resources.
"""

from __future__ import annotations

import re
from functools import cache

from .dates import find_date_mention, find_dates, phrase_end
from .document import Document
from .resources import load_rows
from .script import UPPER

MAX_CHARS = 100          # a derived title is shortened to about this many characters
HEAD_CHARS = 600         # headings are looked for this far into the text
HEADLINE_CHARS = 150     # a paragraph this short without a final full stop reads as a headline
ADDRESSEE_CHARS = 120    # a longer text before the heading is not an addressee block
METADATA_WORDS = 6       # a leading paragraph with a date and at most this many words is metadata
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(rf"[.!?…]+(?=\s+[«\"“(]?[A-Z{UPPER}0-9])")


@cache
def headings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(label, pattern) for headings that name a document's kind (resources/title_headings.tsv)."""
    return tuple((label, re.compile(rx, re.IGNORECASE)) for label, rx in load_rows("title_headings.tsv"))


@cache
def _dropped() -> re.Pattern[str]:
    phrases = [row[0] for row in load_rows("title_drop.txt")]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)", re.IGNORECASE)


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """Whitespace collapsed; cut at a word boundary near `limit` with an ellipsis."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit
    return text[:cut].rstrip(" ,;:–—-") + "…"


def first_sentence(text: str) -> str:
    """Text up to the first sentence end that is not an initial or short abbreviation (О.А., тыс.)."""
    for match in _SENTENCE_END.finditer(text):
        word = text[:match.start()].rsplit(None, 1)[-1] if text[:match.start()].strip() else ""
        if match.group(0) == "." and len(word.strip("«»\"()")) <= 3:
            continue
        return text[:match.end()]
    return text


def _is_headline(text: str) -> bool:
    """Short, one sentence, and not ended by a full stop: a headline or a heading."""
    return (len(text) <= HEADLINE_CHARS and first_sentence(text) == text
            and not text.rstrip().endswith((".", ",", ";", ":")))


def _is_metadata(text: str) -> bool:
    """A leading line that holds a date and little else (` date 2025-10-09 ...`, `09.10.2025 14:30`)."""
    return bool(find_dates(text)) and len(text.split()) <= METADATA_WORDS


def _body_line(texts: list[str]) -> str | None:
    """The first headline, or the first sentence, among paragraphs (metadata and salutations skipped)."""
    for text in texts:
        if _is_metadata(text) or text.endswith("!") and len(text) <= HEADLINE_CHARS:
            continue
        return shorten(text if _is_headline(text) else first_sentence(text))
    return None


def _addressee(doc: Document, head_start: int) -> str | None:
    """The block between the stated date (if any) and the heading, without the country name."""
    start = 0
    mention = find_date_mention(doc)
    if mention is not None and mention.end <= head_start:
        start = min(phrase_end(doc.text, mention), head_start)
    block = doc.text[start:head_start]
    block = _dropped().sub(" ", block)
    block = _SPACE.sub(" ", block).lstrip(" .,;:–—-").rstrip(" ,;:–—-")
    if not any(c.isalpha() for c in block) or len(block) > ADDRESSEE_CHARS:
        return None
    return block


def derive_title(doc: Document) -> str | None:
    """A short title for the explorer, or None for a document without text."""
    head = doc.text[:HEAD_CHARS]
    for label, pattern in headings():
        match = pattern.search(head)
        if match is None:
            continue
        addressee = _addressee(doc, match.start())
        if addressee:
            return shorten(f"{label} — {addressee}", MAX_CHARS + len(label) + 3)
        rest = _body_line(_split_after(doc, match.end()))
        return shorten(f"{label} — {rest}", MAX_CHARS + len(label) + 3) if rest else label
    return _body_line(_split_after(doc, 0))


def _split_after(doc: Document, offset: int) -> list[str]:
    """Paragraph texts from `offset` on (the paragraph holding `offset` is cut there)."""
    texts = []
    for para in doc.paragraphs:
        if para.end <= offset:
            continue
        text = _SPACE.sub(" ", doc.text[max(para.start, offset):para.end]).lstrip(" .,;:–—-").rstrip()
        if text:
            texts.append(text)
    if not doc.paragraphs:
        texts = [t for t in (_SPACE.sub(" ", s).strip() for s in doc.text[offset:].split("\n\n")) if t]
    return texts
