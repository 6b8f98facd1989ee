"""corpus.list_inquiries / get_inquiry on the sample corpus, on SQLite and PostgreSQL: addressees,
signatories with factions, response terms, status by `today`, demand counts, filters, conflict figures."""

from __future__ import annotations

import datetime as dt

import pytest

import corpus
from tests.conftest import SAMPLES

DUE = dt.date(2025, 6, 5)  # every dated sample inquiry is of 2025-05-21 with the default 15-day term


@pytest.fixture(scope="module")
def inquiries_engine(module_db_url: str):
    report = corpus.build_sample_corpus(module_db_url, SAMPLES)
    assert report.ok, report.failed
    return corpus.get_engine(module_db_url)


def test_sample_inquiries_are_listed_with_addressee_signatories_terms_and_demands(inquiries_engine) -> None:
    found = corpus.list_inquiries(inquiries_engine, today=dt.date(2025, 5, 25))
    docs = corpus.list_documents(inquiries_engine, kind="inquiry")
    assert [s.id for s in found] == [d.id for d in docs] and len(found) == 9
    dated = [s for s in found if s.date]
    assert len(dated) == 8 and all(s.response_due == DUE and s.days_left == 11 and s.status == "open" for s in dated)
    undated = found[-1]
    assert undated.date is None and undated.response_due is None and undated.status is None
    assert undated.days_left is None and [p.name for p in undated.addressees] == ["Alikhan Smailov"]
    assert all(s.addressees and s.demands > 0 for s in found)
    ak_zhol = [s for s in found if "Ak Zhol faction" in s.factions]
    assert len(ak_zhol) == 3
    sklyar = next(s for s in found if s.addressees[0].name == "Roman Sklyar")
    assert sklyar.addressees[0].detail == "First Deputy Prime Minister" and sklyar.demands == 6
    assert sklyar.signatories[0].name and sklyar.factions == ["AMANAT faction", "Auyl faction"]


@pytest.mark.parametrize("today, days, status", [
    (dt.date(2025, 5, 21), 15, "open"), (dt.date(2025, 6, 1), 4, "open"), (dt.date(2025, 6, 2), 3, "due_soon"),
    (dt.date(2025, 6, 5), 0, "due_soon"), (dt.date(2025, 6, 6), -1, "overdue"),
])
def test_status_follows_today(inquiries_engine, today, days, status) -> None:
    dated = [s for s in corpus.list_inquiries(inquiries_engine, today=today) if s.date]
    assert {(s.days_left, s.status) for s in dated} == {(days, status)}
    assert len(corpus.list_inquiries(inquiries_engine, status=status, today=today)) == 8
    other = next(s for s in corpus.INQUIRY_STATUSES if s != status)
    assert corpus.list_inquiries(inquiries_engine, status=other, today=today) == []


@pytest.mark.parametrize("filters, count", [
    ({"addressee": "bektenov"}, 4), ({"addressee": "Бектенов"}, 4), ({"addressee": "Nobody"}, 0),
    ({"signatory": "Перуашев"}, 2), ({"faction": "ak zhol faction"}, 3), ({"faction": "Ak Zhol"}, 0),
    ({"faction": "NSDP faction", "addressee": "Kosherbayev"}, 1),
    ({"date_from": dt.date(2025, 5, 21), "date_to": dt.date(2025, 5, 21)}, 8),
    ({"date_from": dt.date(2025, 5, 22)}, 0),
])
def test_filters(inquiries_engine, filters, count) -> None:
    assert len(corpus.list_inquiries(inquiries_engine, **filters)) == count


def test_unknown_status_is_a_corpus_error(inquiries_engine) -> None:
    with pytest.raises(corpus.CorpusError, match="unknown inquiry status"):
        corpus.list_inquiries(inquiries_engine, status="closed")


def test_get_inquiry_gives_every_demand_and_conflict_figures(inquiries_engine) -> None:
    undated = corpus.list_inquiries(inquiries_engine)[-1]
    detail = corpus.get_inquiry(inquiries_engine, undated.id)
    assert detail.id == undated.id and len(detail.demand_list) == detail.demands == undated.demands
    assert [d.start for d in detail.demand_list] == sorted(d.start for d in detail.demand_list)
    text = corpus.get_document(inquiries_engine, undated.id).text
    assert all(text[d.start:d.end] == d.text and d.passage_id for d in detail.demand_list)
    assert {d.directed_to for d in detail.demand_list} == {"Alikhan Smailov"}
    assert [f.text for f in detail.figures] == ["9600 азаматы", "20 мыңға жуық қазақстандықтың"]
    assert len({f.card_id for f in detail.figures}) == 1 and all(f.passage_id and f.page == 1 for f in detail.figures)
    bilingual = next(s for s in corpus.list_inquiries(inquiries_engine, signatory="Перуашев") if s.language == "kk+ru")
    both = corpus.get_inquiry(inquiries_engine, bilingual.id)
    # each point once, with its translation from the other half attached (not a second checklist item)
    assert [d.lang_part for d in both.demand_list] == ["kk"] * 3 and both.demands == 3
    assert [d.translation.lang_part for d in both.demand_list] == ["ru"] * 3
    assert [d.translation.number for d in both.demand_list] == [d.number for d in both.demand_list]
    assert all(d.translation.start > d.end for d in both.demand_list)


def test_get_inquiry_of_a_missing_or_other_document_is_none(inquiries_engine) -> None:
    news = corpus.list_documents(inquiries_engine, kind="news")[0]
    assert corpus.get_inquiry(inquiries_engine, news.id) is None
    assert corpus.get_inquiry(inquiries_engine, 10_000) is None
