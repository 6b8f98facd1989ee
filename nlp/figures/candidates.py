"""Figure drafts of one paragraph: numbers (nlp.numbers) that count something, with their counted noun,
unit and span; addresses and reference periods are left out; kind, period and what are then set."""

from __future__ import annotations

import re

from ..lang import LANGS, Sentence, split_sentences
from ..numbers import NumberMatch, find_numbers
from .draft import Counted, Cue, Draft, FigureSentence
from .kind import kind_of
from .lexicon import CURRENCIES, WORD_RE, lexicon
from .period import is_reference_time, when, year_mentions
from .what import subject_counts_persons, what_of

_STOP_RE = re.compile(r"[.,;:!?()\[\]«»\"“”–—]")


def drafts(text: str, lang: str | None, doc_year: int | None, split: list[Sentence] | None = None) -> list[Draft]:
    """The figure drafts of one paragraph, in text order (`split`: its sentences, when already made)."""
    numbers = find_numbers(text, lang)
    if not numbers:
        return []
    langs = (lang,) if lang in LANGS else LANGS
    if split is None:
        split = split_sentences(text)
    sents = [_sentence(text, sent, langs) for sent in split]
    out: list[Draft] = []
    si = 0
    for m in numbers:
        while si < len(sents) - 1 and sents[si].end <= m.start:
            si += 1
        sent = sents[si] if sents else FigureSentence(0, len(text), [(0, len(text))])
        d = _draft(text, m, sent, langs)
        if d is None:
            continue
        out.append(d)
    for d in out:
        kind_of(text, d, langs)
        when(text, d, doc_year, langs)
        if d.what is None:
            d.what = what_of(text, d, langs)
    return out


def _sentence(text: str, split: Sentence, langs: tuple[str, ...]) -> FigureSentence:
    s, e = split.start, split.end
    sent = FigureSentence(s, e, list(split.clauses))
    for lang in langs:
        lex = lexicon(lang)
        for cm in lex.cues.finditer(text, s, e):
            sent.cues.append(Cue(cm.start(), cm.end(), lex.cue_payload[cm.lastgroup], cm.group()))
    sent.years.extend(year_mentions(text, sent))
    return sent


def _draft(text: str, m: NumberMatch, sent: FigureSentence, langs: tuple[str, ...]) -> Draft | None:
    zero_rate = m.is_word and m.value == 0 and m.unit is None  # нулевая ставка: numbers licensed it by its rate noun
    counted = None if zero_rate else _counted(text, m, sent, langs)
    unit = "rate" if zero_rate else m.unit
    start, end = m.start, m.end
    if (counted is None or not counted.attached) and _is_address(text, m, sent):
        return None
    if counted is not None:
        if counted.kind in ("time", "age"):
            if is_reference_time(text, m, counted, sent):
                return None
            if unit is None:
                unit = counted.unit
        elif unit is None or (unit == "persons" and counted.unit == "persons"):
            unit = counted.unit
        if counted.kind != "age" or counted.end - m.end < 12:
            end = max(end, counted.end)
    elif unit is None and subject_counts_persons(text, m, sent, langs):
        unit = "persons"
    return Draft(m, start, end, unit, counted, sent)


def _counted(text: str, m: NumberMatch, sent: FigureSentence, langs: tuple[str, ...]) -> Counted | None:
    """The counted noun inside the span after the number, or within three words after it in the clause."""
    num_end = m.start + text[m.start:m.end].find(m.number_text) + len(m.number_text) \
        if m.number_text and m.number_text in text[m.start:m.end] else m.end
    clause_end = sent.clause_of(m.start)[1]
    pos, words = num_end, 0
    limit = min(clause_end, sent.end)
    while pos < limit and words < 4:
        wm = WORD_RE.search(text, pos, limit)
        if not wm:
            break
        gap = text[max(pos, m.end):wm.start()]
        if _STOP_RE.search(gap) and wm.start() >= m.end:
            break
        for lang in langs:
            lex = lexicon(lang)
            cm = lex.counted.match(text, wm.start())
            if cm and (cm.end() == len(text) or not text[cm.end()].isalnum()):
                unit, kind = lex.counted_payload[cm.lastgroup]
                return Counted(unit, kind, wm.start(), cm.end(), wm.start() <= m.end or words == 0)
        if wm.end() > m.end:
            words += 1
        pos = wm.end()
    return None


def _is_address(text: str, m: NumberMatch, sent: FigureSentence) -> bool:
    """`ул. Абая, 2`, `Абай даңғылы, 10`, `д. 5`, `кабинет 305`, `зал № 305`: a house or room number."""
    head = text[max(sent.start, m.start - 80):m.start]
    return any(lexicon(lang).address.search(head) for lang in LANGS)  # addresses mix languages


def series_head(text: str, found: list[Draft], d: Draft) -> Draft | None:
    """The figure just before the open bracket that holds d, counting the same unit."""
    paren = text.rfind("(", 0, d.start)
    if paren < 0 or ")" in text[paren:d.start]:
        return None
    heads = [h for h in found if h.end <= paren and paren - h.end < 60 and h.unit == d.unit]
    return heads[-1] if heads else None


def inherits(prev: tuple[Draft, int], d: Draft, offset: int) -> bool:
    """`Из них 102 тыс.`, `2 тыс. – в Великобритании`: a bare number right after a count of persons
    or things (same paragraph or the next, within a few lines) counts the same noun."""
    pd, poff = prev
    if d.unit is not None or d.counted is not None or not pd.unit or pd.unit in CURRENCIES \
            or pd.unit in ("percent", "rate") or (pd.counted is not None and pd.counted.kind in ("time", "age")):
        return False
    gap = offset + d.start - (poff + pd.end)
    return 0 <= gap < 300 and d.m.value <= pd.m.value and (d.m.value >= 1000 or offset == poff)
