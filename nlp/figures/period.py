"""A figure's reference year and period: the year mentions of its sentence, present-time cues and tense."""

from __future__ import annotations

import re
from functools import cache

from ..lang.cases import case_endings
from ..lang.morph import parses
from ..lang.wordlists import ending_alt, word_alt, word_forms
from ..numbers import NumberMatch
from .draft import Counted, Cue, Draft, FigureSentence, YearMention
from .lexicon import WORD_RE, lexicon

_DAY = r"(?:\d{1,2}\s+\w+\s+)?"  # до 1 января 2025 года


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Year, bound and reference-period patterns; the words are data (period_words_<lang>)."""
    def w(role: str) -> str:
        return word_alt("period_words", role)

    abl = ending_alt(case_endings("abl"))
    return {
        "year": re.compile(r"(?<![\d.,\-])(?P<y>1[89]\d\d|20\d\d)(?:\s*[-–—]\s*(?P<y2>1[89]\d\d|20\d\d))?"
                           rf"(?:\s*[-‐]?\s*)(?=(?:{w('year_mark')}))", re.IGNORECASE),
        "until_before": re.compile(rf"(?:^|\s)(?:{w('until')})\s+{_DAY}$"),
        "until_after": re.compile(rf"\b(?:{w('until_after')})\b"),
        "since_before": re.compile(rf"(?:^|\s)(?:{w('since')})\s+{_DAY}$"),
        "since_after": re.compile(rf"^\s*\w*(?:{abl})\s+(?:{w('since_after')})"),
        "ablative_end": re.compile(rf"(?:{abl})$"),
        "start_from": re.compile(rf"(?:^|\s)(?:{w('from')})\s*$"),
        "start_to": re.compile(rf"\s*(?:{w('to')})\s+\d"),
        # a Kazakh postposition may carry an ending (`ішіндегі`); a Russian preposition is a whole word
        "ref_tail": re.compile(rf"\s*(?:{word_alt('period_words', 'ref_tail', ('kk',))}|"
                               rf"(?:{word_alt('period_words', 'ref_tail', ('ru',))})\b)", re.IGNORECASE),
        "ref_for": re.compile(rf"(?:^|[\s,(])({w('for')})\s+$", re.IGNORECASE),
    }


def year_mentions(text: str, sent: FigureSentence) -> list[YearMention]:
    """The years mentioned in a sentence, in text order."""
    return [year_mention(text, ym, sent) for ym in _patterns()["year"].finditer(text, sent.start, sent.end)]


def year_mention(text: str, ym: re.Match, sent: FigureSentence) -> YearMention:
    """A year mentioned in a sentence: (start, end, year or None for deadlines/starts/ranges, period)."""
    y, y2 = int(ym.group("y")), ym.group("y2")
    if y2:
        return ym.start(), ym.end(), None, f"{y}–{y2}"
    before = text[max(sent.start, ym.start() - 18):ym.start()].lower()
    after = text[ym.end():min(sent.end, ym.end() + 40)].lower()
    after = re.split(r"[,;()]", after)[0]
    p = _patterns()
    if p["until_before"].search(before) or p["until_after"].search(after):
        return ym.start(), ym.end(), None, f"until {y}"
    if p["since_before"].search(before) or p["since_after"].search(after):
        return ym.start(), ym.end(), None, f"since {y}"
    return ym.start(), ym.end(), y, str(y)


def when(text: str, d: Draft, doc_year: int | None, langs: tuple[str, ...]) -> None:
    """Reference year and period: clause year > clause present cue > clause present tense >
    sentence year > sentence present cue or reference period > sentence tense; else null."""
    if d.kind == "proposal":
        return
    sent = d.sentence
    ca, cb = sent.clause_of(d.m.start)
    pos = d.m.start
    ref = min((c for c in sent.cues if c.kind in ("refperiod", "refspan")), key=lambda c: c.start, default=None)
    ref_text = (ref.text if ref.kind == "refspan" else _ref_period_text(text, ref, sent)) if ref else None
    if ref_text and _is_start_value(text, d):
        d.period = f"start of {ref_text}"
        return
    in_clause = [y for y in sent.years if ca <= y[0] < cb]
    chosen = _nearest(in_clause, pos)
    if chosen:
        d.year, d.period = chosen[2], chosen[3]
        if d.year is not None:
            if ref is not None and ref.kind == "refspan" and 0 <= chosen[0] - ref.end <= 3:
                tail = re.match(r"[^\W\d_]*\.?", text[chosen[1]:cb])  # the year word: года, жылғы
                d.period = " ".join(text[ref.start:chosen[1] + tail.end()].split())  # за 9 месяцев 2025 года
            return
    if chosen and not sent.has("present", ca, cb):
        return  # until 2028, since 2023: a bound, not the reference year
    if sent.has("present", ca, cb) or _present_tense(text, ca, cb, langs):
        return _now(d, doc_year, ref_text)
    chosen = _nearest([y for y in sent.years if y[2] is not None], pos)
    if chosen:
        d.year, d.period = chosen[2], chosen[3]
        return
    if sent.has("present") or ref_text:
        return _now(d, doc_year, ref_text)
    if _present_tense(text, sent.start, sent.end, langs):
        return _now(d, doc_year, ref_text)
    if "ru" in langs and _ru_nominal([w.lower() for w in WORD_RE.findall(text, sent.start, sent.end) if len(w) > 3]):
        d.elliptic = True  # a sentence with no verb at all: present, unless it continues a count before it
        _now(d, doc_year, ref_text)


def _now(d: Draft, doc_year: int | None, ref_text: str | None) -> None:
    d.year = doc_year
    d.period = f"now, after {ref_text}" if ref_text else "now"


def _nearest(items: list[YearMention], pos: int) -> YearMention | None:
    before = [y for y in items if y[1] <= pos]
    if before:
        return before[-1]
    return items[0] if items else None


def _ref_period_text(text: str, ref: Cue, sent: FigureSentence) -> str:
    m = re.compile(r"[^\S\n]*(?:\S+[^\S\n]+){0,1}\S+").match(text, ref.end, sent.end)
    return (text[ref.start:m.end()] if m else ref.text).strip(" ,.;")


def _is_start_value(text: str, d: Draft) -> bool:
    """The first value of `30 пайыздан 51 пайызға`, `с 30 до 51 процентов`: the level at the start."""
    span = text[d.m.start:d.m.end].lower()
    tail = text[d.m.end:d.m.end + 40]
    p = _patterns()
    if p["ablative_end"].search(span) and re.match(r"\s*\d", tail):
        return True
    return bool(p["start_from"].search(text[max(0, d.m.start - 4):d.m.start].lower()) and p["start_to"].match(tail))


def _present_tense(text: str, a: int, b: int, langs: tuple[str, ...]) -> bool:
    """The clause's last predicate is in the present or future (a rough, data-free morphology check)."""
    words = WORD_RE.findall(text, a, b)
    if not words:
        return False
    for lang in langs:
        if lexicon(lang).present.search(text, a, b):
            return True
    tail = [w.lower() for w in words[-3:]]
    if "kk" in langs and any(len(w) > 3 and w.endswith(word_forms("verb_endings", "present", ("kk",)))
                             for w in tail[-2:]):
        return True
    if "ru" in langs:
        return _ru_present([w.lower() for w in words if len(w) > 3])
    return False


