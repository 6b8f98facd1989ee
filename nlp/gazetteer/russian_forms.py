"""Russian case forms of body names, titles and personal names by rule (+ pymorphy3 for head nouns).

`phrase_forms` inflects the words up to the head noun (adjectives agree by their ending, so that
`Высшая аудиторская палата` → `Высшей аудиторской палаты`), everything after the head stays;
`surname_forms` / `given_forms` / `patronymic_forms` decline personal names (`Кошербаеву`, `Олжасу`).
"""

from __future__ import annotations

from functools import cache

from ..lang.morph import morph
from ..lang.resources import rows

CASES = ("gent", "datv", "accs", "ablt", "loct")


@cache
def _adjective_table() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(ending, letters before it or "-", case endings gent…loct) of nlp/resources/ru_adjective_cases.tsv."""
    return tuple((r[0], r[1], tuple(r[2:])) for r in rows("ru_adjective_cases.tsv", 2 + len(CASES)))


def _adjective_endings(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(ending to replace, its case endings) of a full adjective, else None."""
    w = word.lower()
    if len(w) <= 3:
        return None
    for end, after, forms in _adjective_table():
        if w.endswith(end) and (after == "-" or w[-3] in after):
            return end, forms
    return None


def _keep_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if model[:1].isupper() else form


def _noun_forms(word: str) -> dict[str, str] | None:
    """The head noun in each case (its own number), or None when `word` is not a noun in the nominative."""
    if "«" in word or "»" in word or not word.replace("-", "").isalpha():
        return None
    parses = [p for p in morph().parse(word.lower()) if p.tag.POS == "NOUN" and "nomn" in p.tag]
    if not parses:
        return None
    p = max(parses, key=lambda q: ("Abbr" not in q.tag, q.score))
    out = {}
    for case in CASES:
        f = p.inflect({case})
        out[case] = _keep_case(f.word, word) if f is not None else word
    return out


@cache
def phrase_forms(name: str) -> frozenset[str]:
    """`name` in the six cases: adjectives before the head noun agree with it, later words stay."""
    words = name.split()
    head = None
    for i, w in enumerate(words):
        if _adjective_endings(w) is None:
            head = i
            break
    out = {name}
    if head is None:
        return frozenset(out)
    nouns = _noun_forms(words[head])
    if nouns is None:
        return frozenset(out)
    for k, case in enumerate(CASES):
        forms = []
        for i, w in enumerate(words):
            if i < head:
                end, endings = _adjective_endings(w)
                forms.append(w[: len(w) - len(end)] + endings[k])
            elif i == head:
                forms.append(nouns[case])
            else:
                forms.append(w)
        out.add(" ".join(forms))
    return frozenset(out)


def genitive(name: str) -> str:
    """The genitive of a phrase (`Акмолинская область` → `Акмолинской области`)."""
    forms = phrase_forms(name)
    words = name.split()
    head = next((i for i, w in enumerate(words) if _adjective_endings(w) is None), None)
    nouns = _noun_forms(words[head]) if head is not None else None
    if nouns is None:
        return name
    out = []
    for i, w in enumerate(words):
        if i < head:
            end, endings = _adjective_endings(w)
            out.append(w[: len(w) - len(end)] + endings[0])
        elif i == head:
            out.append(nouns["gent"])
        else:
            out.append(w)
    g = " ".join(out)
    return g if g in forms else name


def surname_forms(surname: str, female: bool) -> frozenset[str]:
    """Russian case forms of a surname (`Кошербаев` → `Кошербаева`, `Кошербаеву`, ...)."""
    s, low = surname, surname.lower()
    out = {s}
    if female:
        if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
            out |= {s[:-1] + e for e in ("ой", "у")}
        return frozenset(out)
    if low.endswith(("ов", "ев", "ёв", "ин", "ын")):
        out |= {s + e for e in ("а", "у", "ым", "е")}
    elif low.endswith(("й", "ь")):
        out |= {s[:-1] + e for e in ("я", "ю", "ем", "е")}
    elif low[-1:] not in "аеёиоуыэюя":
        out |= {s + e for e in ("а", "у", "ом", "е")}
    return frozenset(out)


def given_forms(name: str, female: bool) -> frozenset[str]:
    """Russian case forms of a first name (`Олжас` → `Олжасу`; `Аида` → `Аиде`)."""
    low = name.lower()
    out = {name}
    if low.endswith("а"):
        out |= {name[:-1] + e for e in ("ы" if low[-2:-1] not in "гкхжшчщ" else "и", "е", "у", "ой")}
    elif low.endswith("я"):
        out |= {name[:-1] + e for e in ("и", "е", "ю", "ей")}
    elif female:
        return frozenset(out)
    elif low.endswith(("й", "ь")):
        out |= {name[:-1] + e for e in ("я", "ю", "ем", "е")}
    elif low[-1:] not in "аеёиоуыэюя":
        out |= {name + e for e in ("а", "у", "ом", "е")}
    return frozenset(out)


def patronymic_forms(name: str) -> frozenset[str]:
    """Russian case forms of a patronymic (`Абаевич` → `Абаевичу`; `Галымовна` → `Галымовне`)."""
    low = name.lower()
    out = {name}
    if low.endswith("ич"):
        out |= {name + e for e in ("а", "у", "ем", "е")}
    elif low.endswith("на"):
        out |= {name[:-1] + e for e in ("ы", "е", "у", "ой")}
    return frozenset(out)
