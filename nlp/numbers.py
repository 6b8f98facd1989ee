"""The number layer of figures: find numeric expressions in Kazakh and Russian text and normalise them.

`find_numbers(text, lang)` returns one `NumberMatch` per number that can be a figure: digits
(`10 707`, `1.200`, `156,7`), scale words (`126 тыс.`, `20 мыңға`, `3 млн 200 тыс.`), units (`%`, `тенге`, `$`),
ranges (`2-4%`, `от 5 до 7`, `5-тен 7-ге дейін`) and approximation/limit words before or after
the number (`около`, `более`, `жуық`, `астам`, `-дай`). All words are data in nlp/resources/.

Rules that decide what is NOT returned (conventions of the gold annotation):
- dates (`21.05.2025`, `21 мая`, `2 қыркүйекте`), years (a year-like number before год/жыл/г./ж.,
  `2020-2022 жылдары`, a bare year range), times (`14:30`), versions and stamps (`7.23.0`),
  telephone numbers (`74-67-84`, `тел. 746842`, `8(7172) 74-63-61`);
- document, article and clause numbers (`№ 81`, `ст.6`, `пункт 36`, `81-бап`, `36 тармағына`),
  list numbering (`1)`, `2.` or `1 –` at a line start), codes (`Е-9`, `1А`);
- ordinals: a digit with a hyphenated ending that is not a case ending (`7-ші`, `3-й`, `5-го`);
- vague magnitudes (`мыңдаған`, `жүз мыңдаған`, `ондаған миллиард`, `несколько тысяч`);
- number words that only refer or enumerate: a spelled-out number is returned only when a scale
  word, a unit, a person noun or a time noun follows it (`два года`, `екі жүз мың`, `бес пайыз`);
  one (`бір`, `один`) only before a scale word or unit. Shares (`половина`, `треть`, `жарты`,
  `үштен бірі`) are returned as percent (половина → 50, unit percent) unless a time noun follows
  (`половина года`); "zero" adjectives only before a rate noun (`нулевая ставка` → 0).
Unit is "percent", a currency code (KZT, USD, RUB, EUR), "persons" when a person noun follows
(адам, азамат, граждан, казахстанцев...; the noun is then inside the span), or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lang.resources import LETTERS, alternation, form_regex, forms, lang_rows, rows, trie_regex

__all__ = ["QUALIFIERS", "NumberMatch", "find_numbers"]

QUALIFIERS = ("exact", "about", "more_than", "less_than", "at_least", "up_to", "range")
APPROX = frozenset({"about", "more_than", "less_than", "at_least", "up_to"})
LANGS = ("kk", "ru")

_HWS = r"[^\S\n]*"
_WS = rf"{_HWS}(?:\n{_HWS})?"  # whitespace with at most one line break
_DIGITS = (r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)(?:,\d+)?"
           r"|(?<!\w)\d+(?:[.,:/]\d+)*")
_DIGITS_RE = re.compile(_DIGITS)
_SUFFIX_RE = re.compile(rf"[-‐]{_WS}({LETTERS}+)")
_DASH_RE = re.compile(rf"{_HWS}[-‐–—]{_WS}(?=\d)")
_DO_RU_RE = re.compile(rf"{_WS}до{_WS}(?=\w)", re.IGNORECASE)
_PARTICLE_NOUN_RE = re.compile(rf"{_WS}(?P<noun>{LETTERS}+){_WS}(?:(?:да|де|та|те)[^\S\n]+)?", re.IGNORECASE)
_LIST_RIGHT_RE = re.compile(rf"[.)](?!\d)|{_HWS}[–—-][^\S\n]+(?!\d)")
_WS_RE = re.compile(_WS)
_BLOCK_PATTERNS = (  # formats that are never figures: dates, versions, times, telephone numbers
    r"(?<![\d.])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\d.])",    # 21.05.2025
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",                              # 2025-10-09
    r"(?<![\d.])(?!\d{1,3}(?:\.\d{3}){2,}(?![\d.]))\d+(?:\.\d+){2,}",  # 7.23.0, not 1.200.000
    r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])",                 # 14:30
    r"(?<![\d-])\d{2,3}(?:[-‐]\d{2}){2,}(?![\d-])",                 # 74-67-84
    r"(?<!\w)(?:\+?\d[ -]?)?\(\d{3,5}\)[ -]?\d[\d -]{3,}\d",        # 8(7172) 74-63-61
)
_BLOCK_RE = re.compile(rf"(?=[\d(+])(?:{'|'.join(_BLOCK_PATTERNS)})")
_CODE_LEFT_RE = re.compile(rf"{LETTERS}[-‐]?$")
_DAT_TAILS = ("ға", "ге", "қа", "ке", "на", "не")
_ABL_TAILS = ("дан", "ден", "тан", "тен", "нан", "нен")


@dataclass(frozen=True)
class NumberMatch:
    """One numeric expression: span (qualifier words to unit), normalised value, qualifier, unit."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    number_text: str = ""
    is_word: bool = False
    vague: bool = False  # reserved for vague magnitudes (мыңдаған); find_numbers never returns those

    @property
    def approx(self) -> bool:
        return self.qualifier in APPROX


