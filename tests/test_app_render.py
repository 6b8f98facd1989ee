"""What the explorer reads to render fast at 100k documents gives what the full reads give: card outlines for the
Conflicts page's filters, counts and order; the shown cards by id; the corpus version its caches key on.
Real conflict documents through the real ingest path, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

import corpus
from corpus.claims import card_facets, filter_cards, sort_cards, source_count
from tests.fixtures_db import SOUTH_KOREA, UNEMPLOYMENT, write_conflict_documents


@pytest.fixture(scope="module")
def conflict_engine(module_db_url: str, tmp_path_factory):
    """The conflict corpus ingested into the module's database (SQLite, PostgreSQL)."""
    engine = corpus.get_engine(module_db_url)
    report = corpus.ingest_paths(engine, [write_conflict_documents(tmp_path_factory.mktemp("render"))])
    assert report.ok, report.failed
    return engine


FILTERS = [{}, {"indicator": SOUTH_KOREA}, {"indicator": UNEMPLOYMENT}, {"place": "south korea"},
           {"source_kind": "unofficial"}, {"source_kind": "official"}, {"kind": "official vs official"}]


@pytest.mark.parametrize(("filters", "sort"), list(itertools.product(FILTERS, ("spread", "recent", "sources"))))
def test_outlines_filter_count_and_order_as_the_full_cards(conflict_engine, filters: dict, sort: str) -> None:
    outlines = corpus.card_outlines(conflict_engine)
    full = corpus.list_conflict_views(conflict_engine, sort=sort, **filters)
    chosen = sort_cards(filter_cards(outlines, **filters), sort)
    assert [c.id for c in chosen] == [v.card.id for v in full]
    assert len(chosen) == corpus.count_conflicts(conflict_engine, **filters)


def test_outlines_keep_the_facets_and_sources_of_every_card(conflict_engine) -> None:
    cards = corpus.list_conflicts(conflict_engine)
    outlines = corpus.card_outlines(conflict_engine)
    assert {SOUTH_KOREA, UNEMPLOYMENT} <= {c.indicator for c in cards}
    assert card_facets(outlines) == card_facets(cards)
    assert {c.id: source_count(c) for c in outlines} == {c.id: source_count(c) for c in cards}
    assert sum(len(c.figures) for c in outlines) <= sum(len(c.figures) for c in cards)
    assert corpus.card_outlines(conflict_engine, since=dt.date.today() + dt.timedelta(days=2)) == []


def test_cards_by_id_in_the_order_asked_with_their_quotes(conflict_engine) -> None:
    views = corpus.list_conflict_views(conflict_engine)
    ids = [v.card.id for v in reversed(views)]
    found = corpus.conflict_views(conflict_engine, [*ids, "no-such-card"])
    assert [v.card.id for v in found] == ids
    for view in found:
        whole = corpus.get_conflict_view(conflict_engine, view.card.id)
        assert view.card == whole.card and view.hits == whole.hits
        assert all(hit is not None and hit.quote[hit.quote_start:hit.quote_end] for hit in view.hits)
    assert corpus.conflict_views(conflict_engine, []) == []


def test_the_corpus_version_changes_with_documents_and_cards(engine, make_document, tmp_path) -> None:
    empty = corpus.corpus_version(engine)
    assert corpus.corpus_version(engine) == empty
    report = corpus.ingest_paths(engine, [write_conflict_documents(tmp_path)])
    assert report.ok
    loaded = corpus.corpus_version(engine)
    assert loaded != empty and loaded[0] == corpus.count_documents(engine)
    corpus.recompute_conflicts(engine, now=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    recomputed = corpus.corpus_version(engine)
    assert recomputed != loaded and recomputed[:2] == loaded[:2]
    corpus.delete_document(engine, corpus.list_documents(engine)[0].id)
    assert corpus.corpus_version(engine) != recomputed
