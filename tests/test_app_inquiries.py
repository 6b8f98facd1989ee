"""The Inquiries and Inquiry pages (AppTest) on the sample corpus plus one hostile inquiry (markup in its
title, addressee, signatory and demand), and their pure helpers (CSV, days and status wording, order)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from urllib.parse import parse_qs

import pytest

import corpus
from nlp import Addressee, Analysis, Demand, Signatory
from tests.conftest import SAMPLES
from tests.fixtures_db import synthetic_document
from tests.test_app_entities import run_page
from ui.app.components import INQUIRY_COLUMNS, inquiries_to_csv
from ui.app.components.inquiries_view import (
    answered_text,
    days_text,
    sort_inquiries,
    status_label,
    table_rows,
)

HOSTILE_DEMAND = "Просим <script>alert(1)</script> **срочно** [ответить](http://x.kz)?"
HOSTILE_WHO = "<b>Иванов</b>"


@pytest.fixture(scope="module")
def inquiries_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('inquiries-app') / 'saual.db'}"
    assert corpus.build_sample_corpus(url, SAMPLES).ok
    doc = synthetic_document([(f"Министру {HOSTILE_WHO}", "ru"), (HOSTILE_DEMAND, "ru"), ("Депутат *Петров*", "ru")],
                             path="hostile.txt", kind="inquiry", date=dt.date(2030, 1, 1),
                             title="Запрос <img src=x onerror=alert(1)>")
    who, ask, sign = doc.text.index(HOSTILE_WHO), doc.text.index(HOSTILE_DEMAND), doc.text.index("*Петров*")
    corpus.store_document(corpus.get_engine(url), doc, Analysis(
        addressee=[Addressee(HOSTILE_WHO, who, who + len(HOSTILE_WHO), name=HOSTILE_WHO, position="<i>Minister</i>")],
        signatories=[Signatory("*Петров*", sign, sign + 8, name="*Петров*", faction="<u>X</u> faction")],
        demands=[Demand(HOSTILE_DEMAND, ask, ask + len(HOSTILE_DEMAND), type="question", number=1)],
        response_due=dt.date(2030, 1, 16)))
    corpus.close_engine(url)
    return url


def listed(at) -> list[int]:
    """The document ids the Inquiries table links to, in order."""
    if not at.dataframe:
        return []
    return [int(link.split("=", 1)[1]) for link in at.dataframe[0].value["open"]]


def links(at, label: str) -> list[dict[str, str]]:
    return [{k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
            for link in at.get("page_link") if link.proto.label == label]


def body(at) -> str:
    return "\n".join(m.value for m in at.markdown)


# ---------------------------------------------------------------- Inquiries page

def test_inquiries_page_lists_every_inquiry_with_csv(inquiries_url, monkeypatch) -> None:
    at = run_page(inquiries_url, monkeypatch, "views/inquiries.py")
    expected = corpus.list_inquiries(corpus.get_engine(inquiries_url))
    assert len(expected) == 10 and listed(at) == [s.id for s in expected]
    table = at.dataframe[0].value
    assert "Roman Sklyar" in list(table["addressee"]) and set(table["deadline"]) >= {"2025-06-05", "2030-01-16", "—"}
    assert table["open"].iloc[0] == f"inquiry?doc={expected[0].id}"
    assert [b.label for b in at.get("download_button")] == ["Download inquiries (CSV)"]
    assert any("SAUAL_RESPONSE_DAYS" in c.value for c in at.caption)


def test_unfiltered_inquiries_page_lists_the_corpus_once(inquiries_url, monkeypatch) -> None:
    """Without filters the list and the filter options are one read (at 100k documents a read takes seconds)."""
    import streamlit as st

    calls = []
    real = corpus.list_inquiries
    monkeypatch.setattr(corpus, "list_inquiries", lambda *a, **k: calls.append(k) or real(*a, **k))
    st.cache_data.clear()
    at = run_page(inquiries_url, monkeypatch, "views/inquiries.py")
    assert len(listed(at)) == 10 and len(calls) == 1, calls


@pytest.mark.parametrize("params, count", [
    ({"addressee": "Olzhas Bektenov"}, 4), ({"faction": "Ak Zhol faction"}, 3), ({"signatory": "А. Перуашев"}, 2),
    ({"status": "overdue"}, 8), ({"from": "2026-01-01"}, 1), ({"from": "2025-05-21", "to": "2025-05-21"}, 8),
    ({"addressee": "Nobody"}, 0), ({"status": "answered"}, 0), ({"status": "closed"}, 10),  # unknown: ignored
])
def test_inquiries_url_filters(inquiries_url, monkeypatch, params, count) -> None:
    at = run_page(inquiries_url, monkeypatch, "views/inquiries.py", **params)
    assert len(listed(at)) == count
    kept = {k: v for k, v in params.items() if k != "status" or v != "closed"}
    assert {k: at.query_params[k] for k in at.query_params} == kept
    assert any("No inquiry matches" in w.value for w in at.warning) == (count == 0)


def test_inquiries_filter_and_order_go_into_the_url(inquiries_url, monkeypatch) -> None:
    at = run_page(inquiries_url, monkeypatch, "views/inquiries.py")
    at.selectbox(key="inq_faction").select("Ak Zhol faction").run()
    assert at.query_params.get("faction") == "Ak Zhol faction" and len(listed(at)) == 3
    at.selectbox(key="inq_faction").select("").run()
    at.selectbox(key="inq_sort").select("deadline").run()
    assert at.query_params.get("sort") == "deadline"
    engine = corpus.get_engine(inquiries_url)
    dated = [s for s in corpus.list_inquiries(engine) if s.response_due]
    ids = listed(at)
    assert ids[-1] not in {s.id for s in dated}  # no term last
    assert ids[-2] == max(dated, key=lambda s: s.response_due).id


# ---------------------------------------------------------------- Inquiry page

def test_inquiry_page_shows_term_people_demands_and_conflict_figures(inquiries_url, monkeypatch) -> None:
    engine = corpus.get_engine(inquiries_url)
    undated = next(s for s in corpus.list_inquiries(engine) if s.date is None)
    detail = corpus.get_inquiry(engine, undated.id)
    at = run_page(inquiries_url, monkeypatch, "views/inquiry.py", doc=str(undated.id))
    html = body(at)
    assert "Alikhan Smailov (Prime Minister)" in html and "undated" in html
    assert [c.label for c in at.checkbox] == [f"{n}." for n in range(1, len(detail.demand_list) + 1)]
    assert links(at, "Open passage") == [{"doc": str(undated.id), "p": str(d.passage_id)} for d in detail.demand_list]
    assert html.count('href="conflicts?card=') == len(detail.figures) == 2
    assert len(links(at, "Open figure")) == 2 and any("SAUAL_RESPONSE_DAYS" in c.value for c in at.caption)
    at.checkbox[0].check().run()  # ticking is page state only
    assert at.checkbox[0].value and not at.exception


def test_inquiry_page_overdue_with_signatories(inquiries_url, monkeypatch) -> None:
    engine = corpus.get_engine(inquiries_url)
    sklyar = corpus.list_inquiries(engine, addressee="Sklyar")[0]
    at = run_page(inquiries_url, monkeypatch, "views/inquiry.py", doc=str(sklyar.id))
    html = body(at)
    assert "2025-06-05" in html and "days overdue" in html and "saual-overdue" in html
    assert "(AMANAT faction)" in html and "Overdue" in html
    assert [b.label for b in at.get("download_button")] == ["Reply draft (DOCX)"]


@pytest.mark.parametrize("params, message", [({"doc": "99999"}, "No inquiry"), ({}, "Choose an inquiry")])
def test_inquiry_page_missing_or_unknown(inquiries_url, monkeypatch, params, message) -> None:
    at = run_page(inquiries_url, monkeypatch, "views/inquiry.py", **params)
    assert any(message in x.value for x in [*at.warning, *at.info])


def test_hostile_inquiry_is_escaped_on_both_pages(inquiries_url, monkeypatch) -> None:
    (hostile,) = corpus.list_inquiries(corpus.get_engine(inquiries_url), date_from=dt.date(2030, 1, 1))
    at = run_page(inquiries_url, monkeypatch, "views/inquiry.py", doc=str(hostile.id))
    html = body(at)
    for raw in ("<script", "<img", "<b>", "<i>", "<u>", "**", "*Петров*", "[ответить]"):
        assert raw not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;Иванов&lt;/b&gt;" in html and "&#42;Петров&#42;" in html
    listing = run_page(inquiries_url, monkeypatch, "views/inquiries.py", **{"from": "2030-01-01"})
    assert listed(listing) == [hostile.id]  # the table shows text, never markup


# ---------------------------------------------------------------- pure helpers

def test_inquiries_csv_rows_and_wording(inquiries_url) -> None:
    found = corpus.list_inquiries(corpus.get_engine(inquiries_url), today=dt.date(2025, 6, 3))
    rows = list(csv.DictReader(io.StringIO(inquiries_to_csv(found).lstrip("\ufeff"))))
    assert list(rows[0]) == list(INQUIRY_COLUMNS) and len(rows) == len(found)
    sklyar = next(r for r in rows if r["addressees"].startswith("Roman Sklyar"))
    assert sklyar["response_due"] == "2025-06-05" and sklyar["days_left"] == "2" and sklyar["status"] == "due_soon"
    assert "AMANAT faction" in sklyar["factions"] and sklyar["demands"] == "6"
    assert [days_text(d) for d in (None, 0, 1, 5, -1, -3)] == ["—", "due today", "1 day left", "5 days left",
                                                              "1 day overdue", "3 days overdue"]
    assert [status_label(s) for s in ("open", "due_soon", "overdue", None)] == ["Open", "Due soon", "Overdue", "No term"]
    ordered = sort_inquiries(found, "deadline")
    assert ordered[-1].response_due is None and ordered[0].response_due == dt.date(2025, 6, 5)
    assert table_rows(found[:1])[0]["open"] == f"inquiry?doc={found[0].id}"


@pytest.mark.parametrize(("due", "reply_dates", "expected"), [
    (dt.date(2025, 6, 5), [dt.date(2025, 6, 20)], "answered 15 days late"),
    (dt.date(2025, 6, 5), [dt.date(2025, 6, 6), dt.date(2025, 6, 1)], "answered on time"),  # the first reply counts
    (dt.date(2025, 6, 5), [dt.date(2025, 6, 6)], "answered 1 day late"),
    (None, [dt.date(2025, 6, 6)], "answered"),
    (dt.date(2025, 6, 5), [None], "answered"),
])
def test_answered_text(due, reply_dates, expected) -> None:
    from types import SimpleNamespace

    assert answered_text(due, [SimpleNamespace(date=d) for d in reply_dates]) == expected


def test_inquiries_table_pages_a_long_list(tmp_path, monkeypatch) -> None:
    """More inquiries than a page: the table shows a page at a time (page in the URL), the caption says which,
    and the order's change goes back to page one."""
    from ui.app.views.inquiries import PAGE_SIZE

    url = f"sqlite:///{tmp_path / 'many.db'}"
    engine = corpus.get_engine(url)
    for i in range(PAGE_SIZE + 5):
        doc = synthetic_document([(f"Депутатский запрос номер {i}.", "ru")], path=f"q{i}.txt", kind="inquiry",
                                 title=f"Запрос {i}", date=dt.date(2024, 1, 1) + dt.timedelta(days=i))
        corpus.store_document(engine, doc, Analysis())
    every = [s.id for s in corpus.list_inquiries(engine)]
    at = run_page(url, monkeypatch, "views/inquiries.py")
    assert listed(at) == every[:PAGE_SIZE]
    assert any(f"{PAGE_SIZE + 5:,} inquiries; 1–{PAGE_SIZE}" in c.value for c in at.caption)
    at.number_input(key="inq_page").increment().run()
    assert at.query_params.get("page") == "2" and listed(at) == every[PAGE_SIZE:]
    at.selectbox(key="inq_sort").select("deadline").run()
    assert "page" not in at.query_params and len(listed(at)) == PAGE_SIZE
    corpus.close_engine(url)