@dataclass
class _Core:
    """A number with its scale word and unit, before qualifiers and ranges are applied."""

    start: int
    end: int
    num_end: int
    value: float
    number_text: str
    is_word: bool
    scaled: bool = False
    mult: float = 1.0
    one: bool = False
    share: bool = False
    unit: str | None = None
    case: str | None = None
    about: bool = False
    licensed: bool = True
    year_like: bool = False


class _Lex:
    """Resource entries compiled into one alternation; `match` → (payload, ending, end) or None."""

    def __init__(self, entries: list[tuple[str, object]], ending: str = "", lead: str = _WS):
        items = [(f, p) for cell, p in entries for f in forms(cell)]
        items.sort(key=lambda it: len(it[0].rstrip("*+")), reverse=True)
        self.payload: dict[str, object] = {}
        self.ending_group: dict[str, str] = {}
        alts = []
        for i, (form, payload) in enumerate(items):
            src = form_regex(form, f"(?P<e{i}>{ending})" if ending else "")
            alts.append(f"(?P<g{i}>{src})")
            self.payload[f"g{i}"] = payload
            if ending and form.endswith("+"):
                self.ending_group[f"g{i}"] = f"e{i}"
        self.source = "|".join(alts) if alts else r"(?!)"
        self.re = re.compile(f"{lead}(?:{self.source})", re.IGNORECASE)

    def match(self, text: str, pos: int) -> tuple[object, str, int] | None:
        m = self.re.match(text, pos)
        if not m:
            return None
        name = m.lastgroup
        group = self.ending_group.get(name)
        ending = m.group(group) if group else None
        return self.payload[name], (ending or "").lower(), m.end()


