"""Many sources on the same indicators (tests/data/multisource, written for the tests, ru and kk): the ingest
pipeline finds the clashes between official and unofficial figures, and none of the look-alike pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus

DATA = Path(__file__).parent / "data" / "multisource"


@pytest.fixture(scope="module")
def cards(module_engine) -> list[corpus.ConflictCard]:
    report = corpus.ingest_paths(module_engine, [DATA])
    assert len(report.added) == 21 and not report.failed
    return corpus.list_conflicts(module_engine)


def _pairs(cards: list[corpus.ConflictCard]) -> set[frozenset]:
    return {frozenset(((c.figures[i].doc, c.figures[i].value), (c.figures[j].doc, c.figures[j].value)))
            for c in cards for i, j in c.pairs}


@pytest.mark.parametrize("a, b", [
    (("bns-unemployment-2024-02", 440000), ("deputy-unemployment-2024-03", 1000000)),  # same year, ru
    (("labour-ministry-unemployment-2024-04", 445000), ("deputy-unemployment-2024-03", 1000000)),  # kk vs ru
    (("health-ministry-doctors-2025-09", 4000), ("union-doctors-2025-10", 9000)),  # "now" a month apart
    (("bns-wages-2025-06", 420000), ("experts-wages-2025-06", 300000)),  # an upper bound below the official figure
    (("road-ngo-accidents-2025-02", 20000), ("police-accidents-ru-2025-05", 12300)),  # kk vs ru, both approximate
    (("minister-petrol-2024-11", 205), ("portal-petrol-2024-11", 240)),  # the minister's words are not the sector
    (("akimat-schools-2025-07", 150), ("parents-schools-2025-07", 300)),  # a lower bound above the official figure
    (("natbank-inflation-2025-04", 10.5), ("economists-inflation-2025-04", 15)),  # a range above a point
    (("diaspora-contrast-turkey-2025-03", 3000), ("diaspora-contrast-turkey-2025-03", 8000)),  # own contrast
])
def test_clashes_are_found(cards, a, b) -> None:
    assert frozenset((a, b)) in _pairs(cards)


@pytest.mark.parametrize("a, b", [
    (("bns-unemployment-2024-02", 440000), ("labour-ministry-unemployment-2024-04", 445000)),  # within tolerance
    (("bns-unemployment-2024-02", 440000), ("bns-unemployment-2024-02", 450000)),  # 2023 vs 2022: a trend
    (("health-ministry-doctors-2025-09", 4000), ("health-ministry-doctors-2025-09", 1500)),  # rural subset
    (("bns-wages-2025-06", 420000), ("bns-wages-2025-06", 560000)),  # the country vs one city
    (("police-accidents-2025-02", 12000), ("road-ngo-accidents-2025-02", 20000)),  # "more than 12 000" allows it
    (("police-accidents-2025-02", 12000), ("police-accidents-ru-2025-05", 12300)),
    (("akimat-schools-2025-07", 150), ("akimat-schools-2025-07", 90)),  # now vs 2020: a trend
    (("programme-funds-ru-2025-03", 10e9), ("programme-funds-kk-2025-03", 8e9)),  # allocated vs spent
    (("programme-funds-kk-2025-03", 10e9), ("programme-funds-ru-2025-03", 8e9)),
    (("akimat-unemployment-region-2025-04", 440000), ("bns-unemployment-2024-02", 440000)),  # 2025 vs 2023
    (("growth-accidents-2025-03", 800), ("growth-accidents-2025-03", 950)),  # 2024 then now: growth, no contrast
])
def test_look_alikes_are_not_flagged(cards, a, b) -> None:
    assert frozenset((a, b)) not in _pairs(cards)


def test_every_clash_sets_an_official_or_unstated_source_against_an_unofficial_one(cards) -> None:
    assert len(cards) == 8
    assert {c.kind for c in cards} == {"official vs unofficial", "unknown vs unofficial"}  # `Нацбанк:` unread
    assert {c.place for c in cards} == {"Kazakhstan", "Almaty", "Türkiye"}


def test_a_country_total_after_a_region_is_the_countrys(module_engine, cards) -> None:
    """`В Алматинской области 5 тыс. безработных. Всего по стране — 440 тыс.`: the total is Kazakhstan's."""
    figures = corpus.list_figures(module_engine, indicator="unemployed|persons|Kazakhstan")
    assert any(f.value == 440000 and f.year == 2025 for f in figures)
