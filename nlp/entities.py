"""Named entities (PER, ORG, LOC) of a Document: per-language NER, gazetteer, rules and the conventions.

Per paragraph (in its own language) the statistical NER of that language proposes spans; the
gazetteer (places, bodies, officials) and a few written rules (initials + surname, salutations,
quoted organisation names) add theirs; overlaps go to the longest span, then to the gazetteer.
The gold conventions are applied last: no titles, laws or demonyms; base form and English name.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest import Document

from .analysis import Entity
from .errors import NlpError
from .extractors import extractor
from .gazetteer import find_bodies, find_not_orgs, find_officials, find_places, find_positions, link
from .lang import Segmentation, segment
from .lang import endings as kk_endings
from .models import ModelError, kazakh_entities_batch, load_kazakh_ner
from .ru import canonical as ru_canonical
from .ru import russian_entities

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parent / "resources"
LABELS = ("PER", "ORG", "LOC")
# Which source wins a tie of equal length: the gazetteer, then the written rules, then the model.
PRIORITY = {"gaz": 3, "rule": 2, "ner": 1}

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "а-яёәғқңөұүһі"
_NAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_INITIAL = rf"[{_UP}]\.?"
# `О.А. Бектеновке`, `М.Жайымбетов`, `Н. Тау`: initials (with dots) then a surname
_INIT_SURNAME = re.compile(rf"(?<![\w.])[{_UP}]\.[ \t]?(?:[{_UP}]\.[ \t]?)?{_NAME}")
# `Бектенову О.А.`, `Хаматханова Р.Ф`, `Намазбаев К.`: a surname then initials
_SURNAME_INIT = re.compile(rf"(?<![\w.]){_NAME}[ \t]+[{_UP}]\.[ \t]?(?:[{_UP}](?:\.|(?![\w])))?")
# `Мұхтар Әуезов`, `Алтыншаш Мұқатаева`, `Қасым-Жомарт Кемелұлы Тоқаев`: a given name (and patronymic)
# then a word with a surname suffix, which may carry a Kazakh case ending
_FULL_NAME = re.compile(
    rf"(?<![\w.])({_NAME})[ \t]*\n?[ \t]*(?:{_NAME}(?:ұлы|улы|қызы|кызы|ович|евич|овна|евна)[ \t]*\n?[ \t]*)?"
    rf"([{_UP}][{_LOW}]+?(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына)(?:[{_LOW}]{{1,5}})?)(?![\w-])")
# a line that is only a name: `Айдос Сарым`, `Н. Дементьева`, `Хаматханова Р.Ф`
_NAME_LINE = re.compile(
    rf"(?:[{_UP}]\.[ \t]?){{0,2}}{_NAME}(?:[ \t]+{_NAME}){{0,2}}(?:[ \t]+[{_UP}]\.(?:[ \t]?[{_UP}]\.?)?)?")
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„\n]{1,60}(?:\n[^«»\"“”„\n]{1,60})?)[»\"”]+")
_WORD = re.compile(r"[\w]+(?:[-‐][\w]+)*")
_SURNAME_SUFFIX = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ұлы|улы|қызы|кызы|бек|бай|ский|цкий|ская|цкая)$", re.IGNORECASE)
_KK_CASE = ("ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні",
            "ды", "ді", "ты", "ті", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен",
            "нан", "нен", "мен", "бен", "пен", "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі")
_ADJ_END = re.compile(r"(?:лық|лік|дық|дік|тық|тік|ғы|гі|қы|кі|ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ых|их|ую|юю)$")
# the head of a Kazakh name is in the 3rd-person possessive (`театры`, `министрлігі`); a case after it
# starts with н: `театрында` → `театры`, `партиясының` → `партиясы`
_KK_P3_CASE = re.compile(r"^(.{3,}?(?:сы|сі|ы|і))(?:ның|нің|на|не|нда|нде|ндағы|ндегі|нан|нен|мен|н)$")
_RU_DATIVE = re.compile(r"(ов|ев|ин|ын)у$", re.IGNORECASE)


class EntityError(NlpError):
    """The entity layer cannot run (a resource file is malformed or a backend is misconfigured)."""


@dataclass
class Span:
    """A candidate entity: absolute offsets, label, where it came from and what linking found."""

    start: int
    end: int
    label: str
    source: str  # gaz, rule, ner
    canonical: str | None = None
    id: str | None = None
    name_en: str | None = None

    @property
    def size(self) -> int:
        return self.end - self.start


# ------------------------------------------------------------------ resources
@cache
def entity_words(lang: str) -> dict[str, tuple[str, ...]]:
    """class → word stems of resources/entity_words_<lang>.tsv."""
    path = RESOURCES / f"entity_words_{lang}.tsv"
    out: dict[str, list[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            raise EntityError(f"{path.name}:{n}: expected word<TAB>class")
        out.setdefault(cells[1].strip(), []).append(cells[0].strip())
    return {k: tuple(v) for k, v in out.items()}


@cache
def _saluted(lang: str) -> re.Pattern[str]:
    """`Құрметті Олжас Абайұлы!`, `Уважаемый Олжас Абаевич!`: the name after a salutation word."""
    words = "|".join(re.escape(w) for w in entity_words(lang).get("salute", ()))
    return re.compile(rf"(?<!\w)(?i:{words})\w*[ \t]+({_NAME}(?:[ \t]+{_NAME}){{0,2}})[ \t]*[!,]")


@cache
def _executor(lang: str) -> re.Pattern[str]:
    """`Орын. Намазбаев К.`, `Исп.: Жумабаева А.`: the staff executor's name after the mark."""
    words = "|".join(re.escape(w) for w in entity_words(lang).get("executor", ()))
    return re.compile(rf"(?m)^[ \t]*(?i:{words})(?:\.[ \t]*:?|[ \t]*:)[ \t]*({_NAME_LINE.pattern})(?![\w.])")


