"""Figures: every statistic of a Document as a record (value, qualifier, unit, what, kind, year, place, source).

`extract_figures(doc)` runs paragraph by paragraph in the paragraph's language: sentences → numbers
(nlp.numbers) → one Figure per number that the gold conventions count as a figure. Around the number it
reads, from data files in nlp/resources/:
- the counted noun (`counted_<lang>.tsv`: адам → persons, бөгет → dams, года → years) that gives the
  unit, extends the span when directly attached and says whether a length of time is a duration;
- cues (`figcues_<lang>.tsv`): present-time words (year = document year, period "now"), reference
  periods (`соңғы 3 жылда`: a period, not a figure), proposals, norms, rates, "abroad";
- the reference year from the clause or sentence (`2022 жылғы жағдай бойынша`, `в 2019 году`), each
  item of a series keeping its own year; never the publication year by default;
- the place (nlp.gazetteer), the source (nlp.sources) and the indicator (nlp.indicators) when those
  modules are installed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cache

from ingest import Document

from . import sources
from .analysis import Figure
from .extractors import extractor
from .gazetteer import find_places
from .indicators import indicator_for
from .lang import LANGS, Segmentation, Sentence, clauses, segment, sentences
from .lang.resources import alternation, form_regex, forms, lang_rows, rows
from .numbers import NumberMatch, find_numbers

__all__ = ["extract_figures", "figures_in_text"]

CURRENCIES = frozenset({"KZT", "USD", "EUR", "RUB", "CNY", "GBP", "KRW"})
_WORD_RE = re.compile(r"[^\W_][\w\-‐]*")
_STOP_RE = re.compile(r"[.,;:!?()\[\]«»\"“”–—]")
_YEAR_RE = re.compile(
    r"(?<![\d.,\-])(?P<y>1[89]\d\d|20\d\d)(?:\s*[-–—]\s*(?P<y2>1[89]\d\d|20\d\d))?"
    r"(?:\s*[-‐]?\s*)(?=ж\.|жж|жыл|г\.|гг|год|года|году|годах|годы|годов\b)", re.IGNORECASE)
_KK_PRESENT_RE = re.compile(r"(?:йды|йді|ады|еді|уде|уда|юде|юда|ңыз|ңіз|мыз|міз|йтын|йтін|атын|етін)$")
_RU_PRESENT_RE = re.compile(r"(?:ает|яет|еет|ует|ают|яют|еют|уют|ется|ются|ится|ятся|ут|ют|ит)$")
_RU_STATE_RE = re.compile(r"(?:ован|ирован|лен|ен|ан)(?:а|о|ы)$")  # реализована, установлены: a present state
_RU_PAST_RE = re.compile(r"(?:ал|ял|ел|ил|ыл|ол|ла|ло|ли|лся|лась|лось|лись)$")
_KK_PROPOSAL_RE = re.compile(r"\w{3,}(?:у|ю)\s+(?:қажет|керек)\b|\w{3,}(?:уды|уді|юды|юді)\s*[;.]?\s*$",
                             re.IGNORECASE)
_RU_PROPOSAL_RE = re.compile(r"\b(?:необходимо|следует|нужно|надо|прошу|просим)\s+(?:\w+\s+){0,2}\w+(?:ть|ти|чь)\b",
                             re.IGNORECASE)
_LIST_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–—•])\s*")
_KK_SUBJECT_RE = re.compile(r"(?:саны|үлесі|көлемі|мөлшері|сомасы|деңгейі|шамасы)$", re.IGNORECASE)
_RU_SUBJECT_RE = re.compile(r"^(?:доля|долю|доли|количество|число|численность|размер|объем|объём|сумма|"
                            r"уровень|показатель)$", re.IGNORECASE)
_RU_PARTICIPLE_CLAUSE_RE = re.compile(r"\s*,\s*(\w+(?:щих|вших|мых|нных|щие|вшие)\b(?:\s+[^\s,.;]+){0,3})", re.IGNORECASE)
_KK_COMPLEMENT_RE = re.compile(r"\s+((?:[^\W\d_][\w\-]*\s+){1,4}?)(?:болып|ретінде)\b", re.IGNORECASE)
_LINK_RE = re.compile(r"составля\w*|составил\w*|был|была|было|были|является|являются|болды|болып|болған|құрады|құрайды|"
                      r"бар|жоқ|из|них|их|то|это|и|мен|және|оның|олардың|мәселен|тағы|сразу|под|на|в|по|с|для")


@dataclass
class _Counted:
    """The counted noun of a number: unit code, kind and where it ends."""

    unit: str
    kind: str
    start: int
    end: int
    attached: bool


@dataclass
class _Lexicon:
    """The compiled resources of one language."""

    counted: re.Pattern
    counted_payload: dict[str, tuple[str, str]]
    cues: re.Pattern
    cue_payload: dict[str, str]
    present: re.Pattern
    address: re.Pattern


def _address_regex(lang: str) -> re.Pattern:
    """Text ending right before a house/room number: `кабинет `, `зал № `, `ул. Абая, `, `Абай даңғылы, 10, `."""
    table: dict[str, list[str]] = {"street": [], "room": []}
    for cell, role in lang_rows("address", (lang,)):
        table[role].extend(form_regex(f) for f in forms(cell))
    name = r"(?:\s*[^\W\d_][^\s,;:!?()]*){0,4}"
    chain = r"(?:\s*,\s*\d+(?:/\d+)?[^\W\d_]?)*"
    street = rf"(?<!\w)(?:{alternation(table['street'])}){name}{chain}\s*,\s*$"
    room = rf"(?<!\w)(?:{alternation(table['room'])})\s*(?:№\s*)?$"
    return re.compile(f"{street}|{room}", re.IGNORECASE)


@cache
def _lexicon(lang: str) -> _Lexicon:
    ends = alternation([re.escape(e) for e, *_ in rows("endings_kk.tsv")]) if lang == "kk" else ""
    counted_alts, counted_payload = [], {}
    entries = sorted(((f, u, k) for c, u, k in lang_rows("counted", (lang,)) for f in forms(c)),
                     key=lambda it: len(it[0]), reverse=True)
    for i, (f, u, k) in enumerate(entries):
        counted_alts.append(f"(?P<c{i}>{form_regex(f, ends)})")
        counted_payload[f"c{i}"] = (u, k)
    cue_alts, cue_payload = [], {}
    cue_entries = sorted(((f, k) for c, k in lang_rows("figcues", (lang,)) for f in forms(c)),
                         key=lambda it: len(it[0]), reverse=True)
    for i, (f, k) in enumerate(cue_entries):
        cue_alts.append(f"(?P<k{i}>{form_regex(f, ends)})")
        cue_payload[f"k{i}"] = k
    present = [form_regex(f, ends) for c, *_ in lang_rows("present", (lang,)) for f in forms(c)]
    return _Lexicon(
        counted=re.compile("(?:" + "|".join(counted_alts) + ")", re.IGNORECASE),
        counted_payload=counted_payload,
        cues=re.compile(r"(?<!\w)(?:" + "|".join(cue_alts) + ")", re.IGNORECASE),
        cue_payload=cue_payload,
        present=re.compile(r"(?<!\w)(?:" + alternation(present) + ")", re.IGNORECASE),
        address=_address_regex(lang),
    )


@dataclass
class _Cue:
    start: int
    end: int
    kind: str
    text: str


@dataclass
class _Sentence:
    """One sentence of a paragraph with its clauses, cues and year mentions (paragraph offsets)."""

    start: int
    end: int
    clauses: list[tuple[int, int]]
    cues: list[_Cue] = field(default_factory=list)
    years: list[tuple[int, int, int | None, str]] = field(default_factory=list)  # start, end, year, period

    def clause_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.start, self.end

    def has(self, kind: str, a: int | None = None, b: int | None = None) -> bool:
        a = self.start if a is None else a
        b = self.end if b is None else b
        return any(c.kind == kind and a <= c.start < b for c in self.cues)


@dataclass
class _Draft:
    """A figure before place, source and indicator: paragraph offsets."""

    m: NumberMatch
    start: int
    end: int
    unit: str | None
    counted: _Counted | None
    sentence: _Sentence
    kind: str = "statistic"
    what: str | None = None
    year: int | None = None
    period: str | None = None


# ------------------------------------------------------------------------------------ public API

def extract_figures(doc: Document) -> list[Figure]:
    """Every figure of the document, in text order; offsets into doc.text, page set."""
    return figures_of(segment(doc))


def figure_json(fig: Figure) -> dict:
    """A figure as the contract prints it: its fields plus `approx`."""
    item = asdict(fig)
    item["approx"] = fig.approx
    return item


@extractor("figures", Figure, to_json=figure_json)
def figures_of(segmentation: Segmentation) -> list[Figure]:
    """The figures of a segmented document (the registered extractor)."""
    doc = segmentation.doc
    out: list[Figure] = []
    ctx = _DocContext(segmentation)
    prev: tuple[_Draft, int] | None = None
    series: dict[int, _Draft] = {}  # id(draft) → the figure heading its bracketed series
    for para in segmentation.segments if doc.paragraphs else ():
        lang, text = para.lang, para.text
        drafts = _drafts(text, lang, segmentation.year, para.sentences)
        if not drafts:
            continue
        for d in drafts:
            if prev is not None and _inherits(doc.text, prev, d, para.start):
                pd = prev[0]
                d.unit, d.what = pd.unit, pd.what
                if d.year is None and d.period is None:
                    d.year, d.period = pd.year, pd.period
            else:
                head = _series_head(text, drafts, d)
                if head is not None:
                    d.what = head.what  # 8 902 адам (2019 жылы – 10 707 адам): a series of the same thing
                    series[id(d)] = head
            if d.unit:
                prev = (d, para.start)
        places = ctx.places(para.start, para.end, lang)
        made: dict[int, Figure] = {}
        for d in drafts:
            start, end = para.start + d.start, para.start + d.end
            fig = Figure(
                text=doc.text[start:end], start=start, end=end, value=d.m.value, qualifier=d.m.qualifier,
                unit=d.unit or "count", value_max=d.m.value_max, page=doc.page_at(start), what=d.what,
                year=d.year, period=d.period, kind=d.kind)
            fig.place = _place(text, d, places, ctx, lang)
            ctx.source(fig)
            head = made.get(id(series.get(id(d))))
            if head is not None and head.place == fig.place:
                fig.indicator = head.indicator  # items of a series count what its head counts
            else:
                fig.indicator = indicator_for(fig.what, text[d.sentence.start:d.sentence.end], lang or "",
                                              fig.unit, fig.place, at=d.start - d.sentence.start)
            made[id(d)] = fig
            out.append(fig)
    return out


def figures_in_text(text: str, lang: str | None, year: int | None = None) -> list[_Draft]:
    """The figure drafts of one paragraph of text (for tests and callers without a Document)."""
    return _drafts(text, lang, year)


# ------------------------------------------------------------------------------------ drafts

def _drafts(text: str, lang: str | None, doc_year: int | None, split: list[Sentence] | None = None) -> list[_Draft]:
    numbers = find_numbers(text, lang)
    if not numbers:
        return []
    langs = (lang,) if lang in LANGS else LANGS
    if split is None:
        split = [Sentence(s, e, tuple(clauses(text, s, e))) for s, e in sentences(text)]
    sents = [_sentence(text, sent, langs) for sent in split]
    out: list[_Draft] = []
    si = 0
    for m in numbers:
        while si < len(sents) - 1 and sents[si].end <= m.start:
            si += 1
        sent = sents[si] if sents else _Sentence(0, len(text), [(0, len(text))])
        d = _draft(text, m, sent, langs)
        if d is None:
            continue
        out.append(d)
    for d in out:
        _kind(text, d, langs)
        _when(text, d, doc_year, langs)
        if d.what is None:
            d.what = _what(text, d, langs)
    return out


def _sentence(text: str, split: Sentence, langs: tuple[str, ...]) -> _Sentence:
    s, e = split.start, split.end
    sent = _Sentence(s, e, list(split.clauses))
    for lang in langs:
        lex = _lexicon(lang)
        for cm in lex.cues.finditer(text, s, e):
            sent.cues.append(_Cue(cm.start(), cm.end(), lex.cue_payload[cm.lastgroup], cm.group()))
    for ym in _YEAR_RE.finditer(text, s, e):
        sent.years.append(_year_mention(text, ym, sent))
    return sent


def _year_mention(text: str, ym: re.Match, sent: _Sentence) -> tuple[int, int, int | None, str]:
    """A year mentioned in a sentence: (start, end, year or None for deadlines/starts/ranges, period)."""
    y, y2 = int(ym.group("y")), ym.group("y2")
    if y2:
        return ym.start(), ym.end(), None, f"{y}–{y2}"
    before = text[max(sent.start, ym.start() - 18):ym.start()].lower()
    after = text[ym.end():min(sent.end, ym.end() + 40)].lower()
    after = re.split(r"[,;()]", after)[0]
    if re.search(r"(?:^|\s)(?:до|по)\s+(?:\d{1,2}\s+\w+\s+)?$", before) or re.search(r"\b(?:дейін|дейінгі)\b", after):
        return ym.start(), ym.end(), None, f"until {y}"
    if re.search(r"(?:^|\s)(?:с|со|начиная с|после)\s+(?:\d{1,2}\s+\w+\s+)?$", before) \
            or re.search(r"^\s*\w*(?:дан|ден|тан|тен|нан|нен)\s+(?:бері|бастап|кейін)", after):
        return ym.start(), ym.end(), None, f"since {y}"
    return ym.start(), ym.end(), y, str(y)


def _draft(text: str, m: NumberMatch, sent: _Sentence, langs: tuple[str, ...]) -> _Draft | None:
    zero_rate = m.is_word and m.value == 0 and m.unit is None  # нулевая ставка: numbers licensed it by its rate noun
    counted = None if zero_rate else _counted(text, m, sent, langs)
    unit = "rate" if zero_rate else m.unit
    start, end = m.start, m.end
    if (counted is None or not counted.attached) and _is_address(text, m, sent):
        return None
    if counted is not None:
        if counted.kind in ("time", "age"):
            if _is_reference_time(text, m, counted, sent):
                return None
            if unit is None:
                unit = counted.unit
        elif unit is None or (unit == "persons" and counted.unit == "persons"):
            unit = counted.unit
        if counted.kind != "age" or counted.end - m.end < 12:
            end = max(end, counted.end)
    elif unit is None and _subject_counts_persons(text, m, sent, langs):
        unit = "persons"
    return _Draft(m, start, end, unit, counted, sent)


def _counted(text: str, m: NumberMatch, sent: _Sentence, langs: tuple[str, ...]) -> _Counted | None:
    """The counted noun inside the span after the number, or within three words after it in the clause."""
    num_end = m.start + text[m.start:m.end].find(m.number_text) + len(m.number_text) \
        if m.number_text and m.number_text in text[m.start:m.end] else m.end
    clause_end = sent.clause_of(m.start)[1]
    pos, words = num_end, 0
    limit = min(clause_end, sent.end)
    while pos < limit and words < 4:
        wm = _WORD_RE.search(text, pos, limit)
        if not wm:
            break
        gap = text[max(pos, m.end):wm.start()]
        if _STOP_RE.search(gap) and wm.start() >= m.end:
            break
        for lang in langs:
            lex = _lexicon(lang)
            cm = lex.counted.match(text, wm.start())
            if cm and (cm.end() == len(text) or not text[cm.end()].isalnum()):
                unit, kind = lex.counted_payload[cm.lastgroup]
                return _Counted(unit, kind, wm.start(), cm.end(), wm.start() <= m.end or words == 0)
        if wm.end() > m.end:
            words += 1
        pos = wm.end()
    return None


def _is_address(text: str, m: NumberMatch, sent: _Sentence) -> bool:
    """`ул. Абая, 2`, `Абай даңғылы, 10`, `д. 5`, `кабинет 305`, `зал № 305`: a house or room number."""
    head = text[max(sent.start, m.start - 80):m.start]
    return any(_lexicon(lang).address.search(head) for lang in LANGS)  # addresses mix languages


_KK_GENITIVE_RE = re.compile(r"(?:дың|дің|тың|тің|ның|нің)$", re.IGNORECASE)
_RU_COUNT_SUBJECT_RE = re.compile(r"^(?:количеств|численност|числ)[оаеиуь]?$", re.IGNORECASE)


def _is_person(word: str, lang: str) -> bool:
    """The word is a person noun of counted_<lang>.tsv (any case form)."""
    lex = _lexicon(lang)
    cm = lex.counted.match(word)
    return bool(cm and cm.end() == len(word) and lex.counted_payload[cm.lastgroup][0] == "persons")


def _subject_counts_persons(text: str, m: NumberMatch, sent: _Sentence, langs: tuple[str, ...]) -> bool:
    """`қазақстандықтардың саны 126 мыңға жетті`, `численность граждан ... составила 40 тыс.`: the number
    of the subject phrase counts the person noun that is its genitive head."""
    words = _WORD_RE.findall(text, sent.start, m.start)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if "kk" in langs and w == "саны" and i > 0:
            prev = words[i - 1]
            return bool(_KK_GENITIVE_RE.search(prev)) and _is_person(prev, "kk")
        if "ru" in langs and _RU_COUNT_SUBJECT_RE.match(w):
            return i + 1 < len(words) and _is_person(words[i + 1], "ru")
    return False


_REF_TAIL_RE = re.compile(r"\s*(?:ішінде|аралығында|қорытындысы\s+бойынша|за\b)", re.IGNORECASE)
_RU_FOR_RE = re.compile(r"(?:^|[\s,(])(за)\s+$", re.IGNORECASE)


def _is_reference_time(text: str, m: NumberMatch, counted: _Counted, sent: _Sentence) -> bool:
    """`соңғы 3 жылда`, `за последние 3 года`, `за 9 месяцев`, `9 айдың қорытындысы бойынша`, `5 лет назад`:
    a period or a point in time, not a figure. A period with no cue of its own becomes a `refspan` cue."""
    before = [c for c in sent.cues if c.kind == "refperiod" and 0 <= m.start - c.end <= 12]
    after = [c for c in sent.cues if c.kind == "ago" and 0 <= c.start - counted.end <= 3]
    if before or after:
        return True
    tail = _REF_TAIL_RE.match(text, counted.end, sent.end)
    za = _RU_FOR_RE.search(text, max(sent.start, m.start - 4), m.start)
    if za and (sent.has("norm") or sent.has("proposal")):
        za = None  # `рассмотреть за 3 дня`: a required length, not a reference period
    if not (tail or za):
        return False
    start = za.start(1) if za else m.start
    end = tail.end() if tail and tail.group().strip().lower() != "за" else counted.end
    sent.cues.append(_Cue(start, end, "refspan", " ".join(text[start:end].split())))
    return True


def _series_head(text: str, drafts: list[_Draft], d: _Draft) -> _Draft | None:
    """The figure just before the open bracket that holds d, counting the same unit."""
    paren = text.rfind("(", 0, d.start)
    if paren < 0 or ")" in text[paren:d.start]:
        return None
    heads = [h for h in drafts if h.end <= paren and paren - h.end < 60 and h.unit == d.unit]
    return heads[-1] if heads else None


def _inherits(text: str, prev: tuple[_Draft, int], d: _Draft, offset: int) -> bool:
    """`Из них 102 тыс.`, `2 тыс. – в Великобритании`: a bare number right after a count of persons
    or things (same paragraph or the next, within a few lines) counts the same noun."""
    pd, poff = prev
    if d.unit is not None or d.counted is not None or not pd.unit or pd.unit in CURRENCIES \
            or pd.unit in ("percent", "rate") or (pd.counted is not None and pd.counted.kind in ("time", "age")):
        return False
    gap = offset + d.start - (poff + pd.end)
    return 0 <= gap < 300 and d.m.value <= pd.m.value and (d.m.value >= 1000 or offset == poff)


# ------------------------------------------------------------------------------------ kind

def _kind(text: str, d: _Draft, langs: tuple[str, ...]) -> None:
    """statistic, money, count, rate, norm, proposal or duration."""
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


def _is_proposal(text: str, d: _Draft, langs: tuple[str, ...]) -> bool:
    sent = d.sentence
    body = text[sent.start:sent.end]
    if sent.has("proposal"):
        return True
    if "kk" in langs and _KK_PROPOSAL_RE.search(body):
        return True
    return "ru" in langs and bool(_RU_PROPOSAL_RE.search(body))


def _rate_growth(text: str, d: _Draft) -> bool:
    """`80 пайызға артты`, `выросла на 5%`: a percent change without a starting level is a rate."""
    tail = text[d.m.end:d.m.end + 25].lower()
    head = text[max(d.sentence.start, d.m.start - 25):d.m.start].lower()
    if re.search(r"(?:ға|ге|қа|ке)\s*$", text[d.m.start:d.m.end].lower()) and \
            re.match(r"\s*(?:арт|өс|ұлғай|көбей|төменде|азай|қысқар)", tail):
        return not re.search(r"(?:дан|ден|тан|тен|нан|нен)\s+$", head)
    return bool(re.search(r"(?:выросл?\w*|увеличил\w*|снизил\w*|сократил\w*|вырос)\s+на\s+$", head))


# ------------------------------------------------------------------------------------ year / period

def _when(text: str, d: _Draft, doc_year: int | None, langs: tuple[str, ...]) -> None:
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


def _now(d: _Draft, doc_year: int | None, ref_text: str | None) -> None:
    d.year = doc_year
    d.period = f"now, after {ref_text}" if ref_text else "now"


def _nearest(items: list[tuple[int, int, int | None, str]], pos: int) -> tuple[int, int, int | None, str] | None:
    before = [y for y in items if y[1] <= pos]
    if before:
        return before[-1]
    return items[0] if items else None


def _ref_period_text(text: str, ref: _Cue, sent: _Sentence) -> str:
    m = re.compile(r"[^\S\n]*(?:\S+[^\S\n]+){0,1}\S+").match(text, ref.end, sent.end)
    return (text[ref.start:m.end()] if m else ref.text).strip(" ,.;")


def _is_start_value(text: str, d: _Draft) -> bool:
    """The first value of `30 пайыздан 51 пайызға`, `с 30 до 51 процентов`: the level at the start."""
    span = text[d.m.start:d.m.end].lower()
    tail = text[d.m.end:d.m.end + 40]
    if re.search(r"(?:дан|ден|тан|тен|нан|нен)$", span) and re.match(r"\s*\d", tail):
        return True
    return bool(re.search(r"(?:^|\s)с\s*$", text[max(0, d.m.start - 4):d.m.start].lower())
                and re.match(r"\s*до\s+\d", tail))


def _present_tense(text: str, a: int, b: int, langs: tuple[str, ...]) -> bool:
    """The clause's last predicate is in the present or future (a rough, data-free morphology check)."""
    words = _WORD_RE.findall(text, a, b)
    if not words:
        return False
    for lang in langs:
        if _lexicon(lang).present.search(text, a, b):
            return True
    tail = [w.lower() for w in words[-3:]]
    if "kk" in langs and any(len(w) > 3 and _KK_PRESENT_RE.search(w) for w in tail[-2:]):
        return True
    if "ru" in langs:
        verbs = [w.lower() for w in words if len(w) > 3]
        pres = [w for w in verbs if _RU_PRESENT_RE.search(w) and (len(w) <= 6 or not w.endswith(("ит", "ут")))
                or w.endswith(("ется", "ются", "ится", "ятся")) or (len(w) >= 9 and _RU_STATE_RE.search(w))]
        past = [w for w in verbs if _RU_PAST_RE.search(w) and len(w) > 4]
        return bool(pres) and not past
    return False


