"""Text hygiene shared by storage and search: control characters out, ё folded for the index only."""

from __future__ import annotations

import re
from typing import Any

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

# C0 controls except tab, newline and carriage return (NUL cannot be stored in PostgreSQL text, and
# \x02/\x03 are our highlight markers). Each becomes a space so every stored offset stays valid.
_CONTROLS = {c: " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0x7F: " "}
_FOLD = str.maketrans({"ё": "е", "Ё": "Е"})
_WORD = re.compile(r"[^\W_]+")

MAX_QUERY_TOKENS = 16
MAX_TOKEN_LENGTH = 64


def clean(text: str) -> str:
    """The text with control characters (highlight markers included) replaced by spaces; same length."""
    return text.translate(_CONTROLS)


def clean_value(value: Any) -> Any:
    """JSON-ready copy of metadata: strings cleaned, containers walked, anything else made a string."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(str(k)): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [clean_value(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return clean(str(value))


def fold(text: str) -> str:
    """ё→е (and Ё→Е), the one folding the search index applies on top of case folding; same length."""
    return text.translate(_FOLD)


def query_tokens(query: str) -> list[str]:
    """The words of a user query, lowercased and folded: letters and digits only, so no syntax survives."""
    tokens: list[str] = []
    for match in _WORD.finditer(fold(clean(query or "")).lower()):
        token = match.group()[:MAX_TOKEN_LENGTH]
        if token not in tokens:
            tokens.append(token)
        if len(tokens) == MAX_QUERY_TOKENS:
            break
    return tokens


def split_highlights(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, highlighted) pieces, for renderers that escape text themselves."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", snippet)):
        if part:
            pieces.append((part, i % 2 == 1))
    return pieces