def signature_spans(paragraphs: list[tuple[str, str]]) -> dict[int, list[Span]]:
    """Names on their own lines under a deputies' header (`Мәжіліс депутаттары`, `Депутаты фракции`):
    paragraph index → PER spans (paragraph offsets). `paragraphs`: (text, lang) in document order."""
    out: dict[int, list[Span]] = {}
    under = 0  # paragraphs still to look at after the last header
    for i, (text, lang) in enumerate(paragraphs):
        stripped = text.strip()
        header = len(stripped) < 160 and re.search(r"(?i)депутат", stripped) is not None
        m = _NAME_LINE.fullmatch(stripped)
        if under and m and not header and _plain_name(stripped, lang):
            lead = len(text) - len(text.lstrip())
            out.setdefault(i, []).append(Span(lead, lead + len(stripped), "PER", "rule"))
            under = 3
            continue
        under = 3 if header else max(0, under - 1)
    return out


def _plain_name(line: str, lang: str) -> bool:
    """A name line holds no post words and is not itself a gazetteer place or body."""
    if any(_has_stem(w, lang, "title") or _has_stem(w, lang, "generic") for w in _WORD.findall(line)):
        return False
    whole = [m for m in find_places(line, lang, deictic=False) + find_bodies(line, lang)
             if m.end - m.start >= len(line) - 1]
    return not whole


def _has_stem(word: str, lang: str, cls: str) -> bool:
    low = word.lower()
    stems = entity_words(lang).get(cls, ())
    if cls == "legal":
        return word in stems
    return any(low.startswith(s.lower()) for s in stems)


# ------------------------------------------------------------------ statistical backends
def _kazakh_backend():
    """The shipped Kazakh model's batch tagger, or None (one logged line) when its files are missing."""
    try:
        load_kazakh_ner()
    except ModelError as exc:
        if "kk-model" not in _warned:
            _warned.add("kk-model")
            log.warning("Kazakh NER model unavailable, gazetteer and rules only: %s", exc)
        return None
    return kazakh_entities_batch


def _russian_backend():
    return russian_entities


BACKENDS = ("default", "stanza", "rules")  # rules: gazetteer and written rules only, no model


