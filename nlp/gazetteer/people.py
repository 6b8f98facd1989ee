"""Officials (data/officials.tsv) and the name forms documents use for them, found in kk/ru text.

Forms: full name (`Қасым-Жомарт Кемелұлы Тоқаев`, `Бектенов Олжас`), surname with initials in both
orders (`О.А. Бектеновке`, `Кошербаеву Е.Б.`; the initials must agree), first name + patronymic
(`Әлихан Асханұлы`, `Олжас Абаевич`) and a bare surname when only one official bears it.
Kazakh endings come from the ending machinery, Russian cases from declension rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date as Date
from functools import cache

from ..lang import UPPER
from . import russian_forms as rf
from .deputies import NAME_COLUMNS, load_deputies
from .matcher import fold, loan_endings
from .records import GazetteerError, Mention, alts, by_id, tsv_rows

OFFICIAL_COLUMNS = ("id", "name_en", "given_kk", "patronymic_kk", "surname_kk", "given_ru", "patronymic_ru",
                    "surname_ru", "gender", "posts")
_UP = "A-Z" + UPPER
WORD_RE = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_INITIALS_BEFORE = re.compile(rf"((?:[{_UP}]\.[ \t\u00a0]?){{1,2}})[ \t\u00a0]?$")
_INITIALS_AFTER = re.compile(rf"[ \t\u00a0]+([{_UP}]\.[ \t\u00a0]?[{_UP}](?![^\W\d_])\.?|[{_UP}]\.)")


@dataclass(frozen=True)
class Post:
    """A post held by an official; None dates are unknown, `end` "" means still in office."""

    post_id: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Official:
    """A person record with the parts of their name in Kazakh and Russian."""

    id: str
    name_en: str
    given_kk: tuple[str, ...]
    patronymic_kk: tuple[str, ...]
    surname_kk: tuple[str, ...]
    given_ru: tuple[str, ...]
    patronymic_ru: tuple[str, ...]
    surname_ru: tuple[str, ...]
    gender: str
    posts: tuple[Post, ...] = ()
    known_initials: str = ""  # initials the documents write when the given name is not known (`ЕТ`)
    bare: bool = True  # a bare surname may name them (deputies: only with initials or a given name)

    def full_name(self, lang: str) -> str:
        """`Олжас Абайұлы Бектенов` (kk) / `Олжас Абаевич Бектенов` (ru) / name_en."""
        if lang not in ("kk", "ru"):
            return self.name_en
        parts = (self.given_kk, self.patronymic_kk, self.surname_kk) if lang == "kk" else \
            (self.given_ru, self.patronymic_ru, self.surname_ru)
        return " ".join(p[0] for p in parts if p)

    def initials(self) -> tuple[set[str], set[str]]:
        """(possible first initials, possible patronymic initials), upper case."""
        given = {g[0].upper() for g in self.given_kk + self.given_ru} or set(self.known_initials[:1].upper())
        patronymic = {p[0].upper() for p in self.patronymic_kk + self.patronymic_ru}
        return given, patronymic or set(self.known_initials[1:2].upper())

    def in_office(self, when: str) -> bool:
        """True when some post may have been held on `when` (YYYY-MM-DD); unknown dates don't exclude."""
        for p in self.posts:
            if (p.start is None or p.start <= when) and (p.end is None or p.end == "" or when <= p.end):
                return True
        return False


@dataclass(frozen=True)
class PersonMention(Mention):
    """An official found in a text; `form` is full | initials | first_patronymic | surname."""

    id: str
    name_en: str
    canonical: str
    form: str


def _alts(cell: str) -> tuple[str, ...]:
    return alts(cell, ";")


def _date(cell: str) -> str | None:
    if cell == "?":
        return None
    if cell and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
        raise GazetteerError(f"officials.tsv: bad date {cell!r} (YYYY-MM-DD, ? or empty)")
    return cell


