"""Sentence and clause splitting for Kazakh and Russian paragraphs (offsets, no copies).

Figures take their year, place and period from the sentence or clause around them, so the split
must be cheap and must not break at abbreviations (`тыс.`, `ж.`, `т.б.`), initials (`О.А. Бектенов`)
or decimal numbers (`2,5`, `1.200`). Abbreviations are data: resources/abbrev_xx.tsv.
"""

from __future__ import annotations

import re
from functools import cache

from .resources import rows

__all__ = ["clauses", "sentences"]

_END_RE = re.compile(r"[.!?…]+[»\"”)]*(?=\s|$)|;(?=\s)|\n(?=\s*(?:\d{1,2}[.)]|[-–—•])\s)")
_CLAUSE_RE = re.compile(r"[,;:()\[\]]")
_INITIAL_RE = re.compile(r"(?:^|[\s(«\".])[^\W\d_]\.$")
_NEXT_RE = re.compile(r"\s*([^\s])")


@cache
def _abbrevs() -> dict[str, str]:
    """Abbreviation (lower case, with its dot) → kind: `title`, `year` or `-` (abbrev_xx.tsv)."""
    return {r[0].lower(): r[1] for r in rows("abbrev_xx.tsv", columns=2)}


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return text[j:i + 1].lower().lstrip("(«\"")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    s = start
    for m in _END_RE.finditer(text, start, end):
        if m.group().startswith(".") and not _breaks_after_dot(text, m.start(), m.end(), start, end):
            continue
        e = m.end() if not m.group().startswith("\n") else m.start()
        _push(text, out, s, e)
        s = e
    _push(text, out, s, end)
    return out


def _breaks_after_dot(text: str, dot: int, after: int, start: int, end: int) -> bool:
    """A dot ends a sentence unless it closes an initial or an abbreviation not followed by a new sentence."""
    word = _word_before(text, dot)
    if word[:-1].isdigit() and not text[max(start, text.rfind("\n", start, dot) + 1):dot - len(word) + 1].strip():
        return False  # list numbering: "1." at a line start
    kind = _abbrevs().get(word)
    if kind is None:
        return not _INITIAL_RE.search(text, max(start, dot - 2), dot + 1)
    if kind == "title" or (kind == "year" and not _after_digit(text, dot - 1, start)):
        return False  # г. Алматы, ул. Абая, проф. Иванов
    nxt = _NEXT_RE.match(text, after, end)
    return bool(nxt and nxt.group(1).isupper() and _upper_word_after(text, nxt.start(1), end))


def _after_digit(text: str, i: int, start: int) -> bool:
    """The one-letter abbreviation at i follows a number (2019 ж., 2020 г.), not a name (г. Алматы)."""
    j = i - 1
    while j >= start and text[j] == " ":
        j -= 1
    return j >= start and text[j].isdigit()


def _upper_word_after(text: str, i: int, end: int) -> bool:
    """A capitalised word (not an initial such as `А.`) starts at i: a new sentence after `тыс.`/`ж.`."""
    j = i
    while j < end and text[j].isalpha():
        j += 1
    return j - i >= 2


def _push(text: str, out: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of one sentence: split at commas, semicolons, colons, brackets, dashes."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _CLAUSE_RE.finditer(text, start, end):
        if m.group() == "," and m.start() > start and m.end() < end \
                and text[m.start() - 1].isdigit() and text[m.end()].isdigit():
            continue  # decimal comma
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return [(a, b) for a, b in out if b > a] or [(start, end)]