def backend_setting(backend: str | None = None) -> str:
    """The NER backend: the argument, else $SAUAL_NER_BACKEND, else `default` (shipped models)."""
    name = (backend or os.environ.get("SAUAL_NER_BACKEND") or "default").strip().lower()
    if name not in BACKENDS:
        raise EntityError(f"unknown NER backend {name!r}: choose one of {', '.join(BACKENDS)}")
    return name


_warned: set[str] = set()


def _stanza_spans(text: str, lang: str) -> list[tuple[int, int, str]] | None:
    """stanza's spans, or None (with one logged line per language) when stanza or its model is missing."""
    from .stanza_backend import StanzaUnavailable, stanza_entities

    try:
        return stanza_entities(text, lang)
    except StanzaUnavailable as exc:
        if lang not in _warned:
            _warned.add(lang)
            log.warning("stanza backend unavailable, using the shipped models: %s", exc)
        return None


def ner_batch(texts: list[str], lang: str, backend: str = "default") -> list[list[Span]]:
    """The statistical model's spans for each of `texts` (paragraphs of one language), batched."""
    if backend == "rules" or not texts:
        return [[] for _ in texts]
    if backend == "stanza":
        found = [_stanza_spans(t, lang) for t in texts]
        if all(f is not None for f in found):
            return [[Span(s, e, label, "ner") for s, e, label in f if label in LABELS] for f in found]
    if lang == "kk":
        fn = _kazakh_backend()
        if fn is None:
            return [[] for _ in texts]
        return [[Span(s, e, label, "ner") for s, e, label in spans if label in LABELS] for spans in fn(texts)]
    if lang == "ru":
        return _russian_batch(texts)
    return [[] for _ in texts]


_JOIN = "\n\n"


def _russian_batch(texts: list[str]) -> list[list[Span]]:
    """Russian spans of many paragraphs from one call on their blank-line-joined text (slovnet batches
    the sentences, about 5x faster than a call per paragraph); spans crossing a join are dropped."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(_JOIN)
    out: list[list[Span]] = [[] for _ in texts]
    for r in russian_entities(_JOIN.join(texts)):
        if r.label not in LABELS:
            continue
        i = bisect.bisect_right(starts, r.start) - 1
        if r.end <= starts[i] + len(texts[i]):
            out[i].append(Span(r.start - starts[i], r.end - starts[i], r.label, "ner", canonical=r.canonical))
    return out


def ner_spans(text: str, lang: str, backend: str = "default") -> list[Span]:
    """The statistical model's spans for one paragraph."""
    return ner_batch([text], lang, backend)[0]


# ------------------------------------------------------------------ gazetteer and rules
def gazetteer_spans(text: str, lang: str, offset: int = 0) -> list[Span]:
    """Places (not deictic, not adjectives), bodies and officials of the gazetteer."""
    out = []
    for m in find_places(text, lang, deictic=False):
        if m.adjective or m.deictic:
            continue
        out.append(Span(offset + m.start, offset + m.end, "LOC", "gaz", m.canonical or None, m.id, m.name_en))
    for m in find_bodies(text, lang):
        out.append(Span(offset + m.start, offset + m.end, "ORG", "gaz", m.canonical or None, m.id, m.name_en))
    for m in find_officials(text, lang):
        # the base form is the surface's own (the document's name form), the link the record's
        out.append(Span(offset + m.start, offset + m.end, "PER", "gaz", None, m.id, m.name_en))
    return out


