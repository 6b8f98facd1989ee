"""Demands of the two halves of a bilingual inquiry linked as translations of each other: same type, same
list number when numbered, the same numbers and gazetteer records inside, about the same place in the half."""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Demand
from ..gazetteer import find_bodies, find_places
from ..lang import Segmentation
from ..numbers import find_numbers
from ..translations import translations
from .cues import cues


@dataclass(frozen=True)
class Traits:
    """What a demand says that does not depend on its language: the numbers and gazetteer records in it."""

    numbers: frozenset[float]
    records: frozenset[str]


def traits(d: Demand) -> Traits:
    """The numbers (the list marker aside) and the ids of the places and bodies a demand names."""
    lang = d.lang_part or "ru"
    mark = cues(lang).marker(d.text)
    body = d.text[mark.end:] if mark else d.text
    numbers = frozenset(n.value for n in find_numbers(body, lang))
    records = frozenset(m.id for m in find_places(body, lang, deictic=False)) | \
        frozenset(m.id for m in find_bodies(body, lang))
    return Traits(numbers, records)


def _overlap(a: frozenset, b: frozenset) -> float:
    """+1 when both name the same things, -1 when both name things and none in common, else 0."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return 0.0 if a & b else -1.0


def link_demands(seg: Segmentation, demands: list[Demand]) -> None:
    """Set each demand's `translation` to the index of its counterpart in the other half, if any."""
    known: dict[int, Traits] = {}

    def of(d: Demand) -> Traits:
        if id(d) not in known:
            known[id(d)] = traits(d)
        return known[id(d)]

    def weight(x: Demand, y: Demand, drift: float) -> float:
        if (x.type, x.procedural) != (y.type, y.procedural):
            return 0.0
        if x.number is not None and y.number is not None and x.number != y.number:
            return 0.0
        a, b = of(x), of(y)
        return (1.0 + (x.number is not None and x.number == y.number) + 0.5 * (x.rhetorical == y.rhetorical)
                + _overlap(a.numbers, b.numbers) + _overlap(a.records, b.records) - 2 * drift)

    for d, other in zip(demands, translations(seg, demands, weight), strict=True):
        d.translation = other
