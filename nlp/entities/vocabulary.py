"""The words that steer the entity layer, read from nlp/resources (entity_words_<lang>.tsv and the
ending lists), and the letter patterns of names built on nlp.lang's alphabets."""

from __future__ import annotations

import re
from functools import cache

from ..lang import LOWER, UPPER, WORD_RE, alternation, rows
from ..lang.endings import endings
from .span import EntityError

WORD = WORD_RE
NAME = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
# a line that is only a name: `Айдос Сарым`, `Н. Дементьева`, `Хаматханова Р.Ф`
NAME_LINE = re.compile(
    rf"(?:[{UPPER}]\.[ \t]?){{0,2}}{NAME}(?:[ \t]+{NAME}){{0,2}}(?:[ \t]+[{UPPER}]\.(?:[ \t]?[{UPPER}]\.?)?)?")


@cache
def entity_words(lang: str) -> dict[str, tuple[str, ...]]:
    """class → word stems of resources/entity_words_<lang>.tsv."""
    out: dict[str, list[str]] = {}
    for cells in rows(f"entity_words_{lang}.tsv"):
        if len(cells) != 2:
            raise EntityError(f"entity_words_{lang}.tsv: expected word<TAB>class, got {cells!r}")
        out.setdefault(cells[1], []).append(cells[0])
    return {k: tuple(v) for k, v in out.items()}


def has_stem(word: str, lang: str, cls: str) -> bool:
    """`word` starts with a stem of class `cls` (legal forms: is one, letter case kept)."""
    low = word.lower()
    stems = entity_words(lang).get(cls, ())
    if cls == "legal":
        return word in stems
    return any(low.startswith(s.lower()) for s in stems)


@cache
def words_of(name: str, column: int = 0, where: tuple[int, str] | None = None) -> tuple[str, ...]:
    """Cells of one column of nlp/resources/<name>, optionally of the rows whose cell `where[0]` is `where[1]`."""
    return tuple(r[column] for r in rows(name) if where is None or r[where[0]] == where[1])


def ending_regex(items: list[str] | tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """A word ending in any of `items` (`(?:…)$`)."""
    return re.compile(f"(?:{alternation(list(items))})$", flags)


@cache
def kk_case_endings() -> tuple[str, ...]:
    """The Kazakh case endings of nlp.lang's ending table, longest first."""
    return tuple(sorted({e.text for e in endings() if e.slot == "case"}, key=len, reverse=True))


@cache
def surname_suffix() -> re.Pattern[str]:
    """A word ending like a surname (`-ов`, `-ұлы`, `-бек`, `-ский`), either language."""
    return ending_regex(words_of("surname_endings_ru.tsv") + words_of("surname_endings_kk.tsv")
                        + words_of("patronymic_endings_kk.tsv"), re.IGNORECASE)


@cache
def adjective_end() -> re.Pattern[str]:
    """A lower-case adjective closing a span (`облыстық`, `областной`): the name lacks its head noun."""
    return ending_regex(words_of("adjective_endings_kk.tsv") + words_of("adjective_endings_ru.tsv", 0, (1, "n")))


@cache
def demonym_end() -> re.Pattern[str]:
    """A relational adjective (`қазақстандық`, `российских`): never a place."""
    return ending_regex(words_of("adjective_endings_kk.tsv", 0, (1, "y"))
                        + words_of("adjective_endings_ru.tsv", 0, (1, "y")))


@cache
def kk_ending(name: str) -> re.Pattern[str]:
    """A word ending in one of the Kazakh endings listed in nlp/resources/<name>."""
    return ending_regex(words_of(name))


@cache
def season_endings() -> frozenset[str]:
    """What may follow a Kazakh season word: a case ending or one of season_endings_kk.tsv."""
    return frozenset(kk_case_endings()) | frozenset(words_of("season_endings_kk.tsv"))


@cache
def particles() -> frozenset[str]:
    """Nobiliary particles inside a person's name (`ван`, `фон`, `von`)."""
    return frozenset(words_of("name_particles_xx.tsv"))


@cache
def conjunctions() -> frozenset[str]:
    """`и`, `және`, …: words that join names in a list, either language."""
    return frozenset(words_of("list_links_kk.tsv") + words_of("list_links_ru.tsv"))


@cache
def lang_words(cls: str, langs: tuple[str, ...] = ("kk", "ru")) -> tuple[str, ...]:
    """The stems of class `cls` in every language of `langs`."""
    return tuple(w for lang in langs for w in entity_words(lang).get(cls, ()))
