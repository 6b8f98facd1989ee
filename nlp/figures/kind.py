"""A figure's kind: statistic, money, count, rate, norm, proposal or duration."""

from __future__ import annotations

import re
from functools import cache

from ..lang.cases import case_endings
from ..lang.wordlists import ending_alt, word_alt
from .draft import Draft
from .lexicon import CURRENCIES


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Proposal and growth patterns; the words are data (kind_words_<lang>, verb_endings_<lang>)."""
    kk, ru = ("kk",), ("ru",)
    noun, noun_acc = word_alt("verb_endings", "verbal_noun", kk), word_alt("verb_endings", "verbal_noun_acc", kk)
    modal, infinitive = word_alt("kind_words", "modal", ru), word_alt("verb_endings", "infinitive", ru)
    need, growth_by = word_alt("kind_words", "need", kk), word_alt("kind_words", "by", ru)
    return {
        # `арттыру қажет`, `...көбейтуді.`: a verbal noun with a need word, or closing the sentence
        "kk_proposal": re.compile(rf"\w{{3,}}(?:{noun})\s+(?:{need})\b|\w{{3,}}(?:{noun_acc})\s*[;.]?\s*$",
                                  re.IGNORECASE),
        # `необходимо увеличить`: a modal word, then an infinitive within three words
        "ru_proposal": re.compile(rf"\b(?:{modal})\s+(?:\w+\s+){{0,2}}\w+(?:{infinitive})\b", re.IGNORECASE),
        "dative_end": re.compile(rf"(?:{ending_alt(case_endings('dat'))})\s*$"),
        "kk_growth": re.compile(rf"\s*(?:{word_alt('kind_words', 'growth', kk)})"),
        "ablative_end": re.compile(rf"(?:{ending_alt(case_endings('abl'))})\s+$"),
        "ru_growth": re.compile(rf"(?:{word_alt('kind_words', 'growth', ru)})\s+(?:{growth_by})\s+$"),
    }


def kind_of(text: str, d: Draft, langs: tuple[str, ...]) -> None:
    """Set d.kind: statistic, money, count, rate, norm, proposal or duration."""
    sent = d.sentence
    ca, cb = sent.clause_of(d.m.start)
    if _is_proposal(text, d, langs):
        d.kind = "proposal"
    elif d.unit in CURRENCIES:
        d.kind = "money"
    elif d.counted is not None and d.counted.kind in ("time", "age") and d.unit == d.counted.unit:
        d.kind = "duration"
    elif sent.has("norm", ca, cb):
        d.kind = "norm"
    elif d.unit == "rate":
        d.kind = "rate"
    elif d.unit == "percent":
        rate = sent.has("rate") or _rate_growth(text, d)
        d.kind = "rate" if rate else "statistic"
    elif d.counted is not None and d.counted.kind == "count":
        d.kind = "count"
    else:
        d.kind = "statistic"


def _is_proposal(text: str, d: Draft, langs: tuple[str, ...]) -> bool:
    sent = d.sentence
    body = text[sent.start:sent.end]
    if sent.has("proposal"):
        return True
    if "kk" in langs and _patterns()["kk_proposal"].search(body):
        return True
    return "ru" in langs and bool(_patterns()["ru_proposal"].search(body))


def _rate_growth(text: str, d: Draft) -> bool:
    """`80 пайызға артты`, `выросла на 5%`: a percent change without a starting level is a rate."""
    tail = text[d.m.end:d.m.end + 25].lower()
    head = text[max(d.sentence.start, d.m.start - 25):d.m.start].lower()
    p = _patterns()
    if p["dative_end"].search(text[d.m.start:d.m.end].lower()) and p["kk_growth"].match(tail):
        return not p["ablative_end"].search(head)
    return bool(p["ru_growth"].search(head))
