"""Bounded ranking (corpus.search.CANDIDATES): a query with more word matches than CANDIDATES under the filters is
ranked among its newest CANDIDATES (or the newest limit+offset), exactly as those would rank among every match;
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

import corpus
from nlp import Analysis, Entity

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


@pytest.mark.parametrize("window, documents", [
    (None, list(range(COUNT))),  # every match
    (COUNT, list(range(COUNT))),  # the window holds every match: exact
    (5, list(range(COUNT - 5, COUNT))),  # the documents of the newest 5 matching passages
    (1, [COUNT - 1]),
])
def test_facets_past_the_window_count_the_newest_matches(window_engine, window, documents) -> None:
    languages = {"ru": sum(1 for i in documents if i % 2 == 0), "kk": sum(1 for i in documents if i % 2 == 1)}
    counts = corpus.facets(window_engine, "тариф", window=window)
    assert counts["language"] == {k: v for k, v in languages.items() if v}
    assert sum(counts["kind"].values()) == len(documents)
    assert corpus.facet_window(window_engine, "тариф", window or COUNT) is (window is not None and window < COUNT)


def test_entity_facets_past_the_window_count_the_newest_matches(module_engine, make_document) -> None:
    """Countries mentioned in the newest matching documents only are all a window counts."""
    for i, country in enumerate(("Корея", "Корея", "Турция", "Германия")):
        doc = make_document([(f"Мигранты из страны {country} работают.", "ru")], path=f"entity{i}.txt",
                            language="ru")
        at = doc.text.index(country)
        entity = Entity(text=country, start=at, end=at + len(country), label="LOC", canonical=country)
        corpus.store_document(module_engine, doc, Analysis(entities=[entity]))
    every = {e.name: e.documents for e in corpus.entity_facets(module_engine, "мигранты", window=None)}
    newest = {e.name: e.documents for e in corpus.entity_facets(module_engine, "мигранты", window=2)}
    assert every == {"Корея": 2, "Турция": 1, "Германия": 1}
    assert newest == {"Турция": 1, "Германия": 1}
    assert corpus.facet_window(module_engine, "мигранты", 2) and not corpus.facet_window(module_engine, "мигранты", 4)
