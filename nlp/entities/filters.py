"""The gold conventions and model-noise filters: overlaps resolved, titles, laws, demonyms, seasons,
streets and common words dropped; spans trimmed and repaired."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache, lru_cache

from ..gazetteer import find_not_orgs, find_positions
from .base_forms import kazakh_base, kazakh_surname_base
from .span import PRIORITY, Span
from .vocabulary import (
    WORD,
    adjective_end,
    conjunctions,
    demonym_end,
    entity_words,
    has_stem,
    kk_ending,
    particles,
    season_endings,
    surname_suffix,
)


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
    words = WORD.findall(surface)
    if not words:
        return False
    if span.source == "gaz":
        return True
    if _heading_doctype(surface, words, lang) or _season(words, lang) or _street_name(span, text, lang):
        return False
    if span.label == "ORG" and not _org_ok(span, text, surface, words, lang):
        return False
    if span.label == "ORG" and words[-1].islower() and adjective_end().search(words[-1]):
        return False  # `Көкшетау қаласындағы облыстық`: a name cut before its head noun
    if span.label in ("ORG", "LOC") and has_stem(words[-1], lang, "not_org"):
        return False  # `Депутаттық сауал`, `Қағидаларда`: a document, law or system
    if span.label == "PER" and not _person_ok(span, text, words, lang):
        return False
    if span.label == "LOC":
        if not surface[:1].isupper():
            return False
        if demonym_end().search(words[-1].lower()):
            return False
    return True


def _org_ok(span: Span, text: str, surface: str, words: list[str], lang: str) -> bool:
    """An ORG span names a body: a capital, no post or law head, not the model's bare generic noun."""
    if not any(ch.isupper() for ch in surface):
        return False  # `кредитные товарищества`, `qaztech`: a common noun or a lower-case brand
    if has_stem(words[-1], lang, "title") or has_stem(words[-1], lang, "not_org"):
        return False
    if len(words) == 1 and not words[0].isupper() and has_stem(words[0], lang, "generic"):
        return False  # `Министерство` alone: the model's guess of a body it cannot name
    if _after_not_org(text, span.start, lang):
        return False  # `Реестр ОТП`, `платформ eGov и Qaztech`
    return not (any(has_stem(w, lang, "not_org") for w in words)
                and not any(has_stem(w, lang, "org_head") or has_stem(w, lang, "org_lead") for w in words))


def _person_ok(span: Span, text: str, words: list[str], lang: str) -> bool:
    """A PER span names someone: not a system's name, a lone sentence-initial word or posts only."""
    if words[-1].isascii() and has_stem(words[-1], lang, "not_org"):
        return False  # `Employment Permit System`
    if len(words) == 1 and span.source == "ner" and not surname_like(words[0]) \
            and sentence_start(text, span.start):
        return False  # `Кейде`: a lone sentence-initial word without a surname's ending
    named = [w for w in words if not has_stem(w, lang, "title") and w[:1].isupper()]
    if not named:
        return False
    return words[0].lower() not in entity_words("kk").get("not_person", ())


def surname_like(word: str) -> bool:
    """The word (Kazakh case ending cut) ends like a surname."""
    return surname_suffix().search(kazakh_surname_base(word)) is not None


def _heading_doctype(surface: str, words: list[str], lang: str) -> bool:
    """`БАСПАСӨЗ РЕЛИЗІ`, `ДЕПУТАТСКИЙ ЗАПРОС`, `Справка`: a document-type heading, not a name."""
    if not any(has_stem(w, lang, "doctype") for w in words):
        return False
    return len(words) == 1 or not any(ch.islower() for ch in surface)


def _season(words: list[str], lang: str) -> bool:
    """`Күзде`, `Қыста`, `Осенью`: a season (with a Kazakh case ending), not a place or person."""
    if len(words) != 1:
        return False
    low = words[0].lower()
    for stem in entity_words(lang).get("season", ()):
        if low == stem or lang == "kk" and low.startswith(stem) and low[len(stem):] in season_endings():
            return True
    return False


def _street_name(span: Span, text: str, lang: str) -> bool:
    """`ул. Мәңгілік Ел`, `проспект Абая`, `Абай көшесі`, `Самал шағын ауданы`: a street's name, not a
    person (or, unlinked, a place): the name right after a street abbreviation or before a street noun."""
    if span.label not in ("PER", "LOC"):
        return False
    before = list(WORD.finditer(text, max(0, span.start - 20), span.start))
    if before and not text[before[-1].end():span.start].strip(" \t."):
        w = before[-1].group().lower()
        dotted = text[before[-1].end():span.start].strip().startswith(".")
        for stem in entity_words(lang).get("street_before", ()):
            if w == stem and dotted or len(stem) >= 4 and w.startswith(stem):
                return True
    after = list(WORD.finditer(text, span.end, min(len(text), span.end + 40)))[:2]
    if after and not text[span.end:after[0].start()].strip():
        pair = " ".join(m.group().lower() for m in after)
        return any(pair.startswith(stem) for stem in entity_words("kk").get("street_after", ()))
    return False


