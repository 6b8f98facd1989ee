"""Kazakh infixes and suffixes: hyphens inside words stay (көші-қон); `АҚШ-қа` splits to `АҚШ` `-қа`.

The ending chains after an abbreviation come from the place gazetteer's ending table
(nlp/gazetteer/data/endings_kk.tsv: plural, possessive, case), so one data file drives both.
"""

from __future__ import annotations

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER, CONCAT_QUOTES, LIST_ELLIPSES, LIST_ICONS
from spacy.lang.punctuation import TOKENIZER_SUFFIXES as BASE_SUFFIXES

from nlp.lang import UPPER as CYRILLIC_UPPER_CLASS
from nlp.lang.endings import endings_for
from nlp.lang.resources import trie_regex

UPPER = "A-Z" + CYRILLIC_UPPER_CLASS
DASHES = "\\-‐‑–"


def abbreviation_endings() -> list[str]:
    """Every ending chain the gazetteer allows after an abbreviation, longest first."""
    return sorted((e for e in endings_for("", abbreviation=True) if e), key=len, reverse=True)


ENDING = trie_regex(abbreviation_endings())
# `EPS-ке`, `ҚР-да`, `АҚШ-тың`: a dash and a case-ending chain after two upper-case letters.
ABBREVIATION_ENDING = rf"(?<=[{UPPER}][{UPPER}0-9])[{DASHES}](?:{ENDING})"

TOKENIZER_SUFFIXES = [ABBREVIATION_ENDING, *BASE_SUFFIXES]

# spaCy's default infixes without the letter-hyphen-letter rule (Kazakh keeps іс-шаралар whole).
TOKENIZER_INFIXES = [
    *LIST_ELLIPSES,
    *LIST_ICONS,
    r"(?<=[0-9])[+\*^](?=[0-9-])",
    rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
    rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
    rf"(?<=[{ALPHA}0-9])[:<>=/](?=[{ALPHA}])",
]
