"""The date a document states for itself: announced/published phrase, a news date line, metadata.

`2025 жылғы 21 мамырда жарияланды`, `21.05.2025 ж. жарияланды`, `Оглашено 21 мая 2025 года`,
`9 октября 2025`, `09.10.2025 14:30`, `date 2025-10-09`. E-document stamps
(`22.05.2025 ЭҚАБЖ МО ...`) and dates of events inside the body are never the document's date.
Month names (all case forms) and cue words are data files in ingest/resources.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .document import Document
from .resources import load_rows

# Dates in the first HEAD_CHARS characters count without a cue; later ones need a cue word.
HEAD_CHARS = 400
# A line holding little but a date (and maybe a time) is a date line; it may hold this many letters.
DATE_LINE_LETTERS = 12
# Cue words are looked for this many characters either side of the date, within its line.
CUE_WINDOW = 60
# Characters after a date (on its line) in which a stamp marker makes it a stamp.
STAMP_WINDOW = 40
# Scores: a date needs at least MIN_SCORE to be the document's date.
HEAD_SCORE = 1
DATE_LINE_SCORE = 1
MIN_SCORE = 1
# The typo check: an announced date this many days before every stamp, with a day and month
# within MONTH_DAY_SLACK days of a stamp's, is probably a mistyped year.
TYPO_DAYS = 300
MONTH_DAY_SLACK = 31
FIRST_YEAR = 1991


@dataclass
class DateMention:
    """A date written at text[start:end], with the evidence that it is the document's own date."""

    date: dt.date
    start: int
    end: int
    score: int = 0
    stamp: bool = False
    cue: str | None = None


@cache
def month_forms() -> dict[str, int]:
    """Every Kazakh and Russian month form (lower case) → month number."""
    forms: dict[str, int] = {}
    for name in ("months_kk.tsv", "months_ru.tsv"):
        for number, form in load_rows(name):
            forms[form.lower()] = int(number)
    return forms


@cache
def _patterns() -> list[re.Pattern[str]]:
    """Date regexes; each has named groups d, m (number or month word) and y."""
    months = "|".join(sorted(map(re.escape, month_forms()), key=len, reverse=True))
    day = r"[«\"“]?(?P<d>\d{1,2})[»\"”]?"
    year_word = r"(?:\s*(?:г\.|года|год|ж\.|жылы|жылғы|жыл))?"
    return [
        # 2025 жылғы 21 мамырда · 2025 жылдың 21 мамырында · 2025 ж. 21 мамыр
        re.compile(rf"(?<!\d)(?P<y>\d{{4}})\s*(?:ж\.|жылғы|жылы|жылдың|жыл)\s*{day}\s*"
                   rf"(?P<m>{months})(?!\w)", re.IGNORECASE),
        # 21 мая 2025 года · 9 октября 2025 · 21 мамыр 2025 ж.
        re.compile(rf"(?<![\d\w]){day}\s+(?P<m>{months})\s+(?P<y>\d{{4}})(?!\d){year_word}",
                   re.IGNORECASE),
        # 21.05.2025 · 21.05.2025ж. · 09.10.2025 14:30
        re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)"
                   r"(?:\s*(?:ж\.|г\.|года|жылы|жылғы))?(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?"),
        # 2025-10-09 (ISO, as metadata lines and web pages write it)
        re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"
                   r"(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"),
    ]


@cache
def cue_patterns() -> list[tuple[int, re.Pattern[str]]]:
    """(weight, pattern) of the words that mark a date as announced/published, or as not the doc's."""
    cues = []
    for name in ("date_cues_kk.tsv", "date_cues_ru.tsv", "date_cues_en.tsv"):
        for weight, pattern in load_rows(name):
            cues.append((int(weight), re.compile(pattern, re.IGNORECASE)))
    return cues


@cache
def stamp_markers() -> tuple[str, ...]:
    """Markers that make a date an e-document stamp (resources/stamp_markers.txt)."""
    return tuple(row[0] for row in load_rows("stamp_markers.txt"))