def rule_spans(text: str, lang: str, offset: int = 0) -> list[Span]:
    """Persons by initials, salutations and executor marks; organisations by quoted names."""
    out = []
    initials_first = set()
    for rx in (_INIT_SURNAME, _SURNAME_INIT):
        for m in rx.finditer(text):
            words = _WORD.findall(m.group())
            if not words or any(_has_stem(w, lang, "title") for w in words if len(w) > 1):
                continue
            if rx is _INIT_SURNAME:
                initials_first.add(m.start())
            elif _WORD.search(text, m.start() + len(words[0])).start() in initials_first:
                continue  # `Казахстан А. Иванов`: the initials belong to the name after them
            out.append(Span(offset + m.start(), offset + m.end(), "PER", "rule"))
    for m in _FULL_NAME.finditer(text):
        given, surname = m.group(1), m.group(2)
        if any(p.end - p.start == len(given) for p in find_places(given, lang, deictic=False)):
            continue  # `Түркістан Арысов`: a place before a surname is no given name
        if _has_stem(given, lang, "title") or _has_stem(given, lang, "salute") or \
                (lang == "kk" and kazakh_surname_base(surname) == surname and not _SURNAME_SUFFIX.search(surname)):
            continue
        if russian_surname_base(surname) == surname and lang == "ru" and not _SURNAME_SUFFIX.search(surname):
            continue
        out.append(Span(offset + m.start(), offset + m.end(), "PER", "rule"))
    for m in _executor(lang).finditer(text):
        out.append(Span(offset + m.start(1), offset + m.end(1), "PER", "rule"))
    for m in _saluted(lang).finditer(text):
        out.append(Span(offset + m.start(1), offset + m.end(1), "PER", "rule"))
    out.extend(_quoted_orgs(text, lang, offset))
    return out


def _quoted_orgs(text: str, lang: str, offset: int) -> list[Span]:
    """`«Алатау» дәстүрлі өнер театры`, `«ҚазАгроҚаржы» АҚ`, `фракция «Ак жол»`, `Фонда «Даму»`."""
    out = []
    for m in _QUOTED.finditer(text):
        start, end = m.start(), m.end()
        after = list(_WORD.finditer(text, end, min(len(text), end + 80)))
        found = None
        legal = after and _has_stem(after[0].group(), "kk", "legal") or after and _has_stem(after[0].group(), "ru", "legal")
        if legal and text[end:after[0].start()].strip() == "":
            found = after[0].end()
        elif lang == "kk":
            for k, w in enumerate(after[:4]):
                gap = text[(after[k - 1].end() if k else end):w.start()]
                if gap.strip(" \t\n–—-"):
                    break
                if _has_stem(w.group(), "kk", "org_head"):
                    found = w.end()
                    nxt = after[k + 1] if k + 1 < len(after) else None
                    if nxt is not None and _has_stem(nxt.group(), "kk", "org_head") \
                            and not text[w.end():nxt.start()].strip():
                        found = nxt.end()
                    break
                if w.group()[:1].isupper() and k:
                    break
        if found is not None:
            out.append(Span(offset + start, offset + found, "ORG", "rule"))
            continue
        before = list(_WORD.finditer(text, max(0, start - 40), start))
        for w in reversed(before[-2:]):
            if text[w.end():start].strip(" \t\n") and not re.fullmatch(r"[\s\w]*", text[w.end():start]):
                break
            if _has_stem(w.group(), "ru" if lang != "kk" else "kk", "org_lead") or \
                    _has_stem(w.group(), "ru", "legal"):
                out.append(Span(offset + w.start(), offset + end, "ORG", "rule"))
                break
    return out


