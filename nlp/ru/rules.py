"""Rule passes that repair the statistical Russian NER: titles out of PER, body abbreviations,
legal forms with «quoted names», long official names (genitive chains), position titles and
places inside bodies. Word lists live in nlp/resources/ru_*.tsv.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from nlp.lang import LOWER, UPPER
from nlp.lang.morph import parses
from nlp.lang.resources import form_regex, forms, rows
from nlp.ru.canon import normal
from nlp.ru.model import RawSpan

UP, LOW = UPPER, LOWER
_TOKEN = re.compile(rf"«[^«»\n]{{1,80}}»|\"[^\"\n]{{1,80}}\"|“[^”\n]{{1,80}}”|[{UP}A-Z]\.|\w+(?:[-.]\w+)*|\S")
_INITIAL = re.compile(rf"^[{UP}A-Z]\.$")
_ABBR = re.compile(rf"^[{UP}]{{2,7}}$")
_KZ_LONG = ("республики", "казахстан")
_PREP_CHAIN = {"по": ("datv", "loct")}


@dataclass(frozen=True)
class Tok:
    """A token of the text with its character offsets."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def quoted(self) -> bool:
        return self.text[:1] in "«\"“"


@cache
def _words(name: str, kind: str | None = None) -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows(name) if kind is None or (len(r) > 1 and r[1] == kind))


def titles() -> frozenset[str]:
    return _words("ru_titles.tsv", "title")


def person_noise() -> frozenset[str]:
    return _words("ru_titles.tsv")


def org_heads(kind: str | None = None) -> frozenset[str]:
    return _words("ru_org_heads.tsv", kind)


def legal_forms() -> frozenset[str]:
    return frozenset(r[0] for r in rows("ru_legal_forms.tsv"))


@cache
def _regex(name: str) -> re.Pattern:
    alts = [form_regex(f) for r in rows(name) for f in forms(r[0])]
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")", re.IGNORECASE)


def not_entity(text: str) -> bool:
    """True for words that are never an entity on their own (platforms, headings, tax codes)."""
    return bool(_regex("ru_not_entities.tsv").fullmatch(text.strip()))


@cache
def _abbrev_regex() -> re.Pattern:
    alts = [form_regex(f) for r in rows("ru_org_abbrev.tsv") for f in forms(r[0])]
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")")


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


