"""The values of the number layer: a found number (`NumberMatch`), its core while parsing, and the
arithmetic of digits and number words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.spans import Span

QUALIFIERS = ("exact", "about", "more_than", "less_than", "at_least", "up_to", "range")
APPROX = frozenset({"about", "more_than", "less_than", "at_least", "up_to"})


@dataclass(frozen=True)
class NumberMatch(Span):
    """One numeric expression: span (qualifier words to unit), normalised value, qualifier, unit."""

    value: float
    value_max: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    number_text: str = ""
    is_word: bool = False
    vague: bool = False  # reserved for vague magnitudes (мыңдаған); find_numbers never returns those

    @property
    def approx(self) -> bool:
        """The qualifier makes the value approximate or a limit."""
        return self.qualifier in APPROX


@dataclass
class Core:
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


def digit_value(raw: str, scaled: bool) -> float | None:
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


def compose(toks: list[tuple[float, str, str]]) -> float:
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


def combine(before: str | None, after: str | None, about: bool) -> str:
    """One qualifier from the words before and after: a limit word wins over "about"."""
    limits = [q for q in (after, before) if q in APPROX and q != "about"]
    if limits:
        return limits[0]
    if before == "from":
        return "at_least"
    if "about" in (before, after) or about:
        return "about"
    return "exact"
