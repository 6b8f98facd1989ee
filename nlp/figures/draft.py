"""The values figures are built from: a number's counted noun, a cue, a sentence with its cues and
year mentions, and the draft of a figure before place, source and indicator (paragraph offsets)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..numbers import NumberMatch

YearMention = tuple[int, int, int | None, str]  # start, end, year (None for bounds and ranges), period


@dataclass
class Counted:
    """The counted noun of a number: unit code, kind and where it ends."""

    unit: str
    kind: str
    start: int
    end: int
    attached: bool


@dataclass
class Cue:
    """A figure cue found in a sentence (figcues_<lang>.tsv kind, or a found `refspan`)."""

    start: int
    end: int
    kind: str
    text: str


@dataclass
class FigureSentence:
    """One sentence of a paragraph with its clauses, cues and year mentions (paragraph offsets)."""

    start: int
    end: int
    clauses: list[tuple[int, int]]
    cues: list[Cue] = field(default_factory=list)
    years: list[YearMention] = field(default_factory=list)

    def clause_of(self, pos: int) -> tuple[int, int]:
        """The clause holding pos (the whole sentence when none does)."""
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.start, self.end

    def has(self, kind: str, a: int | None = None, b: int | None = None) -> bool:
        """A cue of this kind starts in [a, b) (default: the whole sentence)."""
        a = self.start if a is None else a
        b = self.end if b is None else b
        return any(c.kind == kind and a <= c.start < b for c in self.cues)


@dataclass
class Draft:
    """A figure before place, source and indicator: paragraph offsets."""

    m: NumberMatch
    start: int
    end: int
    unit: str | None
    counted: Counted | None
    sentence: FigureSentence
    kind: str = "statistic"
    what: str | None = None
    year: int | None = None
    period: str | None = None
    elliptic: bool = False  # "now" only because its clause has no verb: a count it continues decides
