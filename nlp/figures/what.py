"""What a figure counts, in the document's words: the subject phrase, the counted noun with its
complement, or the few words before the number."""

from __future__ import annotations

import re
from functools import cache

from ..lang.cases import case_endings
from ..lang.resources import rows
from ..lang.wordlists import ending_alt, word_alt, word_forms
from ..numbers import NumberMatch
from .draft import Draft, FigureSentence
from .lexicon import WORD_RE, lexicon

MAX_WHAT_WORDS = 8
_RU_CASE_LETTER = "[оаеиуь]?"  # a one-letter Russian noun ending (количеств-о, численност-и)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Subject, complement and link patterns; the words are data (what_words_<lang>, verb_endings_ru)."""
    kk, ru = ("kk",), ("ru",)
    participle, complement = word_alt("verb_endings", "participle", ru), word_alt("what_words", "complement", kk)
    return {
        "kk_subject": re.compile(rf"(?:{word_alt('what_words', 'subject', kk)})$", re.IGNORECASE),
        "ru_subject": re.compile(rf"^(?:{word_alt('what_words', 'subject', ru)})$", re.IGNORECASE),
        "ru_participle_clause": re.compile(rf"\s*,\s*(\w+(?:{participle})\b(?:\s+[^\s,.;]+){{0,3}})", re.IGNORECASE),
        "kk_complement": re.compile(rf"\s+((?:[^\W\d_][\w\-]*\s+){{1,4}}?)(?:{complement})\b", re.IGNORECASE),
        "link": re.compile(word_alt("what_words", "link")),
        "kk_genitive": re.compile(rf"(?:{ending_alt(case_endings('gen'))})$", re.IGNORECASE),
        "ru_count_subject": re.compile(rf"^(?:{word_alt('what_words', 'count_subject', ru)}){_RU_CASE_LETTER}$",
                                       re.IGNORECASE),
    }


def what_of(text: str, d: Draft, langs: tuple[str, ...]) -> str | None:
    """The counted noun phrase in the document's words, short: the subject before (`... саны`, `доля ...`),
    else the counted noun with its complement (`азаматы заңсыз еңбек мигранты болып`, `казахстанцев,
    работающих в Корее`), else the few words before the number."""
    p = _patterns()
    ca, _ = d.sentence.clause_of(d.m.start)
    before = WORD_RE.findall(text, ca, d.m.start)
    for i in range(len(before) - 1, -1, -1):
        if p["kk_subject"].search(before[i]):
            return _clean(before[_kk_phrase_start(before, i):i + 1])
        if p["ru_subject"].match(before[i]):
            return _clean(before[i:i + 5])
    if d.counted is not None and d.counted.kind not in ("time", "age"):
        phrase = text[min(d.m.end, d.counted.start):d.counted.end]
        phrase = " ".join(phrase.split())
        rest = text[d.counted.end:d.sentence.end]
        km = p["kk_complement"].match(rest) if "kk" in langs else None
        pm = p["ru_participle_clause"].match(rest) if "ru" in langs else None
        if km:
            return " ".join(km.group(1).split())
        if pm:
            phrase += ", " + " ".join(pm.group(1).split())
        if phrase:
            return phrase
    return _clean([w for w in before if not w[0].isdigit()][-4:])


@cache
def _kk_bounds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(stop, keep) word patterns of resources/what_bounds_kk.tsv."""
    table: dict[str, list[str]] = {"stop": [], "keep": []}
    for pattern, role in rows("what_bounds_kk.tsv"):
        table[role].append(f"(?:{pattern})")
    return tuple(re.compile("|".join(table[k]) or "(?!)", re.IGNORECASE) for k in ("stop", "keep"))  # type: ignore[return-value]


def _kk_phrase_start(words: list[str], head: int) -> int:
    """Index of the first word of the Kazakh noun phrase whose head is words[head]: modifiers precede
    the head, and walking left a number, a year word or a locative adjunct (`аумағында`) ends it."""
    stop, keep = _kk_bounds()
    start = head
    while start > 0 and head - start < MAX_WHAT_WORDS - 1:
        word = words[start - 1]
        if word[0].isdigit() or (stop.fullmatch(word) and not keep.fullmatch(word)):
            break
        start -= 1
    return start


def _clean(words: list[str]) -> str | None:
    """Drop linking verbs at the ends of a word window (`составлял`, `болды`)."""
    link = _patterns()["link"]
    while words and link.fullmatch(words[-1].lower()):
        words = words[:-1]
    while words and link.fullmatch(words[0].lower()):
        words = words[1:]
    return " ".join(words) or None


def _is_person(word: str, lang: str) -> bool:
    """The word is a person noun of counted_<lang>.tsv (any case form)."""
    lex = lexicon(lang)
    cm = lex.counted.match(word)
    return bool(cm and cm.end() == len(word) and lex.counted_payload[cm.lastgroup][0] == "persons")


def subject_counts_persons(text: str, m: NumberMatch, sent: FigureSentence, langs: tuple[str, ...]) -> bool:
    """`қазақстандықтардың саны 126 мыңға жетті`, `численность граждан ... составила 40 тыс.`: the number
    of the subject phrase counts the person noun that is its genitive head."""
    words = WORD_RE.findall(text, sent.start, m.start)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if "kk" in langs and w in word_forms("what_words", "count_subject", ("kk",)) and i > 0:
            prev = words[i - 1]
            return bool(_patterns()["kk_genitive"].search(prev)) and _is_person(prev, "kk")
        if "ru" in langs and _patterns()["ru_count_subject"].match(w):
            return i + 1 < len(words) and _is_person(words[i + 1], "ru")
    return False