# ------------------------------------------------------------------------------------ what

def _what(text: str, d: _Draft, langs: tuple[str, ...]) -> str | None:
    """The counted noun phrase in the document's words, short: the subject before (`... саны`, `доля ...`),
    else the counted noun with its complement (`азаматы заңсыз еңбек мигранты болып`, `казахстанцев,
    работающих в Корее`), else the few words before the number."""
    ca, _ = d.sentence.clause_of(d.m.start)
    before = _WORD_RE.findall(text, ca, d.m.start)
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


MAX_WHAT_WORDS = 8


@cache
def _kk_bounds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(stop, keep) word patterns of resources/what_bounds_kk.tsv."""
    table = {"stop": [], "keep": []}
    for pattern, role in rows("what_bounds_kk.tsv"):
        table[role].append(f"(?:{pattern})")
    return tuple(re.compile("|".join(table[k]) or "(?!)", re.IGNORECASE) for k in ("stop", "keep"))


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


# ------------------------------------------------------------------------------------ place, source

class _DocContext:
    """Per-document state: the place gazetteer, source cues and the document's focus place."""

    def __init__(self, segmentation: Segmentation):
        self.doc = segmentation.doc
        self.segmentation = segmentation
        self._focus: str | None | bool = False
        self._cues: list | None = None
        self._sentences: list[tuple[int, int]] | None = None

    def places(self, start: int, end: int, lang: str | None) -> list:
        """Place mentions of doc.text[start:end], offsets relative to start."""
        return find_places(self.doc.text[start:end], lang)

    @property
    def focus(self) -> str | None:
        """The region or city an inquiry is about: the first place named in its first body paragraph."""
        if self._focus is False:
            self._focus = None
            for para in self.segmentation.segments if self.doc.paragraphs else ():
                if len(para.text) < 200:
                    continue
                named = [p for p in find_places(para.text, para.lang) if not p.deictic]
                if named:
                    self._focus = named[0].name_en
                break
        return self._focus  # type: ignore[return-value]

    def source(self, fig: Figure) -> None:
        """source and source_kind: the attribution cue that governs the figure (nlp.sources).

        Cues are found once over the whole text in the document's languages (both for kk+ru), not in the
        language of whichever paragraph held the first figure."""
        if self._cues is None:
            doc_lang = self.doc.language if self.doc.language in ("kk", "ru") else None
            self._cues = sources.find_sources(self.doc.text, doc_lang)
            self._sentences = [(p.start + s.start, p.start + s.end) for p in self.segmentation.segments
                               if self.doc.paragraphs for s in p.sentences]
        cue = sources.attribute(self.doc.text, self._sentences, fig.start, self._cues,
                                news=self.doc.kind == "news")
        if cue is not None:
            fig.source = cue.source
            fig.source_kind = cue.kind