@cache
def load_officials() -> dict[str, Official]:
    """All officials of officials.tsv by id."""
    out: dict[str, Official] = {}
    for n, cells in tsv_rows("officials.tsv"):
        if len(cells) != len(OFFICIAL_COLUMNS):
            raise GazetteerError(f"officials.tsv:{n}: expected {len(OFFICIAL_COLUMNS)} columns, got {len(cells)}")
        row = dict(zip(OFFICIAL_COLUMNS, cells))
        if row["id"] in out:
            raise GazetteerError(f"officials.tsv:{n}: duplicate id {row['id']!r}")
        posts = []
        for item in _alts(row["posts"].replace(",", ";")):
            parts = item.split(":")
            if len(parts) != 3:
                raise GazetteerError(f"officials.tsv:{n}: post {item!r} is not post_id:start:end")
            posts.append(Post(parts[0], _date(parts[1]), _date(parts[2]) if parts[2] != "?" else None))
        out[row["id"]] = Official(row["id"], row["name_en"], _alts(row["given_kk"]), _alts(row["patronymic_kk"]),
                                  _alts(row["surname_kk"]), _alts(row["given_ru"]), _alts(row["patronymic_ru"]),
                                  _alts(row["surname_ru"]), row["gender"], tuple(posts))
    for d in load_deputies().values():
        post = Post(f"post.deputy.{d.chamber.removeprefix('kz.')}", d.start, d.end or "")
        out[d.id] = Official(d.id, d.name_en, *(d.names[c] for c in NAME_COLUMNS), d.gender, (post,),
                             d.initials, bare=False)
    return out


def _kk_forms(word: str) -> set[str]:
    """`word` + every Kazakh ending chain (either vowel harmony: `Бектеновке`, `Қарабаевқа`)."""
    ends = loan_endings(word)
    return {word + e for e in ends} | {f"{word}-{e}" for e in ends if e}


class _People:
    """Folded word form → (official id, base word) tables for surnames, first names, patronymics."""

    def __init__(self) -> None:
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.given: dict[str, set[str]] = defaultdict(set)
        self.patronymics: dict[str, set[str]] = defaultdict(set)
        for o in load_officials().values():
            female = o.gender == "f"
            for s in set(o.surname_kk + o.surname_ru):
                for f in _kk_forms(s) | rf.surname_forms(s, female):
                    self.surnames[fold(f)].add(o.id)
            for g in set(o.given_kk + o.given_ru):
                for f in rf.given_forms(g, female) | {g}:
                    self.given[fold(f)].add(o.id)
            for p in o.patronymic_kk:
                for f in _kk_forms(p):
                    self.patronymics[fold(f)].add(o.id)
            for p in o.patronymic_ru:
                for f in rf.patronymic_forms(p):
                    self.patronymics[fold(f)].add(o.id)
        self.bases = {fold(x) for o in load_officials().values() for x in o.surname_kk + o.surname_ru}


@cache
def people() -> _People:
    """The name-form tables (built once per process)."""
    return _People()


def _initials_ok(o: Official, initials: str) -> bool:
    letters = re.findall(rf"[{_UP}]", initials)
    given, patr = o.initials()
    if not letters or letters[0] not in given:
        return False
    return len(letters) < 2 or not patr or letters[1] in patr


def _pick(ids: set[str], when: str | None = None) -> str | None:
    if when is not None and len(ids) > 1:
        officials = load_officials()
        ids = {i for i in ids if officials[i].in_office(when)}
    return next(iter(ids)) if len(ids) == 1 else None


def _gap_ok(text: str, a: int, b: int) -> bool:
    """Two name words are neighbours: 1-3 spaces apart, at most one line break."""
    gap = text[a:b]
    return 0 < len(gap) <= 3 and gap.strip(" \t\u00a0\n") == "" and gap.count("\n") <= 1


_Word = tuple[int, int, str]  # start, end, folded word
_Found = tuple[int, int, str, str]  # start, end, official id, form


