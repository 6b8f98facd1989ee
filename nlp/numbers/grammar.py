"""`Grammar`: the compiled number vocabulary of one language set (number words, scales, units, qualifiers,
reference words) and the parsing steps over it: a core number, its scale and unit, the words around it."""

from __future__ import annotations

import re

from ..lang import LANGS
from ..lang.cases import case_endings
from ..lang.resources import LETTERS, alternation, form_regex, forms, lang_rows, rows, trie_regex
from ..lang.wordlists import ending_alt, word_alt
from .lex import (
    CODE_LEFT_RE,
    DIGITS,
    DIGITS_RE,
    HWS,
    LIST_RIGHT_RE,
    SUFFIX_RE,
    WS,
    WS_RE,
    Lex,
)
from .match import Core, compose, digit_value


class Grammar:
    """All compiled patterns for one language set."""

    def __init__(self, langs: tuple[str, ...]):
        self.kk = "kk" in langs
        ends = rows("endings_kk.tsv") if self.kk else ()
        self.case_of = {e: c for e, c, *_ in ends}
        end_all = alternation([re.escape(e) for e, *_ in ends]) or "(?!)"
        end_words = alternation([re.escape(e) for e, _, w in ends if w == "y"]) or "(?!)"
        self.ru_suffix = {e for e, *_ in rows("endings_ru.tsv")} if "ru" in langs else set()
        numbers = [(f, (float(v), k, lang)) for lang in langs for f, v, k in lang_rows("numbers", (lang,))]
        self.words = Lex(numbers, end_words, "")
        self.words_ws = Lex(numbers, end_words)
        self.kk_tails = sorted(self.case_of, key=len, reverse=True)
        self.scale = Lex([(f, float(v)) for f, v in lang_rows("scales", langs)], end_all)
        self.vague = Lex([(f, True) for f, *_ in lang_rows("vague", langs)], end_all)
        self.persons = Lex([(f, "persons") for f, *_ in lang_rows("persons", langs)], end_all)
        self.rates = Lex([(f, True) for f, *_ in lang_rows("rates", langs)], end_all)
        self._units(langs, end_all)
        self._refs(langs, end_all)
        self._qualifiers(langs, end_all)
        # anchors: digit runs, and words whose first letters can start a number word (a set lookup
        # is much faster than running the whole word alternation at every position)
        self.word_keys = {f.rstrip("*+").lower()[:3] for cell, _ in numbers for f in forms(cell)}
        self.anchor = re.compile(
            rf"(?=\d)(?P<d>{DIGITS})|(?<!\w)(?P<w>{trie_regex(self.word_keys)}{LETTERS}*)", re.IGNORECASE)
        self.particle_noun = re.compile(
            rf"{WS}(?P<noun>{LETTERS}+){WS}(?:(?:{ending_alt(case_endings('loc'))})[^\S\n]+)?", re.IGNORECASE)
        self.range_to = re.compile(rf"{WS}(?:{word_alt('period_words', 'to', ('ru',))}){WS}(?=\w)", re.IGNORECASE)

    def _units(self, langs: tuple[str, ...], end_all: str) -> None:
        """Units after the number, currency signs before it, time nouns and months."""
        units = lang_rows("units", (*langs, "xx"))
        self.unit = Lex([(f, u) for f, u, p in units if p == "after"], end_all)
        self.cur_before = re.compile(
            "(?:" + alternation([form_regex(f) for c, u, p in units if p == "before" for f in forms(c)])
            + rf"){HWS}$")
        self.cur_unit = {f.lower(): u for c, u, p in units if p == "before" for f in forms(c)}
        time_rows = lang_rows("time", langs)
        self.time = Lex([(f, k) for f, k in time_rows], end_all)
        self.yearmark = Lex([(f, k) for f, k in time_rows if k == "year"], end_all)
        self.month = Lex([(f, True) for f, *_ in lang_rows("months", langs)], end_all)
        month_src = alternation([form_regex(f) for c, *_ in lang_rows("months", langs) for f in forms(c)])
        self.month_left = re.compile(rf"(?<!\w)(?:{month_src}){WS}$", re.IGNORECASE)

    def _refs(self, langs: tuple[str, ...], end_all: str) -> None:
        """Article/clause words, code pairs and telephone labels (refs_<lang>.tsv)."""
        refs = lang_rows("refs", (*langs, "xx"))
        self.ref_after = Lex([(f, True) for f, k in refs if k == "after"], end_all)
        ref_before = [form_regex(f) for c, k in refs if k == "before" for f in forms(c)]
        more = rf"(?:[\d.-]+{HWS}(?:,|{word_alt('conjunctions', 'and', LANGS)}|—|-){HWS})*"  # пункты 2, 3 и 5
        self.ref_before = re.compile(rf"(?<!\w)(?:{alternation(ref_before)}){HWS}{more}$", re.IGNORECASE)
        conj = alternation([form_regex(f) for c, k in refs if k == "and" for f in forms(c)]) or "(?!)"
        self.code_pair = re.compile(rf"{HWS}(?:{conj}){HWS}\d+{LETTERS}+(?!\w)", re.IGNORECASE)
        phone = alternation([form_regex(f) for c, k in refs if k == "phone" for f in forms(c)])
        first = {f.lower()[0] for c, k in refs if k == "phone" for f in forms(c)}
        first_class = re.escape("".join(sorted(first | {ch.upper() for ch in first})))
        self.phone = re.compile(  # тел.: 74 63 64
            rf"(?=[{first_class}])(?<!\w)(?:{phone}){HWS}:?{HWS}\+?[\d(][\d() \t+-]*\d", re.IGNORECASE)

    def _qualifiers(self, langs: tuple[str, ...], end_all: str) -> None:
        """Approximation and limit words before and after the number (qualifiers_<lang>.tsv)."""
        quals = lang_rows("qualifiers", langs)
        self.after_q = Lex([(f, (q, c)) for f, q, p, c in quals if p == "after"], end_all)
        before = [(f, q) for c, q, p, _ in quals if p == "before" for f in forms(c)]
        before.sort(key=lambda it: len(it[0]), reverse=True)
        self.before_q = re.compile(
            "(?<!\\w)(?:" + "|".join(f"(?P<q{i}>{form_regex(f)})" for i, (f, _) in enumerate(before))
            + rf"){WS}$", re.IGNORECASE)
        self.before_payload = {f"q{i}": q for i, (_, q) in enumerate(before)}
        self.dat_tails, self.abl_tails = case_endings("dat", short=False), case_endings("abl")
    # -- parsing -------------------------------------------------------------------------------

    def core(self, text: str, s: int, kind: str) -> Core | None:
        """The number at s with its scale word and unit; None when it is not a figure."""
        return self._digit_core(text, s) if kind == "d" else self._word_core(text, s)

    def _digit_core(self, text: str, s: int) -> Core | None:
        m = DIGITS_RE.match(text, s)
        if not m:
            return None
        raw, e = m.group(), m.end()
        glued = e < len(text) and text[e].isalpha()  # 1А, 3D: a code unless a scale/unit/year is glued
        if glued and not (self.scale.match(text, e) or self.unit.match(text, e) or self.yearmark.match(text, e)):
            return None
        value = digit_value(raw, bool(self.scale.match(text, e)))
        if value is None:
            return None
        c = Core(s, e, e, value, raw, False)
        c.year_like = raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100
        sm = SUFFIX_RE.match(text, e)
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

    def _word_core(self, text: str, s: int) -> Core | None:
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
            num = compose(toks[:-1]) if len(toks) > 1 else 1.0
            value, unit = num * toks[-1][0], "percent"
        elif kinds[-1] == "zero":
            value = 0.0
        else:
            value = compose(toks)
        c = Core(s, end, end, value, text[s:end], True, scaled=scaled, unit=unit, case=last_case)
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

    def extend(self, text: str, c: Core) -> Core | None:
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
                sm = SUFFIX_RE.match(text, c.end)
                if sm and sm.group(1).lower() in self.case_of and not text[c.end - 1].isalpha():
                    c.case = self.case_of[sm.group(1).lower()]
                    c.about = c.about or c.case == "sim"
                    c.end = sm.end()
        return c

    def _compound(self, text: str, c: Core) -> None:
        """3 млн 200 тыс., 1 млрд 500 млн: a smaller scaled number right after a scaled one adds up."""
        while c.case is None:
            ws = WS_RE.match(text, c.end).end()
            dm = DIGITS_RE.match(text, ws) if ws > c.end else None
            if not dm or not dm.group().isdigit():
                return
            sm = self.scale.match(text, dm.end())
            if not sm or sm[0] >= c.mult or int(dm.group()) * sm[0] >= c.mult:
                return
            c.value += int(dm.group()) * sm[0]
            c.mult, ending, c.end = sm[0], sm[1], sm[2]
            c.case = self.case_of.get(ending) if ending else None

    def not_figure(self, text: str, c: Core) -> bool:
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
        return bool(CODE_LEFT_RE.search(text, max(0, s - 2), s)
                    or self.ref_before.search(text, max(0, s - 24), s))

    def list_marker(self, text: str, s: int, e: int) -> bool:
        line_start = text.rfind("\n", 0, s) + 1
        before = text[line_start:s]
        if not before.strip() and LIST_RIGHT_RE.match(text, e):
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

    def after(self, text: str, c: Core) -> tuple[str | None, int, str | None]:
        """Qualifier after the number: (qualifier, end, unit from a noun in between)."""
        am = self.after_q.match(text, c.end)
        if am:
            (q, need), _, end = am
            if need == "any" or need == c.case:
                return q, end, None
        if not self.kk:
            return None, c.end, None
        nm = self.particle_noun.match(text, c.end)
        if nm:
            noun = nm.group("noun").lower()
            case = "dat" if noun.endswith(self.dat_tails) else "abl" if noun.endswith(self.abl_tails) else None
            am = self.after_q.match(text, nm.end()) if case else None
            if am and am[0][1] == case:
                unit = "persons" if self.persons.match(text, c.end) else None
                return am[0][0], am[2], unit
        return None, c.end, None

