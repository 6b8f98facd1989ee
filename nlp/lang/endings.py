"""Kazakh endings: which chains of plural, possessive and case endings may follow a stem (data/endings_kk.tsv).

The gazetteer, entity base forms and the Kazakh tokenizer use it: a word is a name plus a chain of
endings allowed after that name's last sound and vowel harmony; nothing else is ever cut off.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .harmony import BACK, FRONT, harmony_of
from .resources import ResourceError, table
from .script import VOWELS as _VOWELS

DATA = Path(__file__).resolve().parent / "data"
_CLASS = {**{c: ("R",) for c in "рй"}, "у": ("R", "V"), "и": ("V", "R"), "л": ("L",),
          **{c: ("Z",) for c in "зж"}, **{c: ("N",) for c in "мнң"},
          **{c: ("K",) for c in "кқпстфхцчшщ"}, **{c: ("K", "Z") for c in "бвгд"}}
SLOTS = ("plural", "poss", "case")
ANY = "ANY"


@dataclass(frozen=True)
class Ending:
    """One ending of endings_kk.tsv."""

    text: str
    slot: str
    harmony: str
    after: frozenset[str]
    result: str


@cache
def endings() -> tuple[Ending, ...]:
    """The rows of endings_kk.tsv."""
    out = []
    for n, cells in table(DATA / "endings_kk.tsv"):
        if len(cells) != 5 or cells[1] not in SLOTS or cells[2] not in ("b", "f", "x"):
            raise ResourceError(f"endings_kk.tsv:{n}: expected ending, slot, harmony (b/f/x), after, result")
        out.append(Ending(cells[0], cells[1], cells[2], frozenset(cells[3].split(",")), cells[4]))
    return tuple(out)


def stem_key(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """(possible harmonies, possible sound classes) of a lower-case stem's end."""
    w = word.lower()
    harmony: set[str] = set()
    if w.endswith("ь"):
        w, harmony = w[:-1], {FRONT}
    if not w:
        return frozenset({BACK, FRONT}), frozenset({"V"})
    last = w[-1]
    classes = set(_CLASS.get(last, ("V",) if last in _VOWELS else ("K",)))
    if not harmony:
        harmony = set(harmony_of(w))
    return frozenset(harmony), frozenset(classes)


def split_possessive(word: str) -> str | None:
    """The stem of a word ending in a 3rd-person possessive (`облысы` → `облыс`), else None."""
    w = word.lower()
    if len(w) > 3 and w[-2:] in ("сы", "сі") and w[-3] in _VOWELS:
        return word[:-2]
    if len(w) > 2 and w[-1] in "ыі" and w[-2] not in _VOWELS:
        return word[:-1]
    return None


@cache
def chains(harmony: frozenset[str], classes: frozenset[str], need_p3: bool = False) -> frozenset[str]:
    """Every ending chain (plural? poss? case?) allowed after a stem; "" when no ending is needed.

    `need_p3`: the stem lost a 3rd-person possessive (`облыс|ы`), so a chain must contain one.
    `classes` == {ANY}: abbreviations (`АҚШ-қа`), whose pronunciation is unknown: any chain.
    """
    out: set[str] = set()
    rows = endings()

    def walk(slot_index: int, text: str, harm: frozenset[str], cls: frozenset[str], has_p3: bool) -> None:
        if has_p3 or not need_p3:
            out.add(text)
        for i in range(slot_index, len(SLOTS)):
            for e in rows:
                if e.slot != SLOTS[i]:
                    continue
                if need_p3 and SLOTS[i] == "case" and not has_p3:
                    continue
                if need_p3 and SLOTS[i] == "poss" and e.result != "P3":
                    continue
                if ANY not in cls and not (e.after & cls):
                    continue
                if ANY not in cls and e.harmony != "x" and e.harmony not in harm:
                    continue
                new_harm = harm if e.harmony == "x" else frozenset({e.harmony})
                if e.result == "-":
                    if has_p3 or not need_p3:
                        out.add(text + e.text)
                else:
                    walk(i + 1, text + e.text, new_harm, frozenset({e.result}), has_p3 or e.result == "P3")

    walk(0, "", harmony, classes, False)
    return frozenset(out)


def endings_for(stem: str, need_p3: bool = False, abbreviation: bool = False) -> frozenset[str]:
    """The ending chains allowed after `stem`."""
    if abbreviation:
        return chains(frozenset({BACK, FRONT}), frozenset({ANY}))
    harmony, classes = stem_key(stem)
    return chains(harmony, classes, need_p3)