class _Grammar:
    """All compiled patterns for one language set."""

    def __init__(self, langs: tuple[str, ...]):
        self.kk = "kk" in langs
        ends = rows("endings_kk.tsv") if self.kk else ()
        self.case_of = {e: c for e, c, *_ in ends}
        end_all = alternation([re.escape(e) for e, *_ in ends]) or "(?!)"
        end_words = alternation([re.escape(e) for e, _, w in ends if w == "y"]) or "(?!)"
        self.ru_suffix = {e for e, *_ in rows("endings_ru.tsv")} if "ru" in langs else set()

        numbers = [(f, (float(v), k, lang)) for lang in langs for f, v, k in lang_rows("numbers", (lang,))]
        self.words = _Lex(numbers, end_words, "")
        self.words_ws = _Lex(numbers, end_words)
        self.kk_tails = sorted(self.case_of, key=len, reverse=True)
        self.scale = _Lex([(f, float(v)) for f, v in lang_rows("scales", langs)], end_all)
        self.vague = _Lex([(f, True) for f, *_ in lang_rows("vague", langs)], end_all)
        units = lang_rows("units", (*langs, "xx"))
        self.unit = _Lex([(f, u) for f, u, p in units if p == "after"], end_all)
        self.cur_before = re.compile(
            "(?:" + alternation([form_regex(f) for c, u, p in units if p == "before" for f in forms(c)])
            + rf"){_HWS}$")
        self.cur_unit = {f.lower(): u for c, u, p in units if p == "before" for f in forms(c)}
        self.persons = _Lex([(f, "persons") for f, *_ in lang_rows("persons", langs)], end_all)
        self.rates = _Lex([(f, True) for f, *_ in lang_rows("rates", langs)], end_all)
        time_rows = lang_rows("time", langs)
        self.time = _Lex([(f, k) for f, k in time_rows], end_all)
        self.yearmark = _Lex([(f, k) for f, k in time_rows if k == "year"], end_all)
        self.month = _Lex([(f, True) for f, *_ in lang_rows("months", langs)], end_all)
        month_src = alternation([form_regex(f) for c, *_ in lang_rows("months", langs) for f in forms(c)])
        self.month_left = re.compile(rf"(?<!\w)(?:{month_src}){_WS}$", re.IGNORECASE)
        refs = lang_rows("refs", (*langs, "xx"))
        self.ref_after = _Lex([(f, True) for f, k in refs if k == "after"], end_all)
        ref_before = [form_regex(f) for c, k in refs if k == "before" for f in forms(c)]
        more = rf"(?:[\d.-]+{_HWS}(?:,|и|және|—|-){_HWS})*"  # пункты 2, 3 и 5
        self.ref_before = re.compile(rf"(?<!\w)(?:{alternation(ref_before)}){_HWS}{more}$", re.IGNORECASE)
        conj = alternation([form_regex(f) for c, k in refs if k == "and" for f in forms(c)]) or "(?!)"
        self.code_pair = re.compile(rf"{_HWS}(?:{conj}){_HWS}\d+{LETTERS}+(?!\w)", re.IGNORECASE)
        phone = alternation([form_regex(f) for c, k in refs if k == "phone" for f in forms(c)])

        quals = lang_rows("qualifiers", langs)
        self.after_q = _Lex([(f, (q, c)) for f, q, p, c in quals if p == "after"], end_all)
        before = [(f, q) for c, q, p, _ in quals if p == "before" for f in forms(c)]
        before.sort(key=lambda it: len(it[0]), reverse=True)
        self.before_q = re.compile(
            "(?<!\\w)(?:" + "|".join(f"(?P<q{i}>{form_regex(f)})" for i, (f, _) in enumerate(before))
            + rf"){_WS}$", re.IGNORECASE)
        self.before_payload = {f"q{i}": q for i, (_, q) in enumerate(before)}

        # anchors: digit runs, and words whose first letters can start a number word (a set lookup
        # is much faster than running the whole word alternation at every position)
        self.word_keys = {f.rstrip("*+").lower()[:3] for cell, _ in numbers for f in forms(cell)}
        self.anchor = re.compile(
            rf"(?=\d)(?P<d>{_DIGITS})|(?<!\w)(?P<w>{trie_regex(self.word_keys)}{LETTERS}*)", re.IGNORECASE)
        first = {f.lower()[0] for c, k in refs if k == "phone" for f in forms(c)}
        first_class = re.escape("".join(sorted(first | {ch.upper() for ch in first})))
        self.phone = re.compile(  # тел.: 74 63 64
            rf"(?=[{first_class}])(?<!\w)(?:{phone}){_HWS}:?{_HWS}\+?[\d(][\d() \t+-]*\d", re.IGNORECASE)

    # -- parsing -------------------------------------------------------------------------------

    def core(self, text: str, s: int, kind: str) -> _Core | None:
        """The number at s with its scale word and unit; None when it is not a figure."""
        return self._digit_core(text, s) if kind == "d" else self._word_core(text, s)

    def _digit_core(self, text: str, s: int) -> _Core | None:
        m = _DIGITS_RE.match(text, s)
        if not m:
            return None
        raw, e = m.group(), m.end()
        glued = e < len(text) and text[e].isalpha()  # 1А, 3D: a code unless a scale/unit/year is glued
        if glued and not (self.scale.match(text, e) or self.unit.match(text, e) or self.yearmark.match(text, e)):
            return None
        value = _digit_value(raw, bool(self.scale.match(text, e)))
        if value is None:
            return None
        c = _Core(s, e, e, value, raw, False)
        c.year_like = raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100
        sm = _SUFFIX_RE.match(text, e)
        if sm:
            suf = sm.group(1).lower()
            if suf in self.case_of:
                c.case = self.case_of[suf]
                c.about = c.case == "sim"
                c.end = sm.end()
            elif suf in self.ru_suffix and not (suf == "х" and value >= 10 and value % 10 == 0):
                c.end = sm.end()
            else:
                return None  # ordinal, article or clause number, year with a glued noun
        return c

    def _word_core(self, text: str, s: int) -> _Core | None:
        toks: list[tuple[float, str, str]] = []
        pos = s
        while True:
            wm = (self.words if not toks else self.words_ws).match(text, pos)
            if wm:
                (value, kind, lang), ending, end = wm
                if not ending and lang == "kk":  # listed Kazakh forms (үштен): their ending is the tail
                    word = text[pos:end].strip().lower()
                    ending = next((t for t in self.kk_tails if word.endswith(t) and len(word) > len(t) + 1), "")
                toks.append((value, kind, ending))
                pos = end
                if kind in ("frac", "zero"):
                    break
                continue
            if toks and self.vague.match(text, pos):
                return None
            sm = self.scale.match(text, pos) if toks else None
            if sm:
                mult, ending, pos = sm
                toks.append((mult, "scale", ending))
                continue
            break
        if not toks:
            return None
        end = pos
        last_case = self.case_of.get(toks[-1][2]) if toks[-1][2] else None
        kinds = [k for _, k, _ in toks]
        unit = None
        scaled = "scale" in kinds
        if (len(toks) >= 2 and kinds[0] in ("add", "one", "a") and self.case_of.get(toks[0][2]) == "abl"
                and kinds[1] in ("add", "one", "a") and self.case_of.get(toks[1][2]) == "poss" and toks[0][0]):
            # Kazakh share: үштен бірі = one third
            value, unit, end = toks[1][0] / toks[0][0] * 100, "percent", self._word_end(text, s, 2)
            kinds = ["frac"]
        elif kinds[-1] == "frac":
            num = _compose(toks[:-1]) if len(toks) > 1 else 1.0
            value, unit = num * toks[-1][0], "percent"
        elif kinds[-1] == "zero":
            value = 0.0
        else:
            value = _compose(toks)
        c = _Core(s, end, end, value, text[s:end], True, scaled=scaled, unit=unit, case=last_case)
        c.about = last_case == "sim"
        if kinds == ["zero"]:
            c.share = True  # licensed by its rate noun only
            rm = self.rates.match(text, end)
            c.licensed = bool(rm)
            if rm:
                c.end = c.num_end = rm[2]
        elif kinds[-1] == "frac":
            c.licensed = not self.time.match(text, end)
            c.share = True
        else:
            c.licensed = scaled  # unit, person or time noun are checked once they are parsed
            c.one = kinds == ["one"]
        return c

    def _word_end(self, text: str, s: int, n: int) -> int:
        pos = s
        for i in range(n):
            pos = (self.words if i == 0 else self.words_ws).match(text, pos)[2]
        return pos

    def extend(self, text: str, c: _Core) -> _Core | None:
        """Add scale word and unit after the number; None for vague magnitudes."""
        if self.vague.match(text, c.end):
            return None
        if not c.scaled:
            sm = self.scale.match(text, c.end)
            if sm:
                mult, ending, c.end = sm
                c.value *= mult
                c.mult = mult
                c.scaled = True
                if ending:
                    c.case = self.case_of.get(ending)
                    c.about = c.about or c.case == "sim"
                if self.vague.match(text, c.end):
                    return None
                self._compound(text, c)
        if c.unit is None:
            um = self.unit.match(text, c.end)
            if um:
                c.unit, ending, c.end = um
                if ending:
                    c.case = self.case_of.get(ending)
                    c.about = c.about or c.case == "sim"
                sm = _SUFFIX_RE.match(text, c.end)
                if sm and sm.group(1).lower() in self.case_of and not text[c.end - 1].isalpha():
                    c.case = self.case_of[sm.group(1).lower()]
                    c.about = c.about or c.case == "sim"
                    c.end = sm.end()
        return c

    def _compound(self, text: str, c: _Core) -> None:
        """3 млн 200 тыс., 1 млрд 500 млн: a smaller scaled number right after a scaled one adds up."""
        while c.case is None:
            ws = _WS_RE.match(text, c.end).end()
            dm = _DIGITS_RE.match(text, ws) if ws > c.end else None
            if not dm or not dm.group().isdigit():
                return
            sm = self.scale.match(text, dm.end())
            if not sm or sm[0] >= c.mult or int(dm.group()) * sm[0] >= c.mult:
                return
            c.value += int(dm.group()) * sm[0]
            c.mult, ending, c.end = sm[0], sm[1], sm[2]
            c.case = self.case_of.get(ending) if ending else None

    def not_figure(self, text: str, c: _Core) -> bool:
        """Years, day-month dates and article numbers after a bare integer."""
        if c.scaled or c.unit or c.is_word:
            return False
        if c.year_like and (self.yearmark.match(text, c.end) or self.month_left.search(text, max(0, c.start - 30), c.start)):
            return True
        if c.value == int(c.value) and 1 <= c.value <= 31 and "," not in c.number_text \
                and "." not in c.number_text and self.month.match(text, c.end):
            return True
        return bool(self.ref_after.match(text, c.end) or self.code_pair.match(text, c.end))

    def left_blocked(self, text: str, s: int) -> bool:
        """Codes (Е-9), article/clause/document numbers (ст.6, № 81) and list numbering."""
        return bool(_CODE_LEFT_RE.search(text, max(0, s - 2), s)
                    or self.ref_before.search(text, max(0, s - 24), s))

    def list_marker(self, text: str, s: int, e: int) -> bool:
        line_start = text.rfind("\n", 0, s) + 1
        before = text[line_start:s]
        if not before.strip() and _LIST_RIGHT_RE.match(text, e):
            return True
        return e < len(text) and text[e] == ")" and "(" not in before

    def before(self, text: str, s: int) -> tuple[str | None, int, int, str | None]:
        """Words before s: (qualifier, start with it, start without it, currency unit of a sign)."""
        unit = None
        cm = self.cur_before.search(text, max(0, s - 5), s)
        if cm:
            unit = self.cur_unit.get(cm.group().strip().lower())
            s = cm.start()
        qm = self.before_q.search(text, max(0, s - 40), s)
        if qm:
            return self.before_payload[qm.lastgroup], qm.start(), s, unit
        return None, s, s, unit

    def after(self, text: str, c: _Core) -> tuple[str | None, int, str | None]:
        """Qualifier after the number: (qualifier, end, unit from a noun in between)."""
        am = self.after_q.match(text, c.end)
        if am:
            (q, need), _, end = am
            if need == "any" or need == c.case:
                return q, end, None
        if not self.kk:
            return None, c.end, None
        nm = _PARTICLE_NOUN_RE.match(text, c.end)
        if nm:
            noun = nm.group("noun").lower()
            case = "dat" if noun.endswith(_DAT_TAILS) else "abl" if noun.endswith(_ABL_TAILS) else None
            am = self.after_q.match(text, nm.end()) if case else None
            if am and am[0][1] == case:
                unit = "persons" if self.persons.match(text, c.end) else None
                return am[0][0], am[2], unit
        return None, c.end, None


