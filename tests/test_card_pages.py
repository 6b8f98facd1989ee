"""The Conflicts page's SQL (corpus.conflict_page, conflict_facets: stored card summaries, migration 0016) keeps
the cards, order, pages and counts of the Python path it replaced (sort_cards, filter_cards and card_facets over
every card of list_conflicts), on the conflict documents and the many-source corpus ingested through the real
ingest path, SQLite and PostgreSQL; first sightings are spread out so "recent" and "new since" have work."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from sqlalchemy import update

import corpus
from corpus.claims import card_facets, filter_cards, sort_cards
from corpus.models import ConflictRow
from tests.fixtures_db import SOUTH_KOREA, UNEMPLOYMENT, write_conflict_documents

MULTISOURCE = Path(__file__).parent / "data" / "multisource"
DAY = dt.datetime(2026, 3, 1, 12, 0, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def cards_engine(module_db_url: str, tmp_path_factory):
    """Conflict documents and the many-source corpus; cards first seen on three days, two of them within one
    second (microseconds apart: the page shows, and orders by, the second)."""
    engine = corpus.get_engine(module_db_url)
    report = corpus.ingest_paths(engine, [write_conflict_documents(tmp_path_factory.mktemp("pages")), MULTISOURCE])
    assert report.ok, report.failed
    ids = sorted(c.id for c in corpus.list_conflicts(engine))
    assert len(ids) >= 8
    seen = [DAY, DAY + dt.timedelta(microseconds=900), DAY + dt.timedelta(days=2), DAY + dt.timedelta(days=5)]
    with engine.begin() as conn:
        for i, card_id in enumerate(ids):
            conn.execute(update(ConflictRow).where(ConflictRow.id == card_id).values(first_seen=seen[i % len(seen)]))
    return engine


def old_ids(engine, sort: str = "spread", **filters) -> list[str]:
    """The Python path: every card parsed, filtered and sorted in Python."""
    cards = corpus.list_conflicts(engine, since=filters.pop("since", None))
    return [c.id for c in sort_cards(filter_cards(cards, **filters), sort)]


def old_facets(engine, **filters) -> dict[str, dict[str, int]]:
    """card_facets of the Python path, each facet under the other filters."""
    since = filters.pop("since", None)
    cards = corpus.list_conflicts(engine, since=since)
    return {name: card_facets(filter_cards(cards, **{k: v for k, v in filters.items() if k != name}))[name]
            for name in corpus.CARD_FACETS}


FILTERS = [{}, {"indicator": SOUTH_KOREA}, {"indicator": UNEMPLOYMENT, "source_kind": "official"},
           {"place": "kazakhstan"}, {"place": "TÜRKIYE"}, {"place": "Atlantis"}, {"source_kind": "unofficial"},
           {"source_kind": "unknown"}, {"source_kind": "offic"}, {"kind": "official vs unofficial"},
           {"kind": "unknown vs unofficial", "place": "Kazakhstan"}, {"since": DAY.date() + dt.timedelta(days=1)},
           {"since": DAY.date() + dt.timedelta(days=3), "place": "Kazakhstan"}]


@pytest.mark.parametrize(("filters", "sort"), list(itertools.product(FILTERS, corpus.CARD_SORTS)))
def test_sql_pages_give_the_cards_and_order_of_the_python_path(cards_engine, filters: dict, sort: str) -> None:
    expected = old_ids(cards_engine, sort, **filters)
    page = corpus.conflict_page(cards_engine, sort=sort, **filters)
    assert page.ids == expected and page.total == len(expected)
    pages = [corpus.conflict_page(cards_engine, sort=sort, limit=3, offset=at, **filters) for at in range(0, 12, 3)]
    assert [i for p in pages for i in p.ids] == expected and {p.total for p in pages} == {len(expected)}
    assert corpus.count_conflicts(cards_engine, **filters) == len(expected)


@pytest.mark.parametrize("filters", FILTERS)
def test_sql_facet_counts_are_the_python_counts(cards_engine, filters: dict) -> None:
    counts = corpus.conflict_facets(cards_engine, **filters)
    assert counts == old_facets(cards_engine, **filters)
    assert corpus.conflict_facets(cards_engine, names=("place",), **filters) == {"place": counts["place"]}


def test_the_recent_order_and_since_see_the_spread_sightings(cards_engine) -> None:
    recent = corpus.conflict_page(cards_engine, sort="recent").ids
    newest = corpus.conflict_page(cards_engine, since=DAY.date() + dt.timedelta(days=5)).ids
    assert newest and set(recent[:len(newest)]) == set(newest)
    assert recent != corpus.conflict_page(cards_engine).ids
    assert corpus.conflict_facets(cards_engine)["source_kind"]["official"] >= 8


def test_the_page_reads_only_its_cards_whole(cards_engine) -> None:
    page = corpus.conflict_page(cards_engine, sort="sources", limit=4, offset=2)
    views = corpus.conflict_views(cards_engine, page.ids)
    assert [v.card.id for v in views] == page.ids and len(page.ids) == 4
    whole = {c.id: c for c in corpus.list_conflicts(cards_engine)}
    assert [v.card for v in views] == [whole[i] for i in page.ids]
    assert corpus.get_conflict(cards_engine, page.ids[0]) == whole[page.ids[0]]
    listed = corpus.conflict_views(cards_engine, page.ids, 2)  # a list shows a card's first figures
    assert [v.card for v in listed] == [v.card for v in views]
    for short, full in zip(listed, views, strict=True):
        assert short.hits[:2] == full.hits[:2] and all(short.hits[:2])
        assert short.hits[2:] == [None] * (len(full.card.figures) - 2) and all(full.hits)
    assert any(len(v.card.figures) > 2 for v in views)


def test_cards_without_a_summary_are_read_the_old_way(cards_engine) -> None:
    """A row whose summary is empty (stored before 0016 without its JSON) sends the page down the Python path."""
    target = corpus.conflict_page(cards_engine, limit=1).ids[0]
    table = ConflictRow.__table__
    with cards_engine.begin() as conn:
        kept = conn.execute(table.select().where(table.c.id == target)).mappings().one()
        conn.execute(table.update().where(table.c.id == target).values(kind=None, sources=None))
    try:
        for filters, sort in [({}, "sources"), ({"source_kind": "unofficial"}, "recent"), ({"place": "kazakhstan"},
                                                                                          "spread")]:
            assert corpus.conflict_page(cards_engine, sort=sort, **filters).ids == old_ids(cards_engine, sort,
                                                                                          **filters)
            assert corpus.conflict_facets(cards_engine, **filters) == old_facets(cards_engine, **filters)
    finally:
        with cards_engine.begin() as conn:
            conn.execute(table.update().where(table.c.id == target).values(kind=kept["kind"],
                                                                           sources=kept["sources"]))


def test_unknown_orders_and_facets_are_errors(cards_engine) -> None:
    with pytest.raises(corpus.CorpusError, match="unknown card order"):
        corpus.conflict_page(cards_engine, sort="loudest")
    with pytest.raises(corpus.CorpusError, match="unknown card facet"):
        corpus.conflict_facets(cards_engine, names=("colour",))
