"""Newest matches looked for among the newest passages first (corpus.plan.newest_ids): on PostgreSQL the id range
widens until the window is full, and every result is the same as the plain query over every match gives; SQLite
has no range form (FTS5 yields its matches newest first) and must give the same results too."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

import corpus
from nlp import Analysis

PLAN = importlib.import_module("corpus.plan")
SEARCH = importlib.import_module("corpus.search")

COUNT = 60
FILLER = "Министерство рассмотрело обращение и сообщает следующее."


def words(i: int) -> str:
    """Document i's passage: `тариф` in every third from the newest, `квота` in the newest few only,
    `субсидия` in the oldest few only, so the widening needs one, several or every range."""
    text = [FILLER]
    if (COUNT - 1 - i) % 3 == 0:
        text.append(" ".join(["тариф"] * (1 + (COUNT - i) % 5)))
    if i >= COUNT - 4:
        text.append("квота")
    if i < 4:
        text.append("субсидия")
    return " ".join(text)


@pytest.fixture(scope="module")
def range_engine(module_engine, make_document):
    for i in range(COUNT):
        language, kind = ("ru", "press_release") if i % 2 == 0 else ("kk", "news")
        doc = make_document([(words(i), language)], path=f"range{i:02d}.txt", kind=kind, language=language,
                            date=dt.date(2019, 1, 1) + dt.timedelta(days=30 * i))
        corpus.store_document(module_engine, doc, Analysis())
    return module_engine


def plain(monkeypatch) -> None:
    """The first range holds every passage: one plain query over every match."""
    monkeypatch.setattr(PLAN, "FIRST_SPAN", 1)


def narrow(monkeypatch, match_cost: int = 10 ** 6) -> list[dict]:
    """Start from a range of one passage (widening it while any match, with the default match_cost); returns the
    list the ranges tried are appended to."""
    monkeypatch.setattr(PLAN, "FIRST_SPAN", 10 ** 6)
    monkeypatch.setattr(PLAN, "SPAN_PER_NEED", 0)
    monkeypatch.setattr(PLAN, "MATCH_COST", match_cost)
    tried: list[dict] = []
    newest_ids = PLAN.newest_ids

    def spy(conn, plan, need, fetch, filtered=False):
        return newest_ids(conn, plan, need, lambda sql, extra: (tried.append(extra), fetch(sql, extra))[1], filtered)

    monkeypatch.setattr(SEARCH, "newest_ids", spy)
    monkeypatch.setattr(PLAN, "newest_ids", spy)
    return tried


def outcome(engine, query: str, filters: dict) -> tuple:
    """Everything a window decides: a ranked page, a deeper page, facets, entity facets and the window flag."""
    page = [(h.passage_id, round(h.rank, 6)) for h in corpus.search(engine, query, limit=5, **filters)]
    deep = [h.passage_id for h in corpus.search(engine, query, limit=3, offset=4, **filters)]
    return (page, deep, corpus.facets(engine, query, window=3), corpus.facet_window(engine, query, 3),
            [e.key for e in corpus.entity_facets(engine, query, window=3)])


@pytest.mark.parametrize("match_cost", [0, 10 ** 6])  # read every match early, or widen
@pytest.mark.parametrize("query, filters", [
    ("тариф", {}),
    ("тариф", {"language": "ru"}),
    ("тариф", {"kind": "news", "date_from": dt.date(2021, 1, 1)}),
    ("квота", {}),
    ("субсидия", {}),
    ("квота тариф", {}),
    ("нетакогослова", {}),
])
def test_widened_ranges_give_the_plain_results(range_engine, monkeypatch, query, filters, match_cost) -> None:
    monkeypatch.setattr(SEARCH, "CANDIDATES", 4)
    plain(monkeypatch)
    expected = outcome(range_engine, query, filters)
    tried = narrow(monkeypatch, match_cost)
    assert outcome(range_engine, query, filters) == expected
    if range_engine.dialect.name == "postgresql":
        assert any("since" in extra for extra in tried)  # ranges were tried, not just the plain query
    else:
        assert all(extra == {} for extra in tried)


def test_a_sparse_word_widens_the_range_until_the_window_is_full(range_engine, monkeypatch) -> None:
    monkeypatch.setattr(SEARCH, "CANDIDATES", 4)
    tried = narrow(monkeypatch)
    hits = corpus.search(range_engine, "тариф", limit=5)
    assert len(hits) == 5
    if range_engine.dialect.name == "sqlite":  # FTS5 yields its matches newest first: candidates are a subquery
        assert tried == []
        return
    spans = [extra["since"] for extra in tried]
    assert len(spans) >= 3 and spans == sorted(spans, reverse=True) and len(set(spans)) == len(spans)


@pytest.mark.parametrize("match_cost", [0, 10 ** 6])
def test_an_old_word_reads_every_match(range_engine, monkeypatch, match_cost) -> None:
    """No match among the newest passages, or (match_cost 0) reading every match costing less than a wider
    range: the plain query follows the first range (PostgreSQL; SQLite runs the plain one alone)."""
    tried = narrow(monkeypatch, match_cost)
    hits = corpus.search(range_engine, "субсидия" if match_cost else "тариф", limit=30)
    assert len(hits) == (4 if match_cost else COUNT // 3)
    if range_engine.dialect.name == "sqlite":
        assert tried == []
    else:
        assert len(tried) == 2 and "since" in tried[0] and tried[1] == {}
