"""The one pymorphy3 analyser of Russian (dictionaries ship with pymorphy3-dicts-ru; no download).

The gazetteer's case forms and the Russian NER's base forms share it: building one costs about
half a second and some 15 MB, so it is built once per process, on first use.
"""

from __future__ import annotations

from functools import cache


@cache
def morph():
    """The shared pymorphy3 MorphAnalyzer for Russian."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def parses(word: str) -> tuple:
    """pymorphy3 parses of a lower-cased word (cached: entity and gazetteer words repeat a lot)."""
    return tuple(morph().parse(word))


__all__ = ["morph", "parses"]