def _digit_value(raw: str, scaled: bool) -> float | None:
    """Digits with grouping and decimal separators → float; None for times, dates and slashes."""
    if ":" in raw or "/" in raw:
        return None
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if " " in s:
        return float(s.replace(" ", "").replace(",", "."))
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        return None
    if dots > 1:
        return float(s.replace(".", "")) if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) else None
    if commas > 1:
        return float(s.replace(",", "")) if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s) else None
    if dots == 1 and not scaled and re.fullmatch(r"\d{1,3}\.\d{3}", s) and not s.startswith("0"):
        return float(s.replace(".", ""))  # 1.200 → 1200, but 1.5 млн → 1 500 000
    return float(s.replace(",", "."))


def _compose(toks: list[tuple[float, str, str]]) -> float:
    """Number words → value: additive words sum, жүз multiplies, scale words close a group."""
    total, cur = 0.0, 0.0
    for value, kind, _ in toks:
        if kind == "a":
            kind = "add"
        if kind == "mul":
            cur = (cur or 1.0) * value
        elif kind == "scale":
            total += (cur or 1.0) * value
            cur = 0.0
        else:
            cur += value
    return total + cur


@lru_cache(maxsize=8)
def _grammar(langs: tuple[str, ...]) -> _Grammar:
    return _Grammar(langs)