def _make_date(y: str, m: str, d: str) -> dt.date | None:
    month = int(m) if m.isdigit() else month_forms().get(m.lower())
    if month is None:
        return None
    try:
        date = dt.date(int(y), month, int(d))
    except ValueError:
        return None
    if not FIRST_YEAR <= date.year <= dt.date.today().year + 1:
        return None
    return date


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (or paragraph, in assembled text) around text[start:end]."""
    left = max(text.rfind("\n", 0, start), 0)
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


def find_dates(text: str) -> list[DateMention]:
    """Every well-formed date in the text with its score, in text order (overlaps resolved)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            date = _make_date(match["y"], match["m"], match["d"])
            if date is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(_score(text, DateMention(date, match.start(), match.end())))
    return sorted(found, key=lambda m: m.start)


def _score(text: str, mention: DateMention) -> DateMention:
    """Score one date: cue words nearby, a place in the head, a line of its own; flag stamps."""
    left, right = _line_bounds(text, mention.start, mention.end)
    after = text[mention.end:min(right, mention.end + STAMP_WINDOW)]
    if any(marker in after for marker in stamp_markers()):
        mention.stamp = True
        return mention
    window = (text[max(left, mention.start - CUE_WINDOW):mention.start] + " \u2063 "
              + text[mention.end:min(right, mention.end + CUE_WINDOW)])
    best_cue = None
    for weight, cue in cue_patterns():
        hit = cue.search(window)
        if hit:
            mention.score += weight
            if weight > 0 and best_cue is None:
                best_cue = hit.group(0)
    mention.cue = best_cue
    if mention.start < HEAD_CHARS:
        mention.score += HEAD_SCORE
        rest = text[left:mention.start] + text[mention.end:right]
        if sum(c.isalpha() for c in rest) <= DATE_LINE_LETTERS:
            mention.score += DATE_LINE_SCORE
    return mention


def phrase_end(text: str, mention: DateMention) -> int:
    """Where the date's phrase ends: after a cue word right behind it (`21 мамырда жарияланды`)."""
    rest = text[mention.end:]
    for weight, cue in cue_patterns():
        hit = cue.match(rest.lstrip(" .,"))
        if weight > 0 and hit:
            return mention.end + (len(rest) - len(rest.lstrip(" .,"))) + hit.end()
    return mention.end


def stamp_dates(doc: Document) -> list[dt.date]:
    """Dates of the e-document stamps: the reader's metadata["stamps"] and any left in the text."""
    dates: list[dt.date] = []
    for stamp in doc.metadata.get("stamps") or []:
        for mention in find_dates(_stamp_text(stamp)):
            dates.append(mention.date)
    dates += [m.date for m in find_dates(doc.text) if m.stamp]
    return sorted(set(dates))


def _stamp_text(stamp: Any) -> str:
    if isinstance(stamp, dict):
        return " ".join(str(v) for v in stamp.values() if isinstance(v, (str, dt.date)))
    return str(stamp)


def find_date_mention(doc: Document) -> DateMention | None:
    """The best-scored date the document states for itself, or None."""
    candidates = [m for m in find_dates(doc.text) if not m.stamp and m.score >= MIN_SCORE]
    if not candidates:
        return None
    return max(candidates, key=lambda m: (m.score, -m.start))


def find_date(doc: Document) -> dt.date | None:
    """The document's announced/published date; a year mistyped against the stamps is corrected, with a warning."""
    mention = find_date_mention(doc)
    if mention is None:
        return None
    corrected = year_typo(mention.date, stamp_dates(doc))
    if corrected is None:
        return mention.date
    doc.metadata["stated_date"] = mention.date.isoformat()
    warning = (f"stated date {mention.date.isoformat()} lies a year before the e-document stamps on the "
               f"same day and month; its year looks mistyped, using {corrected.isoformat()}")
    if warning not in doc.warnings:
        doc.warnings.append(warning)
    return corrected


def year_typo(date: dt.date, stamps: list[dt.date]) -> dt.date | None:
    """The date with its year corrected, when `date` lies a year or so before every e-document stamp
    but on a stamp's day and month (a document is registered within days of being announced)."""
    if not stamps or date >= min(stamps) - dt.timedelta(days=TYPO_DAYS):
        return None
    for stamp in stamps:
        try:
            same_year = date.replace(year=stamp.year)
        except ValueError:  # 29 February
            continue
        if same_year <= stamp and (stamp - same_year).days <= MONTH_DAY_SLACK:
            return same_year
    return None
