"""Conflict rules: when two stored figures of one indicator speak of the same moment, and when they disagree.

Pure functions over small dataclasses (`Statement`), so the rules are tested on hand-built values and
the database layer (corpus/cards.py) only loads rows and stores what these functions decide.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

LOWER_BOUNDS = frozenset({"more_than", "at_least", "from"})
UPPER_BOUNDS = frozenset({"up_to", "less_than"})
APPROXIMATE = frozenset({"about"})
OFFICIAL = "official"
# card kinds, most telling first (a card with several kinds of disagreeing pairs shows the first)
KIND_ORDER = ("official vs unofficial", "official vs official", "unofficial vs unofficial")


@dataclass(frozen=True)
class Settings:
    """Tolerances (relative) and the window in which two "now" statements are the same moment."""

    tolerance: float = 0.05
    approx_tolerance: float = 0.15
    window_days: int = 365
    # an undated document's present is no earlier than the newest year it gives; taken as up to this many
    # years later when set against dated "now" statements (such cards are marked low confidence)
    undated_years: int = 3
    # a card keeps at most this many disagreeing pairs, the widest apart first (all are counted): a moment
    # quoted by thousands of documents would otherwise list hundreds of thousands of pairs
    max_pairs: int = 1000
    kinds: frozenset[str] = frozenset({"statistic", "count", "money", "duration", "rate"})  # not proposals, norms


DEFAULT = Settings()


@dataclass
class Statement:
    """One stored figure as the rules see it; `language` is its passage's, `doc_date` its document's date."""

    id: int
    value: float
    value_max: float | None = None
    qualifier: str = "exact"
    year: int | None = None
    period: str | None = None
    source_kind: str = "unknown"
    document_id: int = 0
    doc_date: dt.date | None = None
    language: str = "other"
    approx: bool = False
    source: str | None = None
    kind: str = "statistic"
    latest_year: int | None = None  # the newest year its document gives this indicator (set by moments)
    part: str = ""  # its indicator key, when a card compares disjoint parts of one whole
    contrast: bool = False  # its sentence sets it against official figures (nlp's figcues "contrast")

    @cached_property
    def now(self) -> bool:
        """A present-time statement ("now", "now, after …")."""
        return bool(self.period) and self.period.split(",")[0].strip() == "now"

    @property
    def dated(self) -> bool:
        """It can be placed in time: a year, or a present-time cue."""
        return self.year is not None or self.now


@dataclass
class Moment:
    """Statements of one indicator about one moment, and the index pairs among them that disagree."""

    statements: list[Statement]
    pairs: list[tuple[int, int]] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)  # per pair: why its two statements are one moment
    pairs_total: int = 0  # disagreeing pairs before keeping the widest max_pairs
    parts: bool = False  # shares of disjoint parts of one whole: the spread is the excess over 100 %

    @property
    def confidence(self) -> str:
        """high, medium or low: how sure it is that the surest disagreeing pair speaks of one moment."""
        levels = [CONFIDENCE.get(b, "low") for b in self.bases]
        return next((lvl for lvl in ("high", "medium") if lvl in levels), "low")

    @property
    def period(self) -> str:
        """A readable moment: the year(s), with "now" when present-time statements are in it."""
        years = sorted({s.year for s in self.statements if s.year is not None})
        label = "–".join(str(y) for y in (years[0], years[-1])) if len(years) > 1 else (str(years[0]) if years else "")
        if any(s.now for s in self.statements):
            label = f"now ({label})" if label else "now"
        return label

    @property
    def spread(self) -> float:
        """Relative difference of the extremes of the disagreeing figures (0 when none disagree)."""
        used = {i for pair in self.pairs for i in pair}
        if not used:
            return 0.0
        if self.parts:
            excess = max(sum(max(_interval(self.statements[k])[0], 0.0) for k in pair) for pair in self.pairs)
            return round((excess - 100) / 100, 4)
        low = min(self.statements[i].value for i in used)
        high = max(max(self.statements[i].value, self.statements[i].value_max or 0) for i in used)
        return round((high - low) / high, 4) if high > 0 else 0.0

    @property
    def kind(self) -> str:
        """Official vs unofficial, official vs official, unofficial vs unofficial, else e.g. "official vs unknown"."""
        kinds = {pair_kind(self.statements[i], self.statements[j]) for i, j in self.pairs}
        ranked = [k for k in KIND_ORDER if k in kinds] + sorted(kinds - set(KIND_ORDER))
        return ranked[0] if ranked else ""


def pair_kind(a: Statement, b: Statement) -> str:
    """The kind of a pair from the two source kinds; unknown (or anything else) counts as its own kind."""
    ka, kb = sorted((a.source_kind or "unknown", b.source_kind or "unknown"), key=lambda k: (k != OFFICIAL, k))
    return f"{ka} vs {kb}"


def _interval(s: Statement) -> tuple[float, float]:
    """The values a statement allows: a point, a range, or a half-line for a bound."""
    if s.qualifier in LOWER_BOUNDS:
        return s.value, math.inf
    if s.qualifier in UPPER_BOUNDS:
        return -math.inf, s.value
    if s.value_max is not None:
        return min(s.value, s.value_max), max(s.value, s.value_max)
    return s.value, s.value


def tolerance(a: Statement, b: Statement, settings: Settings = DEFAULT) -> float:
    """The relative tolerance of a pair: widened when either figure is approximate."""
    approximate = any(s.approx or s.qualifier in APPROXIMATE for s in (a, b))
    return max(settings.tolerance, settings.approx_tolerance) if approximate else settings.tolerance


def agree(a: Statement, b: Statement, settings: Settings = DEFAULT) -> bool:
    """Two figures of one moment agree when their allowed values meet within the tolerance.

    The Kazakh and Russian halves of one document stating the same value are one statement, and one source
    does not contradict itself within a document (its different values are parts or other subjects).
    """
    if a.document_id == b.document_id and (_same_source(a, b) or (
            a.language != b.language and (a.value, a.value_max) == (b.value, b.value_max))):
        return True
    (lo_a, hi_a), (lo_b, hi_b) = _interval(a), _interval(b)
    if lo_a > hi_b:
        (lo_a, hi_a), (lo_b, hi_b) = (lo_b, hi_b), (lo_a, hi_a)
    gap = lo_b - hi_a  # > 0 when the allowed values do not meet
    if gap <= 0:
        return True
    scale = max(abs(lo_b), abs(hi_a))
    return scale > 0 and gap / scale <= tolerance(a, b, settings)


def overfull(a: Statement, b: Statement, settings: Settings = DEFAULT) -> bool:
    """Shares of two disjoint parts of one whole (domestic 51 % and relocant > 75 % of one market) that
    cannot both hold: their smallest allowed values add up to more than 100 % plus the tolerance."""
    if a.part == b.part or (a.document_id == b.document_id and _same_source(a, b)):
        return False
    low = sum(max(_interval(s)[0], 0.0) for s in (a, b))
    return low > 100 * (1 + tolerance(a, b, settings))


def _same_source(a: Statement, b: Statement) -> bool:
    """Two figures of one document from one source: same source kind, and the same words or the two halves."""
    if a.source_kind != b.source_kind:
        return False
    return a.language != b.language or " ".join((a.source or "").casefold().split()) == \
        " ".join((b.source or "").casefold().split())


def _contrast(a: Statement, b: Statement) -> bool:
    """A document setting its own present estimate against an official figure of the year(s) before, in so many
    words (its sentence has a contrast cue: otherwise two years are a change, not a clash); in an undated
    document "now" is taken as the newest year it gives the indicator (its present is no earlier)."""
    if a.document_id != b.document_id or a.now == b.now:
        return False
    present, other = (a, b) if a.now else (b, a)
    if not present.contrast or other.year is None or \
            (present.source_kind == OFFICIAL) == (other.source_kind == OFFICIAL):
        return False
    now_year = present.year or (present.doc_date.year if present.doc_date else None) or present.latest_year
    return now_year is not None and 0 <= now_year - other.year <= 1


# why two statements are one moment, and how sure that is (a card's confidence is its surest pair's)
CONFIDENCE = {"same year": "high", "one document, now": "high", "own contrast": "high",
              "now, dated within the window": "medium", "undated now": "low"}


def moment_basis(a: Statement, b: Statement, settings: Settings = DEFAULT) -> str | None:
    """Why two statements speak of one moment (a key of CONFIDENCE), or None when they do not."""
    if not (a.dated and b.dated):
        return None
    if a.now and b.now:
        if a.document_id == b.document_id:
            return "one document, now"
        if a.doc_date and b.doc_date:
            return "now, dated within the window" if abs((a.doc_date - b.doc_date).days) <= settings.window_days \
                else None
        return "undated now" if _undated_now(a, b, settings) or _undated_now(b, a, settings) else None
    if a.year is not None and a.year == b.year:
        return "same year"
    return "own contrast" if _contrast(a, b) else None


def same_moment(a: Statement, b: Statement, settings: Settings = DEFAULT) -> bool:
    """Same year; or two "now" statements from documents dated within the window; or a source's own contrast."""
    return moment_basis(a, b, settings) is not None