# ------------------------------------------------------------------ overlaps and conventions
def resolve(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: longest first, then gazetteer > rule > model, then earliest."""
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: (-s.size, -PRIORITY[s.source], s.start)):
        if s.size <= 0 or any(s.start < e and b < s.end for b, e in taken):
            continue
        chosen.append(s)
        taken.append((s.start, s.end))
    return sorted(chosen, key=lambda s: s.start)


def keep(span: Span, text: str, lang: str) -> bool:
    """The conventions: titles are not ORG, unnamed office-holders not PER, laws not ORG, demonyms not LOC."""
    surface = text[span.start:span.end]
    words = _WORD.findall(surface)
    if not words:
        return False
    if span.source == "gaz":
        return True
    if _heading_doctype(surface, words, lang) or _season(words, lang) or _street_name(span, text, lang):
        return False
    if span.label == "ORG":
        if not any(ch.isupper() for ch in surface):
            return False  # `кредитные товарищества`, `qaztech`: a common noun or a lower-case brand
        if _has_stem(words[-1], lang, "title") or _has_stem(words[-1], lang, "not_org"):
            return False
        if len(words) == 1 and not words[0].isupper() and _has_stem(words[0], lang, "generic"):
            return False  # `Министерство` alone: the model's guess of a body it cannot name
        if _after_not_org(text, span.start, lang):
            return False  # `Реестр ОТП`, `платформ eGov и Qaztech`
        if any(_has_stem(w, lang, "not_org") for w in words) and not any(_has_stem(w, lang, "org_head")
                                                                         or _has_stem(w, lang, "org_lead")
                                                                         for w in words):
            return False
    if span.label == "ORG" and words[-1].islower() and _ADJ_END.search(words[-1]):
        return False  # `Көкшетау қаласындағы облыстық`: a name cut before its head noun
    if span.label in ("ORG", "LOC") and _has_stem(words[-1], lang, "not_org"):
        return False  # `Депутаттық сауал`, `Қағидаларда`: a document, law or system
    if span.label == "PER":
        if words[-1].isascii() and _has_stem(words[-1], lang, "not_org"):
            return False  # `Employment Permit System`
        if len(words) == 1 and span.source == "ner" and not _SURNAME_SUFFIX.search(kazakh_surname_base(words[0])) \
                and _sentence_start(text, span.start):
            return False  # `Кейде`: a lone sentence-initial word without a surname's ending
        named = [w for w in words if not _has_stem(w, lang, "title") and w[:1].isupper()]
        if not named:
            return False
        if words[0].lower() in ("мемлекет",):
            return False
    if span.label == "LOC":
        if not surface[:1].isupper():
            return False
        if re.search(r"(лық|лік|дық|дік|тық|тік|ский|ская|ское|ские|ских|ского|ской|скому|ским|скую)$",
                     words[-1].lower()):
            return False
    return True


def _heading_doctype(surface: str, words: list[str], lang: str) -> bool:
    """`БАСПАСӨЗ РЕЛИЗІ`, `ДЕПУТАТСКИЙ ЗАПРОС`, `Справка`: a document-type heading, not a name."""
    if not any(_has_stem(w, lang, "doctype") for w in words):
        return False
    return len(words) == 1 or not any(ch.islower() for ch in surface)


def _season(words: list[str], lang: str) -> bool:
    """`Күзде`, `Қыста`, `Осенью`: a season (with a Kazakh case ending), not a place or person."""
    if len(words) != 1:
        return False
    low = words[0].lower()
    for stem in entity_words(lang).get("season", ()):
        if low == stem or lang == "kk" and low.startswith(stem) and low[len(stem):] in _SEASON_ENDINGS:
            return True
    return False


_SEASON_ENDINGS = frozenset(_KK_CASE) | {"гі", "ғы", "гы", "ге", "і", "ы", "сы", "сі", "імен", "ымен"}


def _street_name(span: Span, text: str, lang: str) -> bool:
    """`ул. Мәңгілік Ел`, `проспект Абая`, `Абай көшесі`, `Самал шағын ауданы`: a street's name, not a
    person (or, unlinked, a place): the name right after a street abbreviation or before a street noun."""
    if span.label not in ("PER", "LOC"):
        return False
    before = list(_WORD.finditer(text, max(0, span.start - 20), span.start))
    if before and not text[before[-1].end():span.start].strip(" \t."):
        w = before[-1].group().lower()
        dotted = text[before[-1].end():span.start].strip().startswith(".")
        for stem in entity_words(lang).get("street_before", ()):
            if w == stem and dotted or len(stem) >= 4 and w.startswith(stem):
                return True
    after = list(_WORD.finditer(text, span.end, min(len(text), span.end + 40)))[:2]
    if after and not text[span.end:after[0].start()].strip():
        pair = " ".join(m.group().lower() for m in after)
        return any(pair.startswith(stem) for stem in entity_words("kk").get("street_after", ()))
    return False


_LINKS = frozenset({"и", "или", "және", "мен", "немесе", "а"})


def _after_not_org(text: str, start: int, lang: str) -> bool:
    """The span follows a law/platform/registry noun, over other names and `и`/`және` only."""
    before = list(_WORD.finditer(text, max(0, start - 60), start))
    for w in reversed(before[-4:]):
        word = w.group()
        if _has_stem(word, lang, "not_org"):
            return True
        if word.lower() in _LINKS or word.isupper() or any("a" <= ch.lower() <= "z" for ch in word):
            continue
        return False
    return False


# ------------------------------------------------------------------ base forms and English names
def kazakh_base(word: str) -> str:
    """`Бектеновке` → `Бектенов`, `Склярға` → `Скляр`: a case ending cut when the rest agrees with it."""
    low = word.lower()
    for end in sorted(_KK_CASE, key=len, reverse=True):
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = word[: len(word) - len(end)]
            if end in kk_endings.endings_for(stem):
                return stem
    return word


def russian_surname_base(word: str) -> str:
    """`Бектенову` → `Бектенов`: the dative/genitive of -ов/-ев/-ин surnames."""
    m = _RU_DATIVE.search(word)
    if m:
        return word[: m.start()] + m.group(1)
    m = re.search(r"(ов|ев|ин|ын)(а|ым|е)$", word)
    if m and m.group(2) in ("ым", "е"):
        return word[: m.start()] + m.group(1)
    return word


def person_canonical(surface: str, lang: str) -> str:
    """`О.А. Бектеновке` → `О.А. Бектенов`, `Бектенову О. А.` → `Бектенов О.А.`: base-form surname."""
    parts = re.findall(rf"[{_UP}]\.?(?![{_LOW}])|{_NAME}", surface)
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


def kazakh_surname_base(word: str) -> str:
    """A surname's base: Russian-type surnames (-ов, -ев, -ин) take front endings too (`Бектеновке`)."""
    low = word.lower()
    for end in sorted(_KK_CASE, key=len, reverse=True):
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = word[: len(word) - len(end)]
            if end in kk_endings.endings_for(stem) or (
                    _SURNAME_SUFFIX.search(stem) and end in kk_endings.endings_for(stem + "ь")):
                return stem
    return word


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


_TRANSLIT = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n",
    "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f",
    "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
_VOWEL = set("аәеёиоөуұүыіэюя")


def transliterate(text: str) -> str:
    """Cyrillic (Kazakh/Russian) to Latin as English texts spell names: `Әбдиев` → `Abdiyev`."""
    out = []
    prev = ""
    for ch in text:
        low = ch.lower()
        lat = _TRANSLIT.get(low)
        if lat is None:
            out.append(ch)
        else:
            if low == "е" and (not prev or prev in _VOWEL or prev in "ьъ") or low == "е" and prev == "и":
                lat = "ye"
            out.append(lat.capitalize() if ch.isupper() and lat else lat)
        prev = low if low.isalpha() else ""
    return "".join(out)


def person_name_en(canonical: str) -> str:
    """`О.А. Бектенов` → `O. Bektenov`: first initial and surname; full names transliterated."""
    words = re.findall(rf"[{_UP}]\.|{_NAME}", canonical)
    initials = [w for w in words if w.endswith(".")]
    names = [w for w in words if not w.endswith(".")]
    if initials and names:
        return f"{transliterate(initials[0])} {transliterate(names[-1])}"
    return " ".join(transliterate(w) for w in names)


# ------------------------------------------------------------------ the pipeline
_PARTICLES = frozenset({"ван", "фон", "де", "дю", "ибн", "аль", "ди", "ла", "ле", "дер", "van", "von", "de"})


def _merge_particles(spans: list[Span], text: str) -> list[Span]:
    """`Людвиг` + `ван` + `Бетховен`: a person, a nobiliary particle and a capitalised word are one person."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        gap = text[prev.end:s.start] if prev else ""
        if prev is not None and prev.label == "PER" and gap.strip().lower() in _PARTICLES and \
                len(gap) <= 6 and s.source != "gaz" and text[s.start:s.start + 1].isupper() and " " not in \
                text[s.start:s.end].strip():
            out[-1] = Span(prev.start, s.end, "PER", "rule")
            continue
        out.append(s)
    return out


def lowercase_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case at least once."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())


@cache
def _stop_words(lang: str) -> frozenset[str]:
    if lang == "kk":
        from .kk.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    return frozenset()


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \t«\"“(")
    return not before or before[-1] in ".!?…:;\n)–—-"


def _common_word(span: Span, text: str, lang: str, lower_words: frozenset[str]) -> bool:
    """A model span whose only capital is its sentence start, on a word written lower case elsewhere
    (`Кейде`, `Депутаттық сауал`, `Театр`), or a stop word."""
    words = _WORD.findall(text[span.start:span.end])
    if len(words) == 1 and (words[0].lower() in _stop_words(lang)
                            or words[0].lower() in entity_words(lang).get("stop", ())):
        return True
    capital = [w for w in words if w[:1].isupper()]
    if capital != words[:1] or words[0].isupper() or not _sentence_start(text, span.start):
        return False
    first = words[0].lower()
    stem = kazakh_base(first) if lang == "kk" else first
    return first in lower_words or any(w.startswith(stem) for w in lower_words if len(stem) >= 4)


def _covered(span: Span, others: list[tuple[int, int]], share: float = 0.6) -> bool:
    """Most of `span` lies inside one of `others` (a position title, a law's name)."""
    for s, e in others:
        inter = min(e, span.end) - max(s, span.start)
        if inter > 0 and inter >= share * span.size:
            return True
    return False


def _not_entities(text: str, lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(position titles, laws/codes/programmes/platforms) the gazetteer finds in one paragraph."""
    posts = [(m.start, m.end) for m in find_positions(text, lang)]
    laws = [(m.start, m.end) for m in find_not_orgs(text, lang)]
    return posts, laws


def spans_of(text: str, lang: str, offset: int = 0, backend: str = "default",
             ner: list[Span] | None = None, lower_words: frozenset[str] | None = None) -> list[Span]:
    """Every kept, linked, non-overlapping span of one paragraph (offsets shifted by `offset`);
    `ner`: the model's spans when already computed (batched over the document); `lower_words`: the
    words the document writes in lower case (a model span capitalised only by its sentence start and
    written lower case elsewhere is a common word)."""
    if ner is None:
        ner = ner_spans(text, lang, backend)
    if lower_words is None:
        lower_words = lowercase_words(text)
    model = [_repair(_trim(Span(s.start, s.end, s.label, s.source, s.canonical), text), text, lang) for s in ner]
    # a bad model span must not push out the gazetteer's or the rules' shorter spans it overlaps
    model = [s for s in model if s.size > 0 and keep(s, text, lang)
             and not (s.source == "ner" and _common_word(s, text, lang, lower_words))]
    cands = gazetteer_spans(text, lang, 0) + rule_spans(text, lang, 0) + model
    posts, laws = _not_entities(text, lang)
    out = []
    for s in _merge_particles(resolve(cands), text):
        s = _strip_titles(_trim(s, text), text, lang)
        if s.size <= 0 or not keep(s, text, lang):
            continue
        if s.source == "ner" and _common_word(s, text, lang, lower_words):
            continue
        if s.source != "gaz" and s.label in ("ORG", "PER") and _covered(s, posts):
            continue  # `Көлік министрі`, `Премьер-Министру`: a post, not its holder or a body
        if s.source != "gaz" and s.label == "ORG" and _covered(s, laws):
            continue  # `Салық кодексі`, eGov: not organisations
        s.canonical = canonical_of(s, text, lang)
        _link(s, text, lang)
        out.append(Span(s.start + offset, s.end + offset, s.label, s.source, s.canonical, s.id, s.name_en))
    return out


_KK_LOCATIVE_ADJ = re.compile(r"(?:дағы|дегі|тағы|тегі)$")
_KK_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін|уші|ушы)$")


def _repair(span: Span, text: str, lang: str) -> Span:
    """Kazakh model slips: a word in -дағы (`Оңтүстіктегі`) is a place, not a person; a trailing
    lower-case participle (`Ұлы Жібек жолы өткен`) is not part of the name."""
    if lang != "kk":
        return span
    words = list(_WORD.finditer(text, span.start, span.end))
    while len(words) > 1 and words[-1].group().islower() and _KK_PARTICIPLE.search(words[-1].group()):
        words.pop()
        span.end, span.canonical = words[-1].end(), None
    if span.label == "PER" and len(words) == 1 and _KK_LOCATIVE_ADJ.search(words[0].group()):
        span.label = "LOC"
    return span


def _strip_titles(span: Span, text: str, lang: str) -> Span:
    """`Вице-министр Ертаев` → `Ертаев`: leading post words are cut from a person (base form redone)."""
    if span.label != "PER":
        return span
    cut = False
    for m in _WORD.finditer(text, span.start, span.end):
        if not _has_stem(m.group(), lang, "title") or m.end() >= span.end:
            break
        nxt = _WORD.search(text, m.end(), span.end)
        if nxt is None:
            break
        span.start, cut = nxt.start(), True
    if cut:
        span.canonical = None
    return span


def _trim(span: Span, text: str) -> Span:
    """No surrounding spaces or punctuation (but keep closing quotes and initials' dots)."""
    s, e = span.start, span.end
    while s < e and (text[s].isspace() or text[s] in ",;:!?()"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:!?()"):
        e -= 1
    while e < len(text) and text[e] == "»" and text[s:e].count("«") > text[s:e].count("»"):
        e += 1  # `АО «НК «Қазақстан темір жолы»»`: closing quotes belong to the name
    span.start, span.end = s, e
    return span


def _link(span: Span, text: str, lang: str) -> None:
    """id and name_en from the gazetteer when it knows the mention; a transliteration for persons."""
    surface = text[span.start:span.end]
    if span.label == "PER" and span.source != "gaz":
        media = link(surface, "ORG", lang)
        if media is not None and media.kind == "media":
            span.label, span.canonical = "ORG", surface  # `Kazinform тілшісі`: an agency, never a person
    if span.id is None:
        rec = link(surface, span.label, lang)
        if rec is None and span.canonical and span.canonical != surface:
            rec = link(span.canonical, span.label, lang)
        if rec is not None:
            span.id, span.name_en = rec.id, rec.name_en
    if span.name_en is None and span.label == "PER" and span.canonical:
        span.name_en = person_name_en(span.canonical)


def extract_entities(doc: Document, backend: str | None = None) -> list[Entity]:
    """Every PER/ORG/LOC mention of the document, in text order, with page, base form and link.

    `backend`: `default` (the shipped kk/ru models) or `stanza` (local stanza models); None reads
    $SAUAL_NER_BACKEND.
    """
    return entities_of(segment(doc), backend)


@extractor("entities", Entity)
def entities_of(segmentation: Segmentation, backend: str | None = None) -> list[Entity]:
    """The entities of a segmented document (the registered extractor)."""
    backend = backend_setting(backend)
    doc = segmentation.doc
    paras = [(p.start, p.text, p.script_lang, p.page) for p in segmentation.segments if p.text.strip()]
    model: dict[int, list[Span]] = {i: [] for i in range(len(paras))}
    for lang in ("kk", "ru"):
        mine = [i for i, p in enumerate(paras) if p[2] == lang]
        for i, spans in zip(mine, ner_batch([paras[i][1] for i in mine], lang, backend), strict=True):
            model[i] = spans
    for i, spans in signature_spans([(p[1], p[2]) for p in paras]).items():
        model[i] = model[i] + spans
    lower = lowercase_words(doc.text)
    out: list[Entity] = []
    for i, (start, text, lang, page) in enumerate(paras):
        for s in spans_of(text, lang, start, backend, model.get(i, []), lower):
            out.append(Entity(text=doc.text[s.start:s.end], start=s.start, end=s.end, label=s.label,
                              canonical=s.canonical or doc.text[s.start:s.end], page=doc.page_at(s.start) or page,
                              name_en=s.name_en, id=s.id))
    return out
