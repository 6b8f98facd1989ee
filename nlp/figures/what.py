"""What a figure counts, in the document's words: the subject phrase, the counted noun with its
complement, or the few words before the number."""

from __future__ import annotations

import re
from functools import cache

from ..lang.resources import rows
from ..numbers import NumberMatch
from .draft import Draft, FigureSentence
from .lexicon import WORD_RE, lexicon

MAX_WHAT_WORDS = 8
_KK_SUBJECT_RE = re.compile(r"(?:саны|үлесі|көлемі|мөлшері|сомасы|деңгейі|шамасы)$", re.IGNORECASE)
_RU_SUBJECT_RE = re.compile(r"^(?:доля|долю|доли|количество|число|численность|размер|объем|объём|сумма|"
                            r"уровень|показатель)$", re.IGNORECASE)
_RU_PARTICIPLE_CLAUSE_RE = re.compile(r"\s*,\s*(\w+(?:щих|вших|мых|нных|щие|вшие)\b(?:\s+[^\s,.;]+){0,3})", re.IGNORECASE)
_KK_COMPLEMENT_RE = re.compile(r"\s+((?:[^\W\d_][\w\-]*\s+){1,4}?)(?:болып|ретінде)\b", re.IGNORECASE)
_LINK_RE = re.compile(r"составля\w*|составил\w*|был|была|было|были|является|являются|болды|болып|болған|құрады|құрайды|"
                      r"бар|жоқ|из|них|их|то|это|и|мен|және|оның|олардың|мәселен|тағы|сразу|под|на|в|по|с|для")
_KK_GENITIVE_RE = re.compile(r"(?:дың|дің|тың|тің|ның|нің)$", re.IGNORECASE)
_RU_COUNT_SUBJECT_RE = re.compile(r"^(?:количеств|численност|числ)[оаеиуь]?$", re.IGNORECASE)


def what_of(text: str, d: Draft, langs: tuple[str, ...]) -> str | None:
    """The counted noun phrase in the document's words, short: the subject before (`... саны`, `доля ...`),
    else the counted noun with its complement (`азаматы заңсыз еңбек мигранты болып`, `казахстанцев,
    работающих в Корее`), else the few words before the number."""
    ca, _ = d.sentence.clause_of(d.m.start)
    before = WORD_RE.findall(text, ca, d.m.start)
    for i in range(len(before) - 1, -1, -1):
        if _KK_SUBJECT_RE.search(before[i]):
            return _clean(before[_kk_phrase_start(before, i):i + 1])
        if _RU_SUBJECT_RE.match(before[i]):
            return _clean(before[i:i + 5])
    if d.counted is not None and d.counted.kind not in ("time", "age"):
        phrase = text[min(d.m.end, d.counted.start):d.counted.end]
        phrase = " ".join(phrase.split())
        rest = text[d.counted.end:d.sentence.end]
        km = _KK_COMPLEMENT_RE.match(rest) if "kk" in langs else None
        pm = _RU_PARTICIPLE_CLAUSE_RE.match(rest) if "ru" in langs else None
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
    while words and _LINK_RE.fullmatch(words[-1].lower()):
        words = words[:-1]
    while words and _LINK_RE.fullmatch(words[0].lower()):
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
        if "kk" in langs and w == "саны" and i > 0:
            prev = words[i - 1]
            return bool(_KK_GENITIVE_RE.search(prev)) and _is_person(prev, "kk")
        if "ru" in langs and _RU_COUNT_SUBJECT_RE.match(w):
            return i + 1 < len(words) and _is_person(words[i + 1], "ru")
    return False
