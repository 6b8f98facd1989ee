"""The alphabets Saual reads: Cyrillic (Russian + the nine Kazakh letters) and Latin, defined once.

They sit in ingest, the lowest layer, because reading needs them first (language detection,
look-alike letters, OCR fixes); `nlp.lang` re-exports them with the grammar built on top.
A Latin letter inside a Cyrillic word (or the reverse) is a bug in data or code: `mixed_words`
finds it, and the resource loader and a test run it over every data file and literal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

RU_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
KK_LOWER = "әғқңөұүһі"  # the Kazakh letters Russian does not use
CYRILLIC_LOWER = RU_LOWER + KK_LOWER
CYRILLIC_UPPER = CYRILLIC_LOWER.upper()
KAZAKH_LETTERS = frozenset(KK_LOWER + KK_LOWER.upper())

# Regex class bodies (inside [...]): every Cyrillic letter of either language, by case.
UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "а-яёәғқңөұүһі"
LETTER = r"[^\W\d_]"  # any letter of any script

LETTER_RUN_RE = re.compile(r"[^\W\d_]+")  # a run of letters of any script
LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, inner hyphens kept (іс-шара)


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """'latin', 'cyrillic' or 'other' for one character."""
    if ch.isascii():
        return "latin" if ch.isalpha() else "other"
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def has_kazakh_letters(text: str) -> bool:
    """True when text holds a letter only Kazakh (not Russian) Cyrillic uses."""
    return not KAZAKH_LETTERS.isdisjoint(text)


def mixed_words(text: str) -> list[str]:
    """The words (runs of letters) of text that mix Latin and Cyrillic letters (`төмендe`)."""
    out = []
    for m in LETTER_RUN_RE.finditer(text):
        scripts = {script_of(ch) for ch in m.group()}
        if {"latin", "cyrillic"} <= scripts:
            out.append(m.group())
    return out
