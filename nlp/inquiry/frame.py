"""The frame of an inquiry: its lines, the title, the address block above it, the salutation and the
signature block; cue words from nlp/resources/inquiry_<lang>.tsv.

A bilingual inquiry repeats the frame: each title opens a language part, and each part has its own
address block (the lines above its title) and signature block (the tail of the part).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import LOWER, UPPER, has_kazakh_letters
from ..lang.wordlists import word_alt

HEADER_LINES = 8  # an address block is at most this many lines above the title
LONG_LINE = 150  # a longer line is running text, never part of an address or signature block
_UP = "A-Z" + UPPER
_LOW = "a-z" + LOWER
_INITIAL = rf"[{_UP}][{_LOW}]?\."
_SURNAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
INITIALS_FIRST = re.compile(rf"(?<![\w.])(?:{_INITIAL}[ \t\u00a0]?){{1,2}}{_SURNAME}(?!\w)")
SURNAME_FIRST = re.compile(rf"{_SURNAME}[ \t\u00a0]+[{_UP}]\.[ \t\u00a0]?(?:[{_UP}](?!\w)\.?)?")


@dataclass(frozen=True)
class Line:
    """One non-empty line of the document: text[start:end], stripped."""

    start: int
    end: int
    text: str

    @property
    def lang(self) -> str:
        return "kk" if has_kazakh_letters(self.text) else "ru"


@dataclass(frozen=True)
class Part:
    """One language part: its lines, the address block (`header`), title and salutation line indexes."""

    lines: tuple[Line, ...]
    header: tuple[Line, ...]
    title: int | None
    salutation: int | None


@cache
def cue(role: str) -> re.Pattern[str]:
    """The words of one role of inquiry_<lang>.tsv as a case-insensitive pattern."""
    return re.compile(rf"(?<!\w)(?:{word_alt('inquiry', role)})(?!\w)", re.IGNORECASE)


def starts_with(role: str, text: str) -> re.Match[str] | None:
    """The cue of `role` that opens `text`, if any."""
    m = cue(role).search(text)
    return m if m and m.start() == 0 else None


def is_contact(text: str) -> bool:
    """A line of telephone numbers or e-mail only (`74-67-84`, `Тел: 74 63 64`)."""
    rest = cue("contact").sub(" ", text)
    if re.search(r"\S+@\S+", rest):
        return True
    return sum(c.isdigit() for c in rest) >= 5 and not re.search(r"[^\W\d_]", rest)


def lines(text: str) -> list[Line]:
    """The non-empty lines of `text`, stripped, with offsets."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + len(raw) - len(raw.lstrip())
            out.append(Line(start, start + len(stripped), stripped))
    return out


def _is_title(line: Line) -> bool:
    m = cue("title").search(line.text)
    return bool(m) and not line.text[:m.start()].strip(" «\"") and not line.text[m.end():].strip(" »\".:")


def _header_start(all_lines: list[Line], title: int, floor: int) -> int:
    """Index of the first line of the address block above the title at `title`."""
    k = title
    while k > max(floor, title - HEADER_LINES):
        line = all_lines[k - 1]
        if len(line.text) > LONG_LINE or is_contact(line.text) or any(
                starts_with(role, line.text) for role in ("executor", "closing", "salutation")):
            break
        k -= 1
        if cue("announced").search(line.text):
            break
    return k


def _salutation(part: list[Line], after: int) -> int | None:
    for k in range(after, min(len(part), after + 4)):
        if starts_with("salutation", part[k].text):
            return k
    return None


def parts(text: str) -> list[Part]:
    """The language parts of an inquiry, each opened by its title (the whole text when there is none)."""
    all_lines = lines(text)
    titles = [k for k, line in enumerate(all_lines) if _is_title(line)]
    starts, floor = [], 0
    for t in titles:
        starts.append(_header_start(all_lines, t, floor))
        floor = t + 1
    if not titles:
        first = next((k for k, line in enumerate(all_lines[:HEADER_LINES + 1])
                      if starts_with("salutation", line.text)), None)
        head = tuple(all_lines[max(0, (first or 0) - HEADER_LINES):first or 0])
        return [Part(tuple(all_lines), head, None, first)]
    out = []
    for n, t in enumerate(titles):
        begin = 0 if n == 0 else starts[n]
        end = starts[n + 1] if n + 1 < len(titles) else len(all_lines)
        part = all_lines[begin:end]
        local = t - begin
        out.append(Part(tuple(part), tuple(all_lines[starts[n]:t]), local, _salutation(part, local + 1)))
    return out