def _ru_nominal(words: list[str]) -> bool:
    """A clause with no verb at all (`В стране 3 тыс. фельдшеров`): a Russian nominal clause is in the present.
    A verb is any word pymorphy3 reads first as a finite verb, infinitive, short participle or gerund."""
    return bool(words) and not any(parses(w) and parses(w)[0].tag.POS in _VERBAL for w in words)


_VERBAL = frozenset({"VERB", "INFN", "PRTS", "GRND"})


def _ru_present(verbs: list[str]) -> bool:
    """Some word has a present ending (short ones only in short words) or is a long present-state
    participle, and none has a past ending."""
    ru = ("ru",)
    present, short = word_forms("verb_endings", "present", ru), word_forms("verb_endings", "present_short", ru)
    state, past = word_forms("verb_endings", "state", ru), word_forms("verb_endings", "past", ru)
    pres = [w for w in verbs if w.endswith(present) or (len(w) <= 6 and w.endswith(short))
            or (len(w) >= 9 and w.endswith(state))]
    return bool(pres) and not any(len(w) > 4 and w.endswith(past) for w in verbs)


def is_reference_time(text: str, m: NumberMatch, counted: Counted, sent: FigureSentence) -> bool:
    """`соңғы 3 жылда`, `за последние 3 года`, `за 9 месяцев`, `9 айдың қорытындысы бойынша`, `5 лет назад`:
    a period or a point in time, not a figure. A period with no cue of its own becomes a `refspan` cue."""
    before = [c for c in sent.cues if c.kind == "refperiod" and 0 <= m.start - c.end <= 12]
    after = [c for c in sent.cues if c.kind == "ago" and 0 <= c.start - counted.end <= 3]
    if before or after:
        return True
    tail = _patterns()["ref_tail"].match(text, counted.end, sent.end)
    za = _patterns()["ref_for"].search(text, max(sent.start, m.start - 4), m.start)
    if za and (sent.has("norm") or sent.has("proposal")):
        za = None  # `рассмотреть за 3 дня`: a required length, not a reference period
    if not (tail or za):
        return False
    start = za.start(1) if za else m.start
    # a Kazakh tail (`ішінде`) belongs to the period; a Russian preposition after it (`за`) does not
    own_tail = tail and tail.group().strip().lower() not in word_forms("period_words", "ref_tail", ("ru",))
    end = tail.end() if own_tail else counted.end
    sent.cues.append(Cue(start, end, "refspan", " ".join(text[start:end].split())))
    return True
