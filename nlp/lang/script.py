"""Alphabets and letter classes of Kazakh and Russian Cyrillic, for every nlp module.

The letters themselves are defined once in ingest.script (reading needs them first); this module
re-exports them and adds the vowel classes the grammar uses.
"""

from __future__ import annotations

from ingest.script import (
    CYRILLIC_LOWER,
    CYRILLIC_UPPER,
    KAZAKH_LETTERS,
    KK_LOWER,
    LETTER,
    LOWER,
    RU_LOWER,
    UPPER,
    has_kazakh_letters,
    mixed_words,
    script_of,
)

VOWELS = frozenset("аәеёиоөуұүыіэюя")
BACK_VOWELS = frozenset("аоұыяё")  # a Kazakh word whose last harmonic vowel is one of these takes back endings
FRONT_VOWELS = frozenset("әеөүіэ")

__all__ = ["BACK_VOWELS", "CYRILLIC_LOWER", "CYRILLIC_UPPER", "FRONT_VOWELS", "KAZAKH_LETTERS", "KK_LOWER",
           "LETTER", "LOWER", "RU_LOWER", "UPPER", "VOWELS", "has_kazakh_letters", "mixed_words", "script_of"]
