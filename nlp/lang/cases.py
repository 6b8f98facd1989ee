"""Kazakh case endings by case name (resources/endings_kk.tsv): the dative -ға/-ге/-қа/-ке, the ablative
-дан/-ден/..., the genitive -ның/-нің/..., for rules that read a case off a word's end."""

from __future__ import annotations

from functools import cache

from .resources import rows

CASES = ("dat", "abl", "loc", "gen", "acc", "ins", "sim", "poss", "adj")


@cache
def case_endings(case: str, short: bool = True) -> tuple[str, ...]:
    """The endings of one case; `short`: only those that also follow a plain word (`on_words` y), not the
    possessive-extended ones (`-ына`, `-ынан`)."""
    return tuple(e for e, c, on_words in rows("endings_kk.tsv") if c == case and (on_words == "y" or not short))
