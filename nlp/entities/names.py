"""Person names compared across documents: folded kk/ru spelling, surname base and gender, initials.

`person_name("Е.Т. Әбдиев")` parses a canonical form; `same_person(a, b)` says whether two names may
be one person (same folded surname base, compatible gender and initials, equal given names when both
are written). Letters and surname endings are data (letter_fold_kk.tsv, surname_cases_ru.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import LOWER, UPPER, rows
from .vocabulary import surname_suffix, words_of

_PARTS = re.compile(rf"[{UPPER}](?:\.|(?![{LOWER}]))|[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?")


@dataclass(frozen=True)
class PersonName:
    """A person's name as compared: folded surname base, gender (m, f or ?), folded initials, given name."""

    surname: str
    gender: str = "?"
    initials: str = ""
    given: str | None = None

    @property
    def richness(self) -> int:
        """How full the name is: 2 given name written, 1 initials, 0 surname alone."""
        return 2 if self.given else 1 if self.initials else 0


@cache
def _fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in rows("letter_fold_kk.tsv")}
    table.update({ord(k.upper()): v.upper() for k, v in rows("letter_fold_kk.tsv")})
    return table


def fold_name(text: str) -> str:
    """Lower case with Kazakh letters written as their Russian neighbours (`Жүсіпов` → `жусипов`)."""
    return text.translate(_fold_table()).lower()


@cache
def _cases() -> tuple[tuple[str, str, str], ...]:
    """(suffix, ending, gender), longest ending first."""
    out = [(s, "" if e == "-" else e, g) for s, e, g in rows("surname_cases_ru.tsv")]
    return tuple(sorted(out, key=lambda r: -len(r[1])))


def surname_base(word: str) -> tuple[str, str]:
    """(folded base, gender) of a surname form: `Ертаевой` → (`ертаев`, f), `Ертаева` → (`ертаев`, ?)."""
    low = fold_name(word)
    for suffix, ending, gender in _cases():
        tail = suffix + ending
        if low.endswith(tail) and len(low) - len(tail) >= 2:
            return low[: len(low) - len(ending)], gender
    return low, "?"


def _is_patronymic(word: str) -> bool:
    ends = words_of("patronymic_endings_ru.tsv") + words_of("patronymic_endings_kk.tsv")
    low = word.lower()
    return any(low.endswith(e) and len(low) > len(e) + 1 for e in ends)


def person_name(canonical: str) -> PersonName | None:
    """The parts of a canonical person name (`Аскарбек Ертаев`, `Хаматханова Р.Ф`); None without a word."""
    parts = _PARTS.findall(canonical)
    words = [p for p in parts if len(p.rstrip(".")) > 1]
    if not words:
        return None
    letters = [p.rstrip(".") for p in parts if len(p.rstrip(".")) == 1]
    names = [w for w in words if not _is_patronymic(w)]
    if not names or len(names) == 1 and len(names) < len(words) and words.index(names[0]) == 0:
        return None  # a first name and patronymic (`Олжас Абаевич`) name no surname
    russian = [w for w in names if surname_base(w)[1] != "?" or surname_base(w)[0] != fold_name(w)]
    suffix = [w for w in names if surname_suffix().search(w)]
    surname = (russian or suffix or names)[-1]
    rest = [w for w in words if w is not surname]
    patronymics = [w for w in rest if _is_patronymic(w)]
    given = next((w for w in rest if w not in patronymics), None)
    if given:
        letters = [given[0], *([p[0] for p in patronymics[:1]] or letters[:1])]
    base, gender = surname_base(surname)
    return PersonName(base, gender, fold_name("".join(letters[:2])), fold_name(given) if given else None)


def genders_agree(a: str, b: str) -> bool:
    """m and f never agree; ? agrees with both."""
    return a == b or "?" in (a, b)


def same_person(a: PersonName, b: PersonName) -> bool:
    """Whether two names may be one person: same surname base, agreeing gender, one's initials a prefix
    of the other's (`Е.` ⊂ `Е.Т.`), and equal given names when both are written."""
    if a.surname != b.surname or not genders_agree(a.gender, b.gender):
        return False
    if a.given and b.given and a.given != b.given:
        return False
    short, long_ = sorted((a.initials, b.initials), key=len)
    return long_.startswith(short)
