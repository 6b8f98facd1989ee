"""Bounded ranking (corpus.search.CANDIDATES): a query with more word matches than CANDIDATES under the filters is
ranked among its newest CANDIDATES (or the newest limit+offset), exactly as those would rank among every match;
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

import corpus
from nlp import Analysis

SEARCH = importlib.import_module("corpus.search")  # the module (corpus.search is also the function)

COUNT = 12
FILLER = "Министерство рассмотрело обращение и сообщает следующее."


def density(i: int) -> int:
    """How often document i says the word: a permutation of 1..COUNT, so rank order is not storing order."""
    return (i * 5) % COUNT + 1


@pytest.fixture(scope="module")
def window_engine(module_engine, make_document):
    """COUNT one-passage documents, stored in order; even ones Russian press releases, odd ones Kazakh news."""
    for i in range(COUNT):
        language, kind = ("ru", "press_release") if i % 2 == 0 else ("kk", "news")
        text = " ".join(["тариф"] * density(i)) + " " + FILLER
        doc = make_document([(text, language)], path=f"doc{i:02d}.txt", kind=kind, language=language,
                            date=dt.date(2020, 1, 1) + dt.timedelta(days=i))
        corpus.store_document(module_engine, doc, Analysis())
    return module_engine


def exact(engine, **filters) -> list[int]:
    """Passage ids of every match, ranked over all of them (fewer matches than CANDIDATES)."""
    return [h.passage_id for h in corpus.search(engine, "тариф", limit=100, **filters)]


def newest(engine, n: int, **filters) -> set[int]:
    """The n largest passage ids among the matches under the filters."""
    return set(sorted(exact(engine, **filters))[-n:])


def test_below_the_bound_every_match_is_ranked(window_engine) -> None:
    hits = corpus.search(window_engine, "тариф", limit=100)
    assert len(hits) == COUNT
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    assert hits[0].path == f"doc{max(range(COUNT), key=density):02d}.txt"  # the densest passage, not the newest


@pytest.mark.parametrize("candidates, limit, offset, filters", [
    (4, 2, 0, {}),
    (4, 3, 3, {}),  # a page deeper than the bound ranks the newest limit+offset
    (3, 2, 0, {"language": "kk"}),  # candidates are counted under the filters
    (2, 5, 0, {"kind": "press_release", "date_from": dt.date(2020, 1, 5)}),
    (5, 20, 0, {}),
])
def test_a_broad_query_is_ranked_among_its_newest_matches(window_engine, monkeypatch, candidates, limit, offset,
                                                          filters) -> None:
    ranked_all = exact(window_engine, **filters)
    pool = newest(window_engine, max(candidates, limit + offset), **filters)
    expected = [pid for pid in ranked_all if pid in pool][offset:offset + limit]
    monkeypatch.setattr(SEARCH, "CANDIDATES", candidates)
    hits = corpus.search(window_engine, "тариф", limit=limit, offset=offset, **filters)
    assert [h.passage_id for h in hits] == expected
    assert all(h.rank > 0 for h in hits)


def test_pages_inside_the_bound_follow_one_order(window_engine, monkeypatch) -> None:
    monkeypatch.setattr(SEARCH, "CANDIDATES", 6)
    whole = [h.passage_id for h in corpus.search(window_engine, "тариф", limit=6)]
    pages = [h.passage_id for o in (0, 2, 4) for h in corpus.search(window_engine, "тариф", limit=2, offset=o)]
    assert pages == whole and len(set(whole)) == 6


def test_counts_and_snippets_are_not_bounded(window_engine, monkeypatch) -> None:
    monkeypatch.setattr(SEARCH, "CANDIDATES", 2)
    assert sum(corpus.facets(window_engine, "тариф")["language"].values()) == COUNT
    hits = corpus.search(window_engine, "тарифы", limit=3)  # a stem match: highlighted as the stored form
    assert len(hits) == 3 and all("тариф" in h.snippet for h in hits)