def find_numbers(text: str, lang: str | None = None) -> list[NumberMatch]:
    """All numbers in `text` that can be figures, in text order (lang "kk", "ru" or None for both)."""
    g = _grammar((lang,) if lang in LANGS else LANGS)
    blocked = sorted([(m.start(), m.end()) for m in _BLOCK_RE.finditer(text)]
                     + [(m.start(), m.end()) for m in g.phone.finditer(text)])
    bi = 0
    out: list[NumberMatch] = []
    last_end = 0
    for am in g.anchor.finditer(text):
        s = am.start()
        if s < last_end:
            continue
        word = am.group("w")
        if word is not None and word[:3].lower() not in g.word_keys:
            continue
        while bi < len(blocked) and blocked[bi][1] <= s:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= s:
            continue
        found, consumed = _one(g, text, s, "d" if am.group("d") is not None else "w")
        out.extend(found)
        last_end = max(last_end, consumed)
    return out


def _one(g: _Grammar, text: str, s: int, kind: str) -> tuple[list[NumberMatch], int]:
    """The figure(s) starting at anchor s and the end of the text they use up."""
    c = g.core(text, s, kind)
    if c is None:
        return [], s
    if kind == "d" and (g.left_blocked(text, s) or g.list_marker(text, s, c.end)):
        return [], c.end
    c = g.extend(text, c)
    if c is None:
        return [], s + 1
    qual, qstart, start, cur = g.before(text, s)
    if cur and c.unit is None:
        c.unit = cur
    rng = _range(g, text, c, qual, qstart if qual not in (None, "change") else start)
    if rng is not None:
        return rng
    if g.not_figure(text, c):
        return [], c.end
    after_q, end, noun_unit = g.after(text, c)
    unit = c.unit or noun_unit
    pm = g.persons.match(text, end)
    if pm and unit is None:
        unit, end = "persons", pm[2]
    if c.is_word and not c.licensed:
        if c.share:
            return [], c.end
        if _kinds_a(g, text, c) or (c.unit is None and (c.one or not (unit == "persons" or g.time.match(text, c.end)))):
            return [], c.end
    q = _combine(qual, after_q, c.about)
    if qual not in (None, "change"):
        start = qstart
    return [_match(text, start, end, c, q, unit)], end


