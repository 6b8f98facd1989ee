"""Kazakh vowel harmony: whether a stem takes back (-ға, -дың) or front (-ге, -дің) endings."""

from __future__ import annotations

from .script import BACK_VOWELS, FRONT_VOWELS

BACK, FRONT = "b", "f"
BOTH = frozenset({BACK, FRONT})
NEUTRAL_VOWELS = frozenset("иуюё")  # и, у, ю read either way (ый/ій, ұу/үу); ё only in Russian loans


def harmony_of(word: str, neutral_last: bool = False) -> frozenset[str]:
    """{BACK}, {FRONT} or both (no harmonic vowel) for a lower-case stem, from its last harmonic vowel.

    An `е` after a back vowel is usually a Russian loan's (Қонаевқа, Бангладешке): either way.
    `neutral_last`: a stem whose last vowel is и/у/ю takes either (the lenient reading query
    stemming wants); by default those vowels are skipped and an earlier vowel decides.
    """
    for ch in reversed(word):
        if neutral_last and ch in NEUTRAL_VOWELS:
            return BOTH
        if ch in BACK_VOWELS:
            return frozenset({BACK})
        if ch in FRONT_VOWELS:
            if ch == "е" and not BACK_VOWELS.isdisjoint(word):
                return BOTH
            return frozenset({FRONT})
    return BOTH


def agrees(stem: str, ending: str, neutral_last: bool = False) -> bool:
    """The ending's vowels agree with the stem's harmony (an ending with no harmonic vowel always does)."""
    need = harmony_of(ending)
    return need == BOTH or bool(need & harmony_of(stem, neutral_last))