class Text:
    """Text with its tokens and helpers to move between offsets and token indices."""

    def __init__(self, text: str):
        self.text = text
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]
        self.ends = [t.end for t in self.toks]

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Token index range [i, j) of the tokens inside [start, end)."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)

    def gap(self, i: int) -> str:
        """The characters between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start] if i > 0 else ""


def _gent(tok: Tok) -> bool:
    """A lower-case word that can be genitive (noun, adjective or participle)."""
    return _case(tok, ("gent",))


_NOMINAL = ("NOUN", "ADJF", "PRTF")


def _case(tok: Tok, cases: tuple[str, ...]) -> bool:
    """A lower-case noun, adjective or participle that can stand in one of cases."""
    if not tok.text.isalpha() or tok.cap:
        return False
    ps = parses(tok.low)
    if not ps or ps[0].tag.POS not in _NOMINAL:
        return False
    return any(p.tag.case in cases and p.tag.POS in _NOMINAL and "Abbr" not in p.tag for p in ps)


def _adj(tok: Tok) -> bool:
    return tok.text.isalpha() and any(p.tag.POS in ("ADJF", "PRTF") for p in parses(tok.low)[:2])


def chain_end(tx: Text, j: int, limit: int = 14) -> int:
    """End token index of the genitive chain starting at token j (`труда и социальной защиты населения
    Республики Казахстан`, `по регулированию естественных монополий`); j when there is none."""
    toks, end, i = tx.toks, j, j
    while i < len(toks) and i - j < limit and "\n\n" not in tx.gap(i):
        t = toks[i]
        if _gent(t) or (t.cap and t.text.isalpha() and normal(t.text) in org_heads()
                        and any(p.tag.case == "gent" for p in parses(t.low)[:2])):
            i += 1
            end = i
        elif t.low == "и" and i + 1 < len(toks) and _gent(toks[i + 1]) and end > j:
            i += 1
        elif t.low in _PREP_CHAIN and i + 1 < len(toks) and _case(toks[i + 1], _PREP_CHAIN[t.low]) \
                and toks[i + 1].low not in _words("ru_chain_stops.tsv"):
            i += 2
            end = i
        elif t.text == "РК":
            return i + 1
        elif t.low == "республики" and i + 1 < len(toks) and toks[i + 1].low in ("казахстан", "казахстана"):
            return i + 2
        else:
            break
    return end


# ---------------------------------------------------------------- PER
def clean_person(tx: Text, start: int, end: int) -> list[tuple[int, int]]:
    """The name parts of a PER span: split at line breaks, titles/salutations and their complements cut."""
    out = []
    i0, j0 = tx.tokens(start, end)
    line: list[int] = []
    for k in range(i0, j0 + 1):
        if k == j0 or (line and "\n" in tx.gap(k)):
            out.extend(_trim_person(tx, line))
            line = []
        if k < j0:
            line.append(k)
    return out


def _trim_person(tx: Text, idx: list[int]) -> list[tuple[int, int]]:
    toks = tx.toks
    noise = person_noise()
    while idx:
        t = toks[idx[0]]
        if t.text.isalpha() and (t.low in noise or normal(t.text) in noise or normal(t.text) in org_heads()):
            stop = chain_end(tx, idx[0] + 1)
            idx = [k for k in idx[1:] if k >= stop]
            # `Аким Костаная Кумар Аксакалов`: a place in the genitive before a two-word name
            while len(idx) >= 3 and all(toks[k].cap for k in idx[:3]) and not any(
                    "Name" in p.tag for p in parses(toks[idx[0]].low)[:2]) and any(
                    p.tag.case == "gent" or "Geox" in p.tag for p in parses(toks[idx[0]].low)[:3]):
                idx = idx[1:]
            while idx and (not toks[idx[0]].cap or toks[idx[0]].text in ("РК",)
                           or toks[idx[0]].low in _KZ_LONG):
                idx = idx[1:]
        elif not (t.text[:1].isalpha() and t.cap):
            idx = idx[1:]
        else:
            break
    while idx and (not toks[idx[-1]].text[:1].isalpha() or toks[idx[-1]].low.rstrip(".") in noise):
        idx = idx[:-1]
    if not idx:
        return []
    words = [toks[k] for k in idx if not _INITIAL.match(toks[k].text)]
    if not words or all(normal(w.text) in org_heads() or w.low in titles() for w in words):
        return []
    return [(toks[idx[0]].start, toks[idx[-1]].end)]


_INITS = rf"[{UP}]\. ?(?:[{UP}]\.?)?"
_SURNAME = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"


_SALUTE = re.compile(rf"\b[Уу]важаем(?:ый|ая)\s+(?P<n>[{UP}][{LOW}]+\s+[{UP}][{LOW}]+(?:вич|вна|ұлы|қызы|улы|кызы))\b")
_INITIALS_FIRST = re.compile(rf"(?<![\w.]){_INITS} ?{_SURNAME}(?!\w)")
_SURNAME_FIRST = re.compile(rf"(?<![\w.]){_SURNAME} {_INITS}(?!\w)")


def _surname_like(word: str) -> bool:
    """A capitalised word that may be a surname: not a post, body, place or ordinary dictionary word."""
    if normal(word) in titles() | org_heads() or not_entity(word):
        return False
    ps = parses(word.lower())
    if any("Geox" in p.tag or "Orgn" in p.tag for p in ps[:3]):
        return False
    return not ps[0].is_known or any("Surn" in p.tag or "Name" in p.tag for p in ps[:3])


def person_rules(tx: Text) -> list[tuple[int, int]]:
    """Initials with a surname (`Бектенову О.А.`, `О. А. Бектенов`) and salutations (`Уважаемый Олжас Абаевич`)."""
    out: list[tuple[int, int]] = []
    for rx in (_INITIALS_FIRST, _SURNAME_FIRST):
        for m in rx.finditer(tx.text):
            name = re.search(_SURNAME, m.group())
            if name and _surname_like(name.group()) and not any(overlaps(m.span(), o) for o in out):
                out.append(m.span())
    for m in _SALUTE.finditer(tx.text):
        out.append(m.span("n"))
    return out


# ---------------------------------------------------------------- ORG
def org_rules(tx: Text) -> list[tuple[int, int]]:
    """Body spans found by rule: abbreviations, legal form + «name», head noun + chain or «name»."""
    toks, out = tx.toks, []
    for m in _abbrev_regex().finditer(tx.text):
        i, j = tx.tokens(m.start(), m.end())
        if j > i:
            e = j + 1 if j < len(toks) and toks[j].text == "РК" else j
            out.append((m.start(), toks[e - 1].end))
    forms_ = legal_forms()
    heads, bare = org_heads(), org_heads("bare")
    for i, t in enumerate(toks):
        if _ABBR.match(t.text) and i + 1 < len(toks) and toks[i + 1].text == "РК" and not not_entity(t.text):
            out.append((t.start, toks[i + 1].end))
        if t.text in forms_:
            k = i + 1
            if k < len(toks) and toks[k].text == "РК":
                k += 1
            if k < len(toks) and toks[k].quoted:
                out.append((t.start, toks[k].end))
            continue
        if not t.text.isalpha() or len(t.text) < 3:
            continue
        head = normal(t.text)
        if head not in heads:
            continue
        s = i
        while s > 0 and toks[s - 1].cap and _adj(toks[s - 1]) and "\n\n" not in tx.gap(s):
            s -= 1
        e = chain_end(tx, i + 1)
        # a «quoted name» after the head, possibly after an abbreviation or a short chain
        q = e
        if q < len(toks) and _ABBR.match(toks[q].text):
            q += 1
        if q < len(toks) and toks[q].quoted and "\n\n" not in tx.gap(q):
            out.append((toks[s].start, toks[q].end))
            continue
        lead_cap = toks[s].cap and not _sentence_start(tx, s)
        if e > i + 1 and (head in bare or t.cap):
            out.append((toks[s].start, toks[e - 1].end))
        elif s < i and lead_cap:
            out.append((toks[s].start, toks[max(e, i + 1) - 1].end))
    return out


def _sentence_start(tx: Text, i: int) -> bool:
    if i == 0:
        return True
    return tx.toks[i - 1].text in ".!?:;"


def extend_org(tx: Text, start: int, end: int) -> tuple[int, int]:
    """A model ORG span extended over the genitive chain it stops short of."""
    i, j = tx.tokens(start, end)
    if j <= i or j >= len(tx.toks):
        return start, end
    if any(normal(tx.toks[k].text) in org_heads() for k in range(i, j)):
        e = chain_end(tx, j)
        if e > j:
            return start, tx.toks[e - 1].end
    return start, end


# ---------------------------------------------------------------- filters
def position_title(tx: Text, start: int, end: int) -> bool:
    """True when a span starts with a post (`Премьер-Министру`, `Вице-министр труда`)."""
    i, j = tx.tokens(start, end)
    return j > i and normal(tx.toks[i].text) in titles()


def demonym(tx: Text, start: int, end: int) -> bool:
    """True when every word of a span is an adjective (`казахстанских`, `российские`)."""
    i, j = tx.tokens(start, end)
    words = [t for t in tx.toks[i:j] if t.text.isalpha()]
    if not words:
        return False
    for t in words:
        ps = parses(t.low)
        if not ps or ps[0].tag.POS not in ("ADJF", "ADJS") or any("Geox" in p.tag for p in ps):
            return False
    return True


def generic_phrase(tx: Text, start: int, end: int) -> bool:
    """True for a lower-case phrase with no «name» whose head is no body noun (`кредитные товарищества`)."""
    piece = tx.text[start:end]
    i, j = tx.tokens(start, end)
    if any(q in piece for q in "«\"“") or any(normal(t.text) in org_heads() for t in tx.toks[i:j]):
        return False
    if not any(c.isupper() for c in piece):
        return True
    # a sentence-initial capital only: ordinary known words (`Кредитные товарищества.`)
    words = [t for t in tx.toks[i:j] if t.text.isalpha()]
    return (len(words) >= 2 and _sentence_start(tx, i) and not any(c.isupper() for c in piece[1:])
            and all(parses(t.low)[0].is_known for t in words))


def bare_noun(tx: Text, start: int, end: int) -> bool:
    """True for one known common noun given as a place (`Республики` cut from its name)."""
    word = tx.text[start:end]
    if not word.isalpha():
        return False
    ps = parses(word.lower())
    return bool(ps) and ps[0].is_known and not any("Geox" in p.tag or "Orgn" in p.tag for p in ps[:3])


def common_word(tx: Text, start: int, end: int) -> bool:
    """True for one upper-case token that is an ordinary dictionary word (`ЗАПРОС`, `ОБРАЗОМ`)."""
    word = tx.text[start:end]
    if not (word.isupper() and word.isalpha() and len(word) > 3):
        return False
    ps = parses(word.lower())
    return bool(ps) and all("Abbr" not in p.tag and "Orgn" not in p.tag for p in ps[:2]) and \
        ps[0].is_known and not _abbrev_regex().fullmatch(word)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def repair(text: str, raw: list[RawSpan]) -> list[tuple[int, int, str]]:
    """Rule-repaired spans (start, end, label), sorted and non-overlapping."""
    tx = Text(text)
    orgs: list[tuple[int, int]] = []
    others: list[tuple[int, int, str]] = []
    for sp in raw:
        s, e = sp.start, sp.end
        piece = text[s:e]
        if not_entity(piece) or common_word(tx, s, e):
            continue
        if sp.label == "PER":
            others.extend((a, b, "PER") for a, b in clean_person(tx, s, e))
            continue
        if position_title(tx, s, e) or demonym(tx, s, e):
            continue
        if sp.label == "ORG":
            if not generic_phrase(tx, s, e):
                orgs.append(extend_org(tx, s, e))
        elif not bare_noun(tx, s, e):
            others.append((s, e, sp.label))
    orgs.extend(org_rules(tx))
    orgs = [o for o in orgs if not position_title(tx, *o)]
    merged = _merge(orgs)
    out = [(s, e, "ORG") for s, e in merged]
    pers = [(s, e) for s, e, lab in others if lab == "PER"]
    rule_pers = [p for p in person_rules(tx) if not any(overlaps(p, o) for o in merged)]
    for p in rule_pers:
        pers = [q for q in pers if not overlaps(p, q)] + [p]
    for s, e, lab in others:
        if lab != "PER" and not any(overlaps((s, e), o) for o in merged) and \
                not any(overlaps((s, e), p) for p in rule_pers):
            out.append((s, e, lab))
    out.extend((s, e, "PER") for s, e in pers if not any(overlaps((s, e), o) for o in merged))
    return sorted(set(out))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping ORG spans united into one."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]