def _undated_now(a: Statement, b: Statement, settings: Settings) -> bool:
    """`a`, "now" in an undated document whose newest year is F, and `b`, "now" in a document dated F to
    F + undated_years: possibly the same moment."""
    return (a.doc_date is None and a.year is None and a.latest_year is not None and b.doc_date is not None
            and 0 <= b.doc_date.year - a.latest_year <= settings.undated_years)


def _now_years(s: Statement, settings: Settings) -> range:
    """The years a "now" statement may speak of: its document's, or an undated document's newest year onward."""
    if s.doc_date is not None:
        return range(s.doc_date.year, s.doc_date.year + 1)
    if s.year is None and s.latest_year is not None:
        return range(s.latest_year, s.latest_year + settings.undated_years + 1)
    return range(0)


def _components(statements: list[Statement], edges: list[tuple[int, int]]) -> list[list[int]]:
    """Connected index groups of the same-moment graph (union-find), in first-index order."""
    parent = list(range(len(statements)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(statements)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _gap(a: Statement, b: Statement) -> float:
    """How far apart two statements are, relative to the larger (for keeping the widest pairs)."""
    scale = max(abs(a.value), abs(b.value), 1e-9)
    return abs(a.value - b.value) / scale


def _candidate_pairs(statements: list[Statement], settings: Settings) -> list[tuple[int, int]]:
    """Index pairs worth testing: the same year, "now" statements dated in the same or the next window, or
    the same document (no other pair can be one moment), so the work grows with each moment's size."""
    buckets: dict[tuple, list[int]] = {}
    width = max(settings.window_days, 1)
    undated = any(s.now and s.doc_date is None and s.year is None and s.latest_year for s in statements)
    for i, s in enumerate(statements):
        keys = {("doc", s.document_id)}
        if s.year is not None:
            keys.add(("year", s.year))
        if s.now and s.doc_date:
            slot = s.doc_date.toordinal() // width
            keys |= {("now", slot), ("now", slot + 1)}
        if s.now and undated:  # only to meet an undated document's "now" (same years meet in ("year", …))
            keys |= {("now-year", y) for y in _now_years(s, settings)}
        for key in keys:
            buckets.setdefault(key, []).append(i)
    pairs = {(i, j) for members in buckets.values() for n, i in enumerate(members) for j in members[n + 1:]}
    return sorted(pairs)


def moments(statements: list[Statement], settings: Settings = DEFAULT,
            disagree: Callable[[Statement, Statement, Settings], bool] | None = None) -> list[Moment]:
    """The statements of one indicator split into moments, each with its disagreeing pairs (dated ones only);
    `disagree` replaces "not agree" (e.g. `overfull` for the parts of one whole)."""
    disagree = disagree or (lambda a, b, st: not agree(a, b, st))
    latest: dict[int, int] = {}
    for s in statements:
        if s.year is not None:
            latest[s.document_id] = max(s.year, latest.get(s.document_id, s.year))
    statements = [replace(s, latest_year=latest.get(s.document_id)) if s.now and s.year is None else s
                  for s in statements]
    dated = sorted((s for s in statements if s.dated and s.kind in settings.kinds),
                   key=lambda s: (s.year is None, s.year or 0, s.doc_date or dt.date.min, s.document_id, s.id))
    bases = {(i, j): b for i, j in _candidate_pairs(dated, settings)
             if (b := moment_basis(dated[i], dated[j], settings)) is not None}
    groups = _components(dated, list(bases))
    group_of = {g: n for n, group in enumerate(groups) for g in group}
    edges: dict[int, list[tuple[int, int, str]]] = {}
    for (i, j), b in bases.items():  # each edge to its own group once: linear in the edges
        edges.setdefault(group_of[i], []).append((i, j, b))
    result = []
    for n, group in enumerate(groups):
        if len(group) < 2:
            continue
        index = {g: k for k, g in enumerate(group)}
        found = [(index[i], index[j], b) for i, j, b in edges.get(n, ()) if disagree(dated[i], dated[j], settings)]
        total = len(found)
        if total > settings.max_pairs:
            found = sorted(found, key=lambda p: -_gap(dated[group[p[0]]], dated[group[p[1]]]))[:settings.max_pairs]
        found.sort()
        result.append(Moment([dated[g] for g in group], [(i, j) for i, j, _ in found], [b for *_, b in found],
                             parts=disagree is overfull, pairs_total=total))
    return result
