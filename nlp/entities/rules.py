"""Written rules that find entities the models miss: initials + surname, given name + surname,
salutations, executor marks, signature lines under a deputies' header, quoted organisation names."""

from __future__ import annotations

import re
from functools import cache

from ..gazetteer import find_bodies, find_places
from ..lang import LOWER, UPPER, alternation
from .base_forms import kazakh_surname_base, russian_surname_base
from .span import Span
from .vocabulary import NAME, NAME_LINE, WORD, entity_words, has_stem, lang_words, surname_suffix, words_of

# `О.А. Бектеновке`, `М.Жайымбетов`, `Н. Тау`: initials (with dots) then a surname
_INIT_SURNAME = re.compile(rf"(?<![\w.])[{UPPER}]\.[ \t]?(?:[{UPPER}]\.[ \t]?)?{NAME}")
# `Бектенову О.А.`, `Хаматханова Р.Ф`, `Намазбаев К.`: a surname then initials
_SURNAME_INIT = re.compile(rf"(?<![\w.]){NAME}[ \t]+[{UPPER}]\.[ \t]?(?:[{UPPER}](?:\.|(?![\w])))?")
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„\n]{1,60}(?:\n[^«»\"“”„\n]{1,60})?)[»\"”]+")


@cache
def _full_name() -> re.Pattern[str]:
    """`Мұхтар Әуезов`, `Алтыншаш Мұқатаева`, `Қасым-Жомарт Кемелұлы Тоқаев`: a given name (and
    patronymic) then a word with a surname ending, which may carry a Kazakh case ending."""
    patronymic = alternation(list(words_of("patronymic_endings_kk.tsv") + words_of("patronymic_endings_ru.tsv")))
    surname = alternation(list(words_of("surname_endings_ru.tsv", 0, (1, "possessive"))))
    return re.compile(
        rf"(?<![\w.])({NAME})[ \t]*\n?[ \t]*(?:{NAME}(?:{patronymic})[ \t]*\n?[ \t]*)?"
        rf"([{UPPER}][{LOWER}]+?(?:{surname})(?:[{LOWER}]{{1,5}})?)(?![\w-])")


@cache
def _saluted(lang: str) -> re.Pattern[str]:
    """`Құрметті Олжас Абайұлы!`, `Уважаемый Олжас Абаевич!`: the name after a salutation word."""
    words = "|".join(re.escape(w) for w in entity_words(lang).get("salute", ()))
    return re.compile(rf"(?<!\w)(?i:{words})\w*[ \t]+({NAME}(?:[ \t]+{NAME}){{0,2}})[ \t]*[!,]")


@cache
def _executor(lang: str) -> re.Pattern[str]:
    """`Орын. Намазбаев К.`, `Исп.: Жумабаева А.`: the staff executor's name after the mark."""
    words = "|".join(re.escape(w) for w in entity_words(lang).get("executor", ()))
    return re.compile(rf"(?m)^[ \t]*(?i:{words})(?:\.[ \t]*:?|[ \t]*:)[ \t]*({NAME_LINE.pattern})(?![\w.])")


@cache
def _deputies() -> re.Pattern[str]:
    """A deputies' header word (`депутат`), either language."""
    return re.compile(f"(?i){alternation(list(lang_words('deputies')))}")


def signature_spans(paragraphs: list[tuple[str, str]]) -> dict[int, list[Span]]:
    """Names on their own lines under a deputies' header (`Мәжіліс депутаттары`, `Депутаты фракции`):
    paragraph index → PER spans (paragraph offsets). `paragraphs`: (text, lang) in document order."""
    out: dict[int, list[Span]] = {}
    under = 0  # paragraphs still to look at after the last header
    for i, (text, lang) in enumerate(paragraphs):
        stripped = text.strip()
        header = len(stripped) < 160 and _deputies().search(stripped) is not None
        m = NAME_LINE.fullmatch(stripped)
        if under and m and not header and _plain_name(stripped, lang):
            lead = len(text) - len(text.lstrip())
            out.setdefault(i, []).append(Span(lead, lead + len(stripped), "PER", "rule"))
            under = 3
            continue
        under = 3 if header else max(0, under - 1)
    return out


def _plain_name(line: str, lang: str) -> bool:
    """A name line holds no post words and is not itself a gazetteer place or body."""
    if any(has_stem(w, lang, "title") or has_stem(w, lang, "generic") for w in WORD.findall(line)):
        return False
    whole = [m for m in find_places(line, lang, deictic=False) + find_bodies(line, lang)
             if m.end - m.start >= len(line) - 1]
    return not whole


def _initials_spans(text: str, lang: str, offset: int) -> list[Span]:
    """`О.А. Бектеновке`, `Бектенову О.А.`: initials before or after a surname (no post words)."""
    out = []
    initials_first = set()
    for rx in (_INIT_SURNAME, _SURNAME_INIT):
        for m in rx.finditer(text):
            words = WORD.findall(m.group())
            if not words or any(has_stem(w, lang, "title") for w in words if len(w) > 1):
                continue
            if rx is _INIT_SURNAME:
                initials_first.add(m.start())
            elif WORD.search(text, m.start() + len(words[0])).start() in initials_first:
                continue  # `Казахстан А. Иванов`: the initials belong to the name after them
            out.append(Span(offset + m.start(), offset + m.end(), "PER", "rule"))
    return out


def _full_name_spans(text: str, lang: str, offset: int) -> list[Span]:
    """A given name then a surname-like word, neither a place, a post nor a salutation."""
    out = []
    for m in _full_name().finditer(text):
        given, surname = m.group(1), m.group(2)
        if any(p.end - p.start == len(given) for p in find_places(given, lang, deictic=False)):
            continue  # `Түркістан Арысов`: a place before a surname is no given name
        if has_stem(given, lang, "title") or has_stem(given, lang, "salute") or \
                (lang == "kk" and kazakh_surname_base(surname) == surname and not surname_suffix().search(surname)):
            continue
        if russian_surname_base(surname) == surname and lang == "ru" and not surname_suffix().search(surname):
            continue
        out.append(Span(offset + m.start(), offset + m.end(), "PER", "rule"))
    return out


def rule_spans(text: str, lang: str, offset: int = 0) -> list[Span]:
    """Persons by initials, salutations and executor marks; organisations by quoted names."""
    out = _initials_spans(text, lang, offset) + _full_name_spans(text, lang, offset)
    for m in _executor(lang).finditer(text):
        out.append(Span(offset + m.start(1), offset + m.end(1), "PER", "rule"))
    for m in _saluted(lang).finditer(text):
        out.append(Span(offset + m.start(1), offset + m.end(1), "PER", "rule"))
    out.extend(_quoted_orgs(text, lang, offset))
    return out


def _kk_head_after(text: str, end: int, after: list[re.Match[str]]) -> int | None:
    """End of the Kazakh head noun(s) right after a quoted name (`«Алатау» дәстүрлі өнер театры`)."""
    for k, w in enumerate(after[:4]):
        gap = text[(after[k - 1].end() if k else end):w.start()]
        if gap.strip(" \t\n–—-"):
            return None
        if has_stem(w.group(), "kk", "org_head"):
            nxt = after[k + 1] if k + 1 < len(after) else None
            if nxt is not None and has_stem(nxt.group(), "kk", "org_head") and not text[w.end():nxt.start()].strip():
                return nxt.end()
            return w.end()
        if w.group()[:1].isupper() and k:
            return None
    return None


def _quoted_orgs(text: str, lang: str, offset: int) -> list[Span]:
    """`«Алатау» дәстүрлі өнер театры`, `«ҚазАгроҚаржы» АҚ`, `фракция «Ак жол»`, `Фонда «Даму»`."""
    out = []
    for m in _QUOTED.finditer(text):
        start, end = m.start(), m.end()
        after = list(WORD.finditer(text, end, min(len(text), end + 80)))
        found = None
        legal = after and has_stem(after[0].group(), "kk", "legal") or after and has_stem(after[0].group(), "ru", "legal")
        if legal and text[end:after[0].start()].strip() == "":
            found = after[0].end()
        elif lang == "kk":
            found = _kk_head_after(text, end, after)
        if found is not None:
            out.append(Span(offset + start, offset + found, "ORG", "rule"))
            continue
        before = list(WORD.finditer(text, max(0, start - 40), start))
        for w in reversed(before[-2:]):
            if text[w.end():start].strip(" \t\n") and not re.fullmatch(r"[\s\w]*", text[w.end():start]):
                break
            if has_stem(w.group(), "ru" if lang != "kk" else "kk", "org_lead") or has_stem(w.group(), "ru", "legal"):
                out.append(Span(offset + w.start(), offset + end, "ORG", "rule"))
                break
    return out