def _after_not_org(text: str, start: int, lang: str) -> bool:
    """The span follows a law/platform/registry noun, over other names and `и`/`және` only."""
    before = list(WORD.finditer(text, max(0, start - 60), start))
    for w in reversed(before[-4:]):
        word = w.group()
        if has_stem(word, lang, "not_org"):
            return True
        if word.lower() in conjunctions() or word.isupper() or any("a" <= ch.lower() <= "z" for ch in word):
            continue
        return False
    return False


def merge_particles(spans: list[Span], text: str) -> list[Span]:
    """`Людвиг` + `ван` + `Бетховен`: a person, a nobiliary particle and a capitalised word are one person."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        gap = text[prev.end:s.start] if prev else ""
        if prev is not None and prev.label == "PER" and gap.strip().lower() in particles() and \
                len(gap) <= 6 and s.source != "gaz" and text[s.start:s.start + 1].isupper() and " " not in \
                text[s.start:s.end].strip():
            out[-1] = Span(prev.start, s.end, "PER", "rule")
            continue
        out.append(s)
    return out


def lowercase_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case at least once."""
    return frozenset(w for w in WORD.findall(text) if w.islower())


@cache
def _stop_words(lang: str) -> frozenset[str]:
    if lang == "kk":
        from ..kk.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    return frozenset()


def sentence_start(text: str, i: int) -> bool:
    """Offset `i` starts a sentence (only opening quotes or brackets before it)."""
    before = text[:i].rstrip(" \t«\"“(")
    return not before or before[-1] in ".!?…:;\n)–—-"


def common_word(span: Span, text: str, lang: str, lower_words: frozenset[str]) -> bool:
    """A model span whose only capital is its sentence start, on a word written lower case elsewhere
    (`Кейде`, `Депутаттық сауал`, `Театр`), or a stop word."""
    words = WORD.findall(text[span.start:span.end])
    if len(words) == 1 and (words[0].lower() in _stop_words(lang)
                            or words[0].lower() in entity_words(lang).get("stop", ())):
        return True
    capital = [w for w in words if w[:1].isupper()]
    if capital != words[:1] or words[0].isupper() or not sentence_start(text, span.start):
        return False
    first = words[0].lower()
    stem = kazakh_base(first) if lang == "kk" else first
    return first in lower_words or (len(stem) >= 4 and _has_prefix(_sorted_words(lower_words), stem))


@lru_cache(maxsize=4)
def _sorted_words(words: frozenset[str]) -> list[str]:
    """A document's lower-case words sorted once, so a prefix lookup is a bisection, not a scan per span."""
    return sorted(words)


def _has_prefix(words: list[str], stem: str) -> bool:
    i = bisect_left(words, stem)
    return i < len(words) and words[i].startswith(stem)


def covered(span: Span, others: list[tuple[int, int]], share: float = 0.6) -> bool:
    """Most of `span` lies inside one of `others` (a position title, a law's name)."""
    for s, e in others:
        inter = min(e, span.end) - max(s, span.start)
        if inter > 0 and inter >= share * span.size:
            return True
    return False


def not_entities(text: str, lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(position titles, laws/codes/programmes/platforms) the gazetteer finds in one paragraph."""
    posts = [(m.start, m.end) for m in find_positions(text, lang)]
    laws = [(m.start, m.end) for m in find_not_orgs(text, lang)]
    return posts, laws


def repair(span: Span, text: str, lang: str) -> Span:
    """Kazakh model slips: a word in -дағы (`Оңтүстіктегі`) is a place, not a person; a trailing
    lower-case participle (`Ұлы Жібек жолы өткен`) is not part of the name."""
    if lang != "kk":
        return span
    words = list(WORD.finditer(text, span.start, span.end))
    participle = kk_ending("participle_endings_kk.tsv")
    while len(words) > 1 and words[-1].group().islower() and participle.search(words[-1].group()):
        words.pop()
        span.end, span.canonical = words[-1].end(), None
    if span.label == "PER" and len(words) == 1 and kk_ending("locative_endings_kk.tsv").search(words[0].group()):
        span.label = "LOC"
    return span


def strip_titles(span: Span, text: str, lang: str) -> Span:
    """`Вице-министр Ертаев` → `Ертаев`: leading post words are cut from a person (base form redone)."""
    if span.label != "PER":
        return span
    cut = False
    for m in WORD.finditer(text, span.start, span.end):
        if not has_stem(m.group(), lang, "title") or m.end() >= span.end:
            break
        nxt = WORD.search(text, m.end(), span.end)
        if nxt is None:
            break
        span.start, cut = nxt.start(), True
    if cut:
        span.canonical = None
    return span


def trim(span: Span, text: str) -> Span:
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
