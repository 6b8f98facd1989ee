"""The entity layer's values: a candidate `Span` and `EntityError`."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NlpError

LABELS = ("PER", "ORG", "LOC")
# Which source wins a tie of equal length: the gazetteer, then the written rules, then the model.
PRIORITY = {"gaz": 3, "rule": 2, "ner": 1}


class EntityError(NlpError):
    """The entity layer cannot run (a resource file is malformed or a backend is misconfigured)."""


@dataclass
class Span:
    """A candidate entity: absolute offsets, label, where it came from and what linking found."""

    start: int
    end: int
    label: str
    source: str  # gaz, rule, ner
    canonical: str | None = None
    id: str | None = None
    name_en: str | None = None

    @property
    def size(self) -> int:
        return self.end - self.start