def _place(text: str, d: _Draft, places: list, ctx: _DocContext, lang: str | None) -> str | None:
    """Clause place > sentence place > "abroad" (null) > deictic Kazakhstan > paragraph's single place >
    the document's focus region > Kazakhstan for a domestic document."""
    sent = d.sentence
    ca, cb = sent.clause_of(d.m.start)
    named = [p for p in places if not p.deictic]
    in_clause = [p for p in named if ca <= p.start < cb]
    if in_clause:
        return _join_places(text, in_clause)
    in_sent = [p for p in named if sent.start <= p.start < sent.end]
    if in_sent:
        before = [p for p in in_sent if p.end <= d.m.start]
        return (before[-1] if before else in_sent[0]).name_en
    if sent.has("abroad"):
        return None
    if any(sent.start <= p.start < sent.end for p in places if p.deictic):
        return "Kazakhstan"
    before = {p.name_en for p in named if p.end <= sent.start}
    if len(before) == 1:
        return before.pop()
    if ctx.focus:
        return ctx.focus
    if (ctx.doc.language or "").split("+")[0] in LANGS:
        return "Kazakhstan"
    return None


def _join_places(text: str, items: list) -> str:
    """`в Великобритании и странах ЕС` → "United Kingdom and European Union"; else the last one."""
    names: list[str] = []
    for p in items:
        if p.name_en not in names:
            names.append(p.name_en)
    if len(names) > 1:
        gap = text[items[0].end:items[-1].start].lower()
        if re.search(r"(?:^|\s)(?:и|және|мен|бен|пен|and)\s", gap) and len(gap) < 40:
            return " and ".join(names)
    return items[-1].name_en
