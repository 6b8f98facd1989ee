"""The Inquiry and Inquiries pages (AppTest) with replies linked: the reply opens its Document page, each point
shows its answer status and the reply passage, the unanswered points are listed, the Inquiries list has the
answered status and each addressee's answer rate; and the pure helpers of that rendering."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs

import pytest

import corpus
from tests.conftest import SAMPLES
from tests.test_app_entities import run_page
from ui.app.components.inquiries_view import (
    answer_badge,
    answer_label,
    rate_rows,
    reply_quote_html,
    status_label,
)

REPLIES = Path(__file__).parent / "data" / "replies"


@pytest.fixture(scope="module")
def replies_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('replies-app') / 'saual.db'}"
    paths = [SAMPLES / "pdf" / "8931.pdf", SAMPLES / "pdf" / "8922.pdf", REPLIES / "reply_8931_ru.txt",
             REPLIES / "reply_orphan_ru.txt"]
    assert corpus.ingest_paths(corpus.get_engine(url), paths).ok
    corpus.close_engine(url)
    return url


def _inquiry(url: str, name: str):
    engine = corpus.get_engine(url)
    return next(s for s in corpus.list_inquiries(engine) if corpus.get_document(engine, s.id).path.endswith(name))


def test_inquiry_page_shows_the_reply_answers_and_unanswered_points(replies_url, monkeypatch) -> None:
    summary = _inquiry(replies_url, "8931.pdf")
    detail = corpus.get_inquiry(corpus.get_engine(replies_url), summary.id)
    at = run_page(replies_url, monkeypatch, "views/inquiry.py", doc=str(summary.id))
    html = "\n".join(m.value for m in at.markdown)
    reply_links = [{k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
                   for link in at.get("page_link") if link.proto.icon == ":material/reply:"]
    assert reply_links == [{"doc": str(detail.reply_list[0].document_id)}]
    assert any(s.value == "Replies (1)" for s in at.subheader)
    judged = [d for d in detail.demand_list if d.answer]
    for status in ("answered", "partly", "not_answered"):
        assert html.count(f"saual-answer-{status}") == sum(d.answer.status == status for d in judged) > 0
    assert "Unanswered points" in html and "Обладают ли оставшиеся на рынке компании" in html
    assert "Основой для разработки поправок послужили" in html  # a reply passage quoted under its point
    assert "Answered" in html and any("Linked by: cited date" in c.value for c in at.caption)


def test_an_inquiry_without_reply_shows_no_answers(replies_url, monkeypatch) -> None:
    summary = _inquiry(replies_url, "8922.pdf")
    at = run_page(replies_url, monkeypatch, "views/inquiry.py", doc=str(summary.id))
    html = "\n".join(m.value for m in at.markdown)
    assert "saual-answer-" not in html and "Unanswered points" not in html and "none linked" in html


def test_inquiries_page_has_answered_status_and_answer_rates(replies_url, monkeypatch) -> None:
    at = run_page(replies_url, monkeypatch, "views/inquiries.py", status="answered")
    answered = _inquiry(replies_url, "8931.pdf")
    assert list(at.dataframe[0].value["open"]) == [f"inquiry?doc={answered.id}"]
    assert list(at.dataframe[0].value["status"]) == ["Answered"]
    rates = at.dataframe[1].value
    assert sorted(rates["addressee"]) == ["Marat Karabayev", "Olzhas Bektenov"]
    pm = rates[rates["addressee"] == "Olzhas Bektenov"].iloc[0]
    assert (pm["inquiries"], pm["answered"], pm["rate"]) == (1, 1, "100 %")
    transport = rates[rates["addressee"] == "Marat Karabayev"].iloc[0]
    assert (transport["answered"], transport["rate"], transport["demands_answered"]) == (0, "0 %", 0)


@pytest.mark.parametrize(("status", "label", "badge"), [
    ("answered", "Answered", "saual-answer-answered"), ("partly", "Partly answered", "saual-answer-partly"),
    ("not_answered", "Not answered", "saual-answer-not_answered"), (None, "—", None), ("<b>", "—", None),
])
def test_answer_wording(status, label, badge) -> None:
    assert answer_label(status) == label
    assert (badge in answer_badge(status)) if badge else answer_badge(status) == ""


def test_reply_quote_and_rates_are_escaped_and_counted() -> None:
    assert reply_quote_html("<script>x</script>") == '<div class="saual-reply-quote">&lt;script&gt;x&lt;/script&gt;</div>'
    assert reply_quote_html(None) == "" and status_label("answered") == "Answered"
    rate = SimpleNamespace(addressee="A", position=None, inquiries=3, answered=1, rate=1 / 3, demands=0,
                           demands_answered=0, demands_partly=0, demand_rate=None)
    assert rate_rows([rate]) == [{"addressee": "A", "position": "—", "inquiries": 3, "answered": 1, "rate": "33 %",
                                  "demands": 0, "demands_answered": 0, "demands_partly": 0, "demand_rate": "—"}]
