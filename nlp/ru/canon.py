"""Base forms of Russian entity mentions with pymorphy3: names and phrases put in the nominative.

`Бектенову О.А.` → `Бектенов О.А.`, `Министерства транспорта` → `Министерство транспорта`,
`Южной Корее` → `Южная Корея`: the head noun and the agreeing words before it are inflected,
the genitive chain after the head, initials, abbreviations and «quoted names» keep their form.
"""

from __future__ import annotations

import re

from nlp.lang.morph import parses

_KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CYR_WORD = re.compile(r"^[а-яё]+(?:-[а-яё]+)*$", re.IGNORECASE)
_NAME_TAGS = ("Name", "Surn", "Patr")
_ADJ = ("ADJF", "PRTF")


def normal(word: str) -> str:
    """The dictionary form of a word, lower case (the word itself when pymorphy3 cannot inflect it)."""
    low = word.lower()
    if not _CYR_WORD.match(low):
        return low
    return parses(low)[0].normal_form


def restore_case(new: str, old: str) -> str:
    """new written with old's capitalisation, hyphen part by hyphen part."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    olds, news = old.split("-"), new.split("-")
    if len(olds) != len(news):
        return new[:1].upper() + new[1:] if old[:1].isupper() else new
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for n, o in zip(news, olds))


def _inflectable(word: str) -> bool:
    return bool(_CYR_WORD.match(word)) and not _KAZAKH.search(word) and not (word.isupper() and len(word) > 1)


def _to(parse, grams: set[str]) -> str | None:
    form = parse.inflect(grams)
    return form.word if form else None


def person_base(words: list[str]) -> list[str]:
    """Each word of a person's name in the nominative; the gender comes from a first name or patronymic."""
    gender = None
    for w in words:
        if _inflectable(w):
            for p in parses(w.lower()):
                if ("Name" in p.tag or "Patr" in p.tag) and p.tag.gender and p.score >= 0.3:
                    gender = gender or p.tag.gender
                    break
    if gender is None and words and _inflectable(words[0]):
        gender = _oblique_name_gender(words[0])
    out = []
    for w in words:
        if not _inflectable(w):
            out.append(w)
            continue
        cands = [p for p in parses(w.lower()) if any(t in p.tag for t in _NAME_TAGS) and p.tag.number == "sing"]
        if not cands or any(p.tag.case == "nomn" and (gender is None or p.tag.gender == gender) for p in cands):
            out.append(w)
            continue
        if gender:
            cands = [p for p in cands if p.tag.gender == gender] or cands
        form = _to(cands[0], {"nomn", "sing"})
        out.append(restore_case(form, w) if form else w)
    return out


def _oblique_name_gender(word: str) -> str | None:
    """The gender of a given name that pymorphy knows only in an oblique case (`Мархабата`: masc):
    so the surname after it takes that gender's nominative (`Жайымбетова` → `Жайымбетов`)."""
    names = [p for p in parses(word.lower()) if "Name" in p.tag and p.tag.number == "sing"]
    if not names or any(p.tag.case == "nomn" for p in names):
        return None
    genders = {p.tag.gender for p in names}
    return genders.pop() if len(genders) == 1 else None


def _head_parse(word: str):
    """The noun parse of a phrase head, singular preferred; None when the word is not a noun."""
    nouns = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
    if not nouns:
        return None
    sing = [p for p in nouns if p.tag.number == "sing"]
    return (sing or nouns)[0]


def phrase_base(words: list[str]) -> list[str]:
    """A body or place name in the nominative: adjectives up to the first noun agree with it."""
    head_i = None
    for i, w in enumerate(words):
        if w.startswith(("«", '"', "“")):
            break
        if _inflectable(w) and _head_parse(w) is not None:
            head_i = i
            break
        if not _inflectable(w) or not any(p.tag.POS in _ADJ for p in parses(w.lower())):
            break
    if head_i is None:
        return list(words)
    head = _head_parse(words[head_i])
    if not head.is_known and words[head_i][-1:].lower() in "еоэ":
        return list(words)  # an unknown word ending like an indeclinable name (`Актобе`)
    number = head.tag.number or "sing"
    if head.tag.case == "nomn":
        return list(words)
    out = list(words)
    form = _to(head, {"nomn", number})
    if form:
        out[head_i] = restore_case(form, words[head_i])
    agree = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", head.tag.gender or "masc"}
    for i in range(head_i):
        adj = [p for p in parses(words[i].lower()) if p.tag.POS in _ADJ]
        if adj:
            form = _to(adj[0], agree)
            if form:
                out[i] = restore_case(form, words[i])
    return out
