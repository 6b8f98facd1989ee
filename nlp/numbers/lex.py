"""Shared patterns of the number layer (whitespace, digit runs, formats that are never figures) and `Lex`,
resource entries compiled into one alternation."""

from __future__ import annotations

import re

from ..lang.resources import LETTERS, form_regex, forms

HWS = r"[^\S\n]*"
WS = rf"{HWS}(?:\n{HWS})?"  # whitespace with at most one line break
DIGITS = (r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)(?:,\d+)?"
          r"|(?<!\w)\d+(?:[.,:/]\d+)*")
DIGITS_RE = re.compile(DIGITS)
SUFFIX_RE = re.compile(rf"[-‐]{WS}({LETTERS}+)")
DASH_RE = re.compile(rf"{HWS}[-‐–—]{WS}(?=\d)")
LIST_RIGHT_RE = re.compile(rf"[.)](?!\d)|{HWS}[–—-][^\S\n]+(?!\d)")
WS_RE = re.compile(WS)
_BLOCK_PATTERNS = (  # formats that are never figures: dates, versions, times, telephone numbers
    r"(?<![\d.])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\d.])",    # 21.05.2025
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",                              # 2025-10-09
    r"(?<![\d.])(?!\d{1,3}(?:\.\d{3}){2,}(?![\d.]))\d+(?:\.\d+){2,}",  # 7.23.0, not 1.200.000
    r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])",                 # 14:30
    r"(?<![\d-])\d{2,3}(?:[-‐]\d{2}){2,}(?![\d-])",                 # 74-67-84
    r"(?<!\w)(?:\+?\d[ -]?)?\(\d{3,5}\)[ -]?\d[\d -]{3,}\d",        # 8(7172) 74-63-61
)
BLOCK_RE = re.compile(rf"(?=[\d(+])(?:{'|'.join(_BLOCK_PATTERNS)})")
CODE_LEFT_RE = re.compile(rf"{LETTERS}[-‐]?$")


class Lex:
    """Resource entries compiled into one alternation; `match` → (payload, ending, end) or None."""

    def __init__(self, entries: list[tuple[str, object]], ending: str = "", lead: str = WS):
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
        """(payload, lower-case ending, end) of the entry at pos, or None."""
        m = self.re.match(text, pos)
        if not m:
            return None
        name = m.lastgroup
        group = self.ending_group.get(name)
        ending = m.group(group) if group else None
        return self.payload[name], (ending or "").lower(), m.end()
