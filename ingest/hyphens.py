"""Joining the lines of one paragraph: a line-end hyphen is dropped only when the joined word is known
and its hyphenated form is not used elsewhere in the document (`мемле-` + `кеттік`, but `іс-шаралар`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .script import LETTER_WORD_RE

_LETTER = re.compile(r"[^\W\d_]")
_HYPHENS = "-\u2010\u2011\u00ad"


def join_lines(left: str, right: str, known: Callable[[str], bool], compounds: set[str] | None = None) -> str:
    """Join two consecutive lines of one paragraph, resolving a line-end hyphen.

    The hyphen is dropped only when the joined word is known (`known(word)`) and the hyphenated
    form is not used elsewhere (`compounds`); otherwise it stays (`іс-` + `шаралар` → `іс-шаралар`).
    A dash after a space (`әрі -`) stays a dash; a soft hyphen always joins.
    """
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    last = left[-1]
    if last not in _HYPHENS:
        return f"{left} {right}"
    if last == "\u00ad":
        return left[:-1] + right
    before = left[-2] if len(left) > 1 else " "
    if before.isspace():
        return f"{left} {right}"  # a dash: (одан әрі - ...
    if not _LETTER.match(before):
        return left + right  # 7- + ші, 90%- + ына
    head = re.search(r"[^\W\d_]+$", left[:-1]).group()
    tail_m = re.match(r"[^\W\d_]+", right)
    if tail_m is None:
        return left + right  # Е- + 9
    tail = tail_m.group()
    if head[-1].islower() and tail[0].isupper():
        return left + right  # Шри- + Ланка
    hyphenated = f"{head}-{tail}".lower()
    if compounds and hyphenated in compounds:
        return left + right
    if known(head + tail):
        return left[:-1] + right
    return left + right


def vocabulary(lines: Iterable[str]) -> tuple[set[str], set[str]]:
    """Words (lower case) and hyphenated compounds of the lines' texts, leaving out line-end fragments."""
    words: set[str] = set()
    compounds: set[str] = set()
    prev_split = False
    for text in lines:
        tokens = [m.group().lower() for m in LETTER_WORD_RE.finditer(text)]
        split = text[-1:] in _HYPHENS and len(text) > 1 and bool(_LETTER.match(text[-2]))
        if split and tokens:
            tokens.pop()
        if prev_split and tokens:
            tokens.pop(0)
        for tok in tokens:
            if "-" in tok:
                compounds.add(tok)
            words.update(tok.split("-"))
        prev_split = split
    return words, compounds
