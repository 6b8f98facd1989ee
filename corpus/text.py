"""Text hygiene shared by storage and search (control characters out, ё folded for the index only),
and a query's words and their stems (Russian: Snowball; Kazakh: resources/query_endings_kk.tsv)."""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer

from nlp import NlpError
from nlp.lang import KK_LOWER, LOWER, agrees, table

from .errors import CorpusError

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

# C0 controls except tab, newline and carriage return (NUL cannot be stored in PostgreSQL text, and
# \x02/\x03 are our highlight markers). Each becomes a space so every stored offset stays valid.
_CONTROLS = {c: " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0x7F: " "}
_FOLD = str.maketrans({"ё": "е", "Ё": "Е"})
_WORD = re.compile(r"[^\W_]+")

MAX_QUERY_TOKENS = 16
MAX_TOKEN_LENGTH = 64
MIN_STEM = 4  # a stem keeps at least this many letters of the word (a shorter prefix matches too much)
RESOURCES = Path(__file__).resolve().parent / "resources"
_CYRILLIC = re.compile(f"[{LOWER}]+")
_KK_SLOTS = ("case", "poss", "plural")
_KK_ONLY = frozenset(KK_LOWER)  # a word with these letters is Kazakh: no Russian ending is stripped
_RU_ONLY = frozenset("щъьэё")  # a word with these letters is Russian: no Kazakh ending is stripped


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
    """A snippet as (text, highlighted) pieces, for renderers that escape text themselves.

    Unbalanced markers (a snippet cut inside a match) are closed or dropped: a start inside a match
    and an end outside one are ignored, and a match left open runs to the end.
    """
    pieces: list[tuple[str, bool]] = []
    inside, current = False, []
    for char in snippet:
        if char in (HIGHLIGHT_START, HIGHLIGHT_END):
            if inside != (char == HIGHLIGHT_START):
                if current:
                    pieces.append(("".join(current), inside))
                inside, current = not inside, []
        else:
            current.append(char)
    if current:
        pieces.append(("".join(current), inside))
    return pieces


def query_stems(token: str) -> list[str]:
    """Shorter prefixes of a lowercased query word that its other inflected forms share, shortest last.

    Query side only (the index is untouched): the Russian Snowball stem (квотой → квот), and one chain
    of Kazakh case, possessive and plural endings (азаматтарының → азамат), each keeping at least
    MIN_STEM letters. Non-Cyrillic words and words without a known ending give [].
    """
    if not _CYRILLIC.fullmatch(token):
        return []
    letters = set(token)
    stems = {token}
    if not letters & _KK_ONLY:
        stems.add(stem_ru(token))
    if not letters & _RU_ONLY:
        stems.add(stem_kk(token))
    # a stem that starts with another stem adds no match
    kept = [s for s in stems if s != token and not any(o != s and s.startswith(o) for o in stems)]
    return sorted(kept, key=lambda s: (-len(s), s))


_SNOWBALL = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


@lru_cache(maxsize=4096)  # Snowball in pure Python takes ~50 µs a word; queries repeat
def stem_ru(token: str) -> str:
    """The Russian Snowball stem of a lowercased word (the algorithm of PostgreSQL's `russian`
    configuration), lengthened back to MIN_STEM letters of the word where Snowball cuts deeper."""
    stemmer = getattr(_SNOWBALL, "russian", None)
    if stemmer is None:
        stemmer = _SNOWBALL.russian = snowballstemmer.stemmer("russian")
    stem = stemmer.stemWord(token)
    if not token.startswith(stem):  # Snowball only cuts endings; anything else is left alone
        return token
    return token[:max(len(stem), MIN_STEM)]


def stem_kk(token: str) -> str:
    """The word without one chain of Kazakh case, possessive and plural endings (resources/query_endings_kk.tsv),
    each agreeing in vowel harmony unless marked free, and leaving at least MIN_STEM letters."""
    endings = _endings("query_endings_kk.tsv")
    free = set(endings.get("free", ()))
    for slot in _KK_SLOTS:
        for ending in endings.get(slot, ()):
            if (token.endswith(ending) and len(token) - len(ending) >= MIN_STEM
                    and (ending in free or agrees(token[: -len(ending)], ending, neutral_last=True))):
                token = token[: -len(ending)]
                break
    return token


class ResourceError(CorpusError, ValueError):
    """A query-ending resource file is missing or malformed (a CorpusError, as every corpus failure)."""


@cache
def _endings(name: str) -> dict[str, tuple[str, ...]]:
    """Endings of resources/<name> by slot, longest first (columns: ending, optional slot, optional `free`).

    Endings flagged `free` are also listed under the pseudo-slot "free".
    """
    path = RESOURCES / name
    try:
        lines = table(path)
    except (NlpError, OSError) as exc:
        raise ResourceError(f"cannot read query endings {path}: {exc}") from exc
    slots: dict[str, set[str]] = {}
    for n, cols in lines:
        ending = cols[0].lower()
        flags = [c for c in cols[2:] if c]
        if not _CYRILLIC.fullmatch(ending) or flags not in ([], ["free"]):
            raise ResourceError(f"{path}:{n}: expected 'ending[<TAB>slot[<TAB>free]]', got {cols!r}")
        slots.setdefault(cols[1] if len(cols) > 1 else "", set()).add(fold(ending))
        if flags:
            slots.setdefault("free", set()).add(fold(ending))
    return {slot: tuple(sorted(e, key=lambda x: (-len(x), x))) for slot, e in slots.items()}
