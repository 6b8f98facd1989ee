"""Words with their offsets: the one definition of a word token for every extractor."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A word: letters or digits, inner hyphens kept (`іс-шара`, `Алматы-1`); `_` is not a letter.
WORD_RE = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*")


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The word matches of text[start:end], offsets into text."""
    return WORD_RE.finditer(text, start, len(text) if end is None else end)


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every word of text[start:end]."""
    return [m.span() for m in words(text, start, end)]