def _by_given(tables: _People, low: str, s: int, nxt: _Word | None, nxt2: _Word | None,
              when: str | None) -> _Found | None:
    """First name (+ patronymic) (+ surname) starting at this word."""
    given_ids = tables.given.get(low, set())
    if not given_ids or not nxt:
        return None
    patr = given_ids & tables.patronymics.get(nxt[2], set())
    if patr:
        sur = patr & tables.surnames.get(nxt2[2], set()) if nxt2 else set()
        if sur and (oid := _pick(sur, when)):
            return s, nxt2[1], oid, "full"
        if oid := _pick(patr, when):
            return s, nxt[1], oid, "first_patronymic"
    sur = given_ids & tables.surnames.get(nxt[2], set())
    if sur and (oid := _pick(sur, when)):
        return s, nxt[1], oid, "full"
    return None


def _by_surname(text: str, tables: _People, word: _Word, nxt: _Word | None, nxt2: _Word | None,
                when: str | None) -> _Found | None:
    """A surname with initials before or after it, with a first name after it, or alone."""
    s, e, low = word
    sur_ids = tables.surnames.get(low)
    if not sur_ids:
        return None
    officials = load_officials()
    before = _INITIALS_BEFORE.search(text, max(0, s - 8), s)
    if before and before.group(1).strip():
        oid = _pick({i for i in sur_ids if _initials_ok(officials[i], before.group(1))}, when)
        return (before.start(1), e, oid, "initials") if oid else None
    # surname in the nominative + first name (+ patronymic) on the same line
    if nxt and low in tables.bases and "\n" not in text[e:nxt[0]] and (g := sur_ids & tables.given.get(nxt[2], set())):
        end = nxt[1]
        if nxt2 and (g2 := g & tables.patronymics.get(nxt2[2], set())):
            g, end = g2, nxt2[1]
        if oid := _pick(g, when):
            return s, end, oid, "full"
    after = _INITIALS_AFTER.match(text, e)
    if after:
        oid = _pick({i for i in sur_ids if _initials_ok(officials[i], after.group(1))}, when)
        return (s, after.end(1), oid, "initials") if oid else None
    oid = _pick(set(sur_ids), when)
    return (s, e, oid, "surname") if oid and officials[oid].bare else None


def find_officials(text: str, lang: str | None = None, when: str | None = None) -> list[PersonMention]:
    """Every official named in `text` (see the module docstring for the forms), in text order.

    `when` (YYYY-MM-DD) prefers officials in office at that date when a surname is shared.
    """
    tables = people()
    officials = load_officials()
    words = [(m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text)]
    out: list[PersonMention] = []
    used_until = 0
    name_lang = lang if lang in ("kk", "ru") else "ru"
    for k, (s, e, low) in enumerate(words):
        if s < used_until or not text[s].isupper():
            continue
        nxt = words[k + 1] if k + 1 < len(words) and _gap_ok(text, e, words[k + 1][0]) else None
        nxt2 = words[k + 2] if nxt and k + 2 < len(words) and _gap_ok(text, nxt[1], words[k + 2][0]) else None
        found = _by_given(tables, low, s, nxt, nxt2, when) or _by_surname(text, tables, words[k], nxt, nxt2, when)
        if found:
            start, end, oid, form = found
            o = officials[oid]
            out.append(PersonMention(start, end, text[start:end], oid, o.name_en, o.full_name(name_lang), form))
            used_until = end
    return out


def link_person(surface: str, lang: str | None = None, date: str | Date | None = None) -> Official | None:
    """The official a single name phrase refers to (`Кошербаеву Е.Б.`, `Олжас Абайұлы`), else None."""
    when = date.isoformat() if isinstance(date, Date) else date
    phrase = surface.strip().strip(",;:!?()")
    found = find_officials(phrase, lang, when)
    if len(found) == 1 and found[0].start <= 1 and found[0].end >= len(phrase.rstrip(".")) - 1:
        return load_officials()[found[0].id]
    return None


def official_by_id(official_id: str) -> Official:
    """The official with this id; GazetteerError when there is none."""
    return by_id(load_officials(), official_id, "official")
