"""How a reply passage refers to a point of the inquiry (`По первому вопросу`, `2.`, `Бірінші ұсыныс бойынша`,
`Во-вторых`) and whether it defers or refuses (`будет рассмотрен`, `мүмкін емес`); words in reply_<lang>.tsv."""

from __future__ import annotations

import re
from functools import cache

from ..lang.resources import forms, lang_rows
from ..lang.segment import LANGS
from ..lang.wordlists import word_alt
from .reply_ref import reply_cue

OPENING = 60  # a point is named in the first characters of its passage
LIST_NUMBER = re.compile(r"\s*(\d{1,2})\s*(?:[.)](?!\d)|[–—-]\s)")


@cache
def _ordinals() -> tuple[tuple[re.Pattern[str], int], ...]:
    out = []
    for cell, role, *rest in lang_rows("reply", LANGS):
        if role == "ordinal" and rest:
            alt = "|".join(re.escape(f.rstrip("*")) + (r"\w*" if f.endswith("*") else "") for f in forms(cell))
            out.append((re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE), int(rest[0])))
    return tuple(out)


@cache
def _point_word() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{word_alt('reply', 'point')})(?!\w)", re.IGNORECASE)


def point_number(passage: str) -> int | None:
    """The number of the inquiry's point a reply passage opens with: `3.`, `3)`, a point word with a number
    (`По вопросу 3`), an ordinal next to a point word (`По третьему вопросу`, `Үшінші ұсыныс бойынша`) or an
    ordinal adverb (`Во-первых`, `Біріншіден`)."""
    m = LIST_NUMBER.match(passage)
    if m:
        return int(m.group(1))
    opening = passage[:OPENING]
    numbered = re.search(rf"(?:{_point_word().pattern})\s*№?\s*(\d{{1,2}})(?!\d)", opening, re.IGNORECASE)
    if numbered:
        return int(numbered.group(1))
    for pattern, number in _ordinals():
        hit = pattern.search(opening)
        if not hit:
            continue
        word = hit.group().lower()
        near = _point_word().search(opening, hit.end(), hit.end() + 25) or _point_word().search(
            opening, max(0, hit.start() - 25), hit.start())
        if near or "-" in word or word.endswith(("ден", "дан")):
            return number
    return None


def defers(passage: str) -> bool:
    """True when the passage defers or refuses (`будет рассмотрен`, `не представляется возможным`, `мүмкін емес`)."""
    return bool(reply_cue("defer").search(passage))
