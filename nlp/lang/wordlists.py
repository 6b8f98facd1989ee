"""Word lists as regex alternations: the words of a rule are data in nlp/resources/ (`<concept>_<lang>.tsv`,
rows `form<TAB>role`); the pattern around them stays in the rule's code."""

from __future__ import annotations

import re
from functools import cache

from .resources import LETTERS, alternation, forms, lang_rows
from .segment import LANGS


@cache
def word_forms(concept: str, role: str, langs: tuple[str, ...] = LANGS) -> tuple[str, ...]:
    """The forms of one role in `<concept>_<lang>.tsv` of the languages (`xx`: language-neutral), lower-case."""
    return tuple(f.lower() for cell, r, *_ in lang_rows(concept, langs) if r == role for f in forms(cell))


def _form(form: str) -> str:
    """Regex source of one form: literal, a space matches any whitespace, `stem*` any letters after."""
    tail = ""
    if form.endswith("*") and len(form) > 1:
        form, tail = form[:-1], LETTERS + "*"
    return r"\s+".join(re.escape(part) for part in form.split()) + tail


@cache
def word_alt(concept: str, role: str, langs: tuple[str, ...] = LANGS) -> str:
    """Alternation (longest first, never empty) of a role's forms, for a pattern to put in `(?:…)`."""
    return alternation([_form(f) for f in word_forms(concept, role, langs)])


def ending_alt(endings: tuple[str, ...]) -> str:
    """Alternation of literal endings (longest first)."""
    return alternation([re.escape(e) for e in endings])
