"""Kazakh for spaCy (spaCy ships none): `spacy.blank("kk")` after install (entry point `spacy_languages`).

Tokenizer as KazNERD tokenizes (hyphenated words whole: іс-шаралар, Шри-Ланка, 7-ші) except that an
abbreviation is split from its case ending (`АҚШ-қа` → `АҚШ` `-қа`); number words; stop words.
"""

from __future__ import annotations

from spacy.language import BaseDefaults, Language

from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_SUFFIXES
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    """Tokenizer rules, lexical attributes and stop words of Kazakh."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    infixes = TOKENIZER_INFIXES
    suffixes = TOKENIZER_SUFFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


class Kazakh(Language):
    """The Kazakh language class (`lang = "kk"`)."""

    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh"]