def _kinds_a(g: _Grammar, text: str, c: _Core) -> bool:
    """A lone Kazakh бір (kind a) is the article "a" unless a scale word follows."""
    wm = g.words.match(text, c.start)
    return bool(wm and wm[0][1] == "a" and wm[2] >= c.num_end)


def _match(text: str, start: int, end: int, c: _Core, q: str, unit: str | None,
           value_max: float | None = None, num_end: int | None = None) -> NumberMatch:
    return NumberMatch(start, end, text[start:end], c.value, value_max, q, unit,
                       text[c.start:num_end or c.num_end], c.is_word)


def _combine(before: str | None, after: str | None, about: bool) -> str:
    """One qualifier from the words before and after: a limit word wins over "about"."""
    limits = [q for q in (after, before) if q in APPROX and q != "about"]
    if limits:
        return limits[0]
    if before == "from":
        return "at_least"
    if "about" in (before, after) or about:
        return "about"
    return "exact"


def _range(g: _Grammar, text: str, c: _Core, qual: str | None,
           start: int) -> tuple[list[NumberMatch], int] | None:
    """Ranges (2-4%, от 5 до 7, 5-тен 7-ге дейін) and 'с X до Y' pairs; None when there is none."""
    dash = not c.is_word and c.case is None and _DASH_RE.match(text, c.end)
    if dash:
        sep_end = dash.end()
    elif qual in ("from", "change"):
        do = _DO_RU_RE.match(text, c.end)
        sep_end = do.end() if do else None
    elif c.case == "abl":
        sep_end = _WS_RE.match(text, c.end).end()
        sep_end = sep_end if sep_end > c.end else None
    else:
        sep_end = None
    if sep_end is None:
        return None
    am = g.anchor.match(text, sep_end)
    second = g.core(text, sep_end, "d" if am.group("d") is not None else "w") if am else None
    second = g.extend(text, second) if second else None
    if second is None:
        return None
    if dash and c.year_like and second.year_like:
        return [], second.end  # 2020-2022 (жылдары): a span of years
    if dash and c.year_like:
        return None  # 2018 – 11 413 адам: a year, then a number
    if not (second.unit or second.scaled or c.unit or c.scaled) and g.not_figure(text, second):
        return [], second.end  # 1-2 мая, от 1 до 5 января, 5-6 тармақтар
    end = second.end
    if c.case == "abl" and not dash:
        limit = g.after_q.match(text, second.end) if second.case == "dat" else None
        if not limit or limit[0][0] != "up_to":
            return None  # 30 пайыздан 51 пайызға өскен: two figures
        end = limit[2]
    unit = c.unit or second.unit
    if qual == "change":
        after_q, end2, _ = g.after(text, second)
        return [_match(text, c.start, c.end, c, "exact", unit),
                _match(text, second.start, end2, second, _combine(None, after_q, second.about), unit)], end2
    lo = c.value if c.scaled else c.value * second.mult
    if second.value <= lo:
        return None
    c.value = lo
    pm = g.persons.match(text, end)
    if pm and unit is None:
        unit, end = "persons", pm[2]
    return [_match(text, start, end, c, "range", unit, second.value, second.num_end)], end
