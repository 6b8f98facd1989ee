"""`find_numbers`: one pass over a text's anchors (digit runs, number-word starts), each parsed by the
`Grammar` into zero, one or two `NumberMatch`es (ranges, `с X до Y` pairs)."""

from __future__ import annotations

from functools import lru_cache

from ..lang import LANGS
from .grammar import Grammar
from .lex import BLOCK_RE, DASH_RE, WS_RE
from .match import Core, NumberMatch, combine


@lru_cache(maxsize=8)
def _grammar(langs: tuple[str, ...]) -> Grammar:
    """The compiled grammar of a language set (built once per set)."""
    return Grammar(langs)


def find_numbers(text: str, lang: str | None = None) -> list[NumberMatch]:
    """All numbers in `text` that can be figures, in text order (lang "kk", "ru" or None for both)."""
    g = _grammar((lang,) if lang in LANGS else LANGS)
    blocked: list[tuple[int, int]] | None = None  # built at the first anchor: most paragraphs have none
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
        if blocked is None:
            blocked = sorted([(m.start(), m.end()) for m in BLOCK_RE.finditer(text)]
                             + [(m.start(), m.end()) for m in g.phone.finditer(text)])
        while bi < len(blocked) and blocked[bi][1] <= s:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= s:
            continue
        found, consumed = _one(g, text, s, "d" if am.group("d") is not None else "w")
        out.extend(found)
        last_end = max(last_end, consumed)
    return out


def _one(g: Grammar, text: str, s: int, kind: str) -> tuple[list[NumberMatch], int]:
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
    q = combine(qual, after_q, c.about)
    if qual not in (None, "change"):
        start = qstart
    return [_match(text, start, end, c, q, unit)], end


def _kinds_a(g: Grammar, text: str, c: Core) -> bool:
    """A lone Kazakh бір (kind a) is the article "a" unless a scale word follows."""
    wm = g.words.match(text, c.start)
    return bool(wm and wm[0][1] == "a" and wm[2] >= c.num_end)


def _match(text: str, start: int, end: int, c: Core, q: str, unit: str | None,
           value_max: float | None = None, num_end: int | None = None) -> NumberMatch:
    """The NumberMatch of text[start:end] for core c."""
    return NumberMatch(start, end, text[start:end], c.value, value_max, q, unit,
                       text[c.start:num_end or c.num_end], c.is_word)


def _range(g: Grammar, text: str, c: Core, qual: str | None,
           start: int) -> tuple[list[NumberMatch], int] | None:
    """Ranges (2-4%, от 5 до 7, 5-тен 7-ге дейін) and 'с X до Y' pairs; None when there is none."""
    dash = not c.is_word and c.case is None and DASH_RE.match(text, c.end)
    if dash:
        sep_end = dash.end()
    elif qual in ("from", "change"):
        do = g.range_to.match(text, c.end)
        sep_end = do.end() if do else None
    elif c.case == "abl":
        sep_end = WS_RE.match(text, c.end).end()
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
                _match(text, second.start, end2, second, combine(None, after_q, second.about), unit)], end2
    lo = c.value if c.scaled else c.value * second.mult
    if second.value <= lo:
        return None
    c.value = lo
    pm = g.persons.match(text, end)
    if pm and unit is None:
        unit, end = "persons", pm[2]
    return [_match(text, start, end, c, "range", unit, second.value, second.num_end)], end
