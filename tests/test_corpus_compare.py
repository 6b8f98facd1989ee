"""corpus.compare: figures grouped by indicator across documents, and figures that disagree."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import corpus
from corpus import conflicts, group_by_indicator
from ingest import read
from nlp import Analysis
from tests.test_corpus_figures import ILLEGAL_KR, KK_INQUIRY, RU_NEWS, kk_figures, ru_figures


@dataclass
class F:
    """A stored figure as compare reads it (the attributes of corpus.FigureHit it uses, and a few shown)."""

    id: int
    value: float
    year: int | None
    place: str | None
    indicator: str | None = "x"
    value_max: float | None = None
    qualifier: str = "exact"
    unit: str = "persons"
    source: str | None = None
    source_kind: str = "official"
    title: str | None = None
    path: str = "d.txt"
    document_id: int = 1
    language: str = "kk"
    period: str | None = None


def test_conflicts_and_groups() -> None:
    group = [F(1, 9600, 2022, "KR"), F(2, 20000, 2022, "KR", source_kind="unofficial"), F(3, 8902, 2020, "KR"),
             F(4, 5, None, None, indicator="y")]
    assert conflicts(group[:3]) == {1, 2}
    grouped = group_by_indicator(group)
    assert [(k, [f.id for f in g]) for k, g in grouped] == [("x", [1, 2, 3]), ("y", [4])]
    assert group_by_indicator(group, min_size=2)[0][0] == "x"


@pytest.mark.parametrize("figures, expected", [
    ([], set()),
    ([F(1, 5, 2020, "KR")], set()),
    ([F(1, 5, 2020, "KR"), F(2, 5, 2020, "KR", document_id=2)], set()),           # the same value twice agrees
    ([F(1, 5, 2020, "KR"), F(2, 5, 2020, "KR", value_max=7, document_id=2)], set()),  # a range holding it too
    ([F(1, 5, 2020, "KR"), F(2, 9, 2020, "KR", value_max=12, document_id=2)], {1, 2}),
    ([F(1, 5, 2020, "KR"), F(2, 6, 2021, "KR", document_id=2), F(3, 7, 2020, "VN", document_id=3)],
     set()),                                                                      # other year, other place
    ([F(1, 5, None, None), F(2, 6, None, None, document_id=2)], set()),          # no period: not comparable
    ([F(1, 5, 2020, "KR"), F(2, 6, 2020, "KR")], set()),                          # one source's parts
    ([F(1, 100, 2020, "KR"), F(2, 112, 2020, "KR", document_id=2, qualifier="about")], set()),  # approximate
])
def test_conflicts_table(figures, expected) -> None:
    assert conflicts(figures) == expected
    assert conflicts(iter(figures)) == expected  # any iterable, read once


def test_groups_skip_figures_without_indicator_and_order_newest_first() -> None:
    group = [F(1, 3, 2019, "KR"), F(2, 1, None, "KR"), F(3, 2, 2022, "KR"), F(4, 9, 2022, "KR", indicator=None),
             F(5, 1, 2022, "AA", indicator="z"), F(6, 2, 2022, "AA", indicator="z")]
    assert [(k, [f.id for f in g]) for k, g in group_by_indicator(group)] == [("x", [3, 1, 2]), ("z", [5, 6])]
    assert group_by_indicator(group, min_size=3) == [("x", group_by_indicator(group)[0][1])]
    assert group_by_indicator([]) == []


def test_on_stored_figures(tmp_path) -> None:
    """Over real stored rows (corpus.list_figures): the five figures on illegal migrants in Korea from two
    documents group together, newest year first; each year has one value, so nothing conflicts."""
    url = f"sqlite:///{tmp_path / 'saual.db'}"
    engine = corpus.get_engine(url)
    for path, make in ((RU_NEWS, ru_figures), (KK_INQUIRY, kk_figures)):
        doc = read(path)
        corpus.store_document(engine, doc, Analysis(figures=make(doc.text)))
    hits = corpus.list_figures(engine)
    groups = dict(group_by_indicator(hits))
    assert len(groups[ILLEGAL_KR]) == 5
    assert {h.indicator for h in hits if h.indicator} == set(groups)
    korea = groups[ILLEGAL_KR]
    assert [(h.year, h.value) for h in korea] == [(2022, 9600), (2020, 8902), (2019, 10707), (2018, 11413),
                                                  (None, 11000)]
    assert len({h.document_id for h in korea}) == 2
    assert conflicts(korea) == set()
    assert all(len(group) == 1 for key, group in groups.items() if key != ILLEGAL_KR)
    corpus.close_engine(url)
