"""`Span`: a stretch of a text (offsets and the text itself), the base of the items extractors find."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """text[start:end] of the text it was found in."""

    start: int
    end: int
    text: str
