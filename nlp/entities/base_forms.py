"""Base forms of entity mentions (Kazakh case endings cut, Russian via nlp.ru) and English names.

`Бектеновке` → `Бектенов`, `театрында` → `театры`, `Бектенову О. А.` → `Бектенов О.А.`;
names are transliterated as English texts spell them (`Әбдиев` → `Abdiyev`).
"""

from __future__ import annotations

import re
from functools import cache

from ..lang import LOWER, UPPER, VOWELS
from ..lang import endings as kk_endings
from ..ru import canonical as ru_canonical
from .span import Span
from .vocabulary import NAME, kk_case_endings, surname_suffix, words_of

# the head of a Kazakh name is in the 3rd-person possessive (`театры`, `министрлігі`); a case after it
# starts with н: `театрында` → `театры`, `партиясының` → `партиясы`
_KK_P3_CASE = re.compile(r"^(.{3,}?(?:сы|сі|ы|і))(?:ның|нің|на|не|нда|нде|ндағы|ндегі|нан|нен|мен|н)$")
_RU_DATIVE = re.compile(r"(ов|ев|ин|ын)у$", re.IGNORECASE)
_RU_OBLIQUE = re.compile(r"(ов|ев|ин|ын)(а|ым|е)$")
_PERSON_PARTS = re.compile(rf"[{UPPER}]\.?(?![{LOWER}])|{NAME}")
_EN_PARTS = re.compile(rf"[{UPPER}]\.|{NAME}")


def _cut_case(word: str, fits) -> str:
    """`word` without the longest Kazakh case ending for which `fits(stem, ending)` holds."""
    low = word.lower()
    for end in kk_case_endings():
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = word[: len(word) - len(end)]
            if fits(stem, end):
                return stem
    return word


def kazakh_base(word: str) -> str:
    """`Бектеновке` → `Бектенов`, `Склярға` → `Скляр`: a case ending cut when the rest agrees with it."""
    return _cut_case(word, lambda stem, end: end in kk_endings.endings_for(stem))


def kazakh_surname_base(word: str) -> str:
    """A surname's base: Russian-type surnames (-ов, -ев, -ин) take front endings too (`Бектеновке`)."""
    return _cut_case(word, lambda stem, end: end in kk_endings.endings_for(stem) or (
        surname_suffix().search(stem) is not None and end in kk_endings.endings_for(stem + "ь")))


def russian_surname_base(word: str) -> str:
    """`Бектенову` → `Бектенов`: the dative/genitive of -ов/-ев/-ин surnames."""
    m = _RU_DATIVE.search(word)
    if m:
        return word[: m.start()] + m.group(1)
    m = _RU_OBLIQUE.search(word)
    if m and m.group(2) in ("ым", "е"):
        return word[: m.start()] + m.group(1)
    return word


def person_canonical(surface: str, lang: str) -> str:
    """`О.А. Бектеновке` → `О.А. Бектенов`, `Бектенову О. А.` → `Бектенов О.А.`: base-form surname."""
    parts = _PERSON_PARTS.findall(surface)
    initials = "".join(p if p.endswith(".") else p + "." for p in parts if len(p.rstrip(".")) == 1)
    names = [p for p in parts if len(p.rstrip(".")) > 1]
    if not names:
        return surface
    base = kazakh_surname_base if lang == "kk" else russian_surname_base
    names[-1] = base(names[-1])
    if not initials:
        return " ".join(names)
    if surface.lstrip()[:1] == parts[0][:1] and len(parts[0].rstrip(".")) == 1:
        return f"{initials} {' '.join(names)}"
    return f"{' '.join(names)} {initials}"


def canonical_of(span: Span, text: str, lang: str) -> str:
    """Base form in the document's language: the NER's or gazetteer's when given, else case cut."""
    if span.canonical:
        return span.canonical
    surface = " ".join(text[span.start:span.end].split())
    if lang == "ru":
        return ru_canonical(surface, span.label)
    if span.label == "PER":
        return person_canonical(surface, lang)
    if lang == "kk":
        words = surface.split(" ")
        p3 = _KK_P3_CASE.match(words[-1]) if len(words) > 1 else None
        words[-1] = p3.group(1) if p3 else kazakh_base(words[-1])
        return " ".join(words)
    return surface


@cache
def _latin() -> dict[str, str]:
    """Cyrillic letter → its Latin spelling (transliteration_xx.tsv)."""
    return dict(zip(words_of("transliteration_xx.tsv", 0), words_of("transliteration_xx.tsv", 1), strict=True))


def transliterate(text: str) -> str:
    """Cyrillic (Kazakh/Russian) to Latin as English texts spell names: `Әбдиев` → `Abdiyev`."""
    table = _latin()
    out = []
    prev = ""
    for ch in text:
        low = ch.lower()
        lat = table.get(low)
        if lat is None:
            out.append(ch)
        else:
            if low == "е" and (not prev or prev in VOWELS or prev in "ьъ") or low == "е" and prev == "и":
                lat = "ye"
            out.append(lat.capitalize() if ch.isupper() and lat else lat)
        prev = low if low.isalpha() else ""
    return "".join(out)


def person_name_en(canonical: str) -> str:
    """`О.А. Бектенов` → `O. Bektenov`: first initial and surname; full names transliterated."""
    words = _EN_PARTS.findall(canonical)
    initials = [w for w in words if w.endswith(".")]
    names = [w for w in words if not w.endswith(".")]
    if initials and names:
        return f"{transliterate(initials[0])} {transliterate(names[-1])}"
    return " ".join(transliterate(w) for w in names)
