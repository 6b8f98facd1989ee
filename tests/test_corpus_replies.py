"""Replies linked to their inquiries and each demand judged, on SQLite and PostgreSQL: the written replies of
tests/data/replies against three real sample inquiries, stored in both orders (reply first must link when the
inquiry arrives); a decoy reply of the same addressee and date links to its own inquiry, a reply to an inquiry
not in the corpus stays unlinked; the answered status, the Inquiry detail and each addressee's answer rate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import corpus
from corpus import DemandText, ReplyPassage, judge_demands
from tests.conftest import SAMPLES
from tests.fixtures_db import fresh_database

REPLIES = Path(__file__).parent / "data" / "replies"
INQUIRIES = [SAMPLES / "pdf" / f"{n}.pdf" for n in ("8920", "8924", "8931")]
LINKS = {"reply_8931_ru.txt": "8931.pdf", "reply_8924_ru.txt": "8924.pdf", "reply_8920_kk.txt": "8920.pdf",
         "reply_orphan_ru.txt": None}

# inquiry → (opening words of a demand, its status); procedural requests and rhetorical questions get none
STATUSES = {
    "8931.pdf": [("В связи с вышеизложенным", "partly"), ("1. Что было принято", "answered"),
                 ("2. Какова доля", "answered"), ("3. Какие категории", "answered"),
                 ("5. Каков прогнозируемый", "partly"), ("6. Обладают ли", "not_answered"),
                 ("Планируется ли пересмотр", "partly"), ("8. С учетом заявлений", "answered"),
                 ("Фракция Демократической партии «Ак жол» просит отклонить", "answered"),
                 ("Почему же Минфин", None)],
    "8920.pdf": [("Осыған байланысты", "partly"), ("Біріншіден", "answered"), ("Екіншіден", "answered"),
                 ("Үшіншіден", "partly"), ("Төртіншіден", "not_answered"), ("Депутаттық сауалға заңда", None)],
    "8924.pdf": [("1. Какие инструменты", "answered"), ("2. Какие ставки", "answered"), ("3. Какие шаги", "answered"),
                 ("4. Какие инструменты", "partly"), ("Когда будет обеспечена", "not_answered"),
                 ("В связи с вышеперечисленным", "partly")],
}


def _ingest(engine, order: str) -> None:
    replies = sorted(REPLIES.glob("*.txt"))
    for batch in ([replies, INQUIRIES] if order == "replies first" else [INQUIRIES, replies]):
        report = corpus.ingest_paths(engine, batch)
        assert report.ok, report.failed


def _ids(engine) -> dict[str, int]:
    return {Path(d.path).name: d.id for d in corpus.list_documents(engine, include_undated=True)}


@pytest.fixture(scope="module", params=[pytest.param((dialect, order), marks=marks, id=f"{order}-{dialect}")
                                        for dialect, marks in (("sqlite", ()), ("postgresql", pytest.mark.postgres))
                                        for order in ("replies first", "inquiries first")])
def replied(request, tmp_path_factory):
    """A corpus of the three inquiries and the four replies, stored in either order, on either database."""
    dialect, order = request.param
    with fresh_database(request, dialect, tmp_path_factory.mktemp("replies")) as url:
        engine = corpus.get_engine(url)
        _ingest(engine, order)
        yield engine


def test_each_reply_links_to_its_inquiry(replied) -> None:
    ids = _ids(replied)
    linked = {}
    for s in corpus.list_inquiries(replied):
        for r in corpus.get_inquiry(replied, s.id).reply_list:
            linked[r.document_id] = s.id
    assert linked == {ids[reply]: ids[inquiry] for reply, inquiry in LINKS.items() if inquiry}
    detail = corpus.get_inquiry(replied, ids["8931.pdf"])
    reply = detail.reply_list[0]
    assert reply.cited and "21 мая 2025" in reply.cited and reply.signer == "О. Бектенов"
    assert {"cited date", "signed by the addressee", "deputies 3/3"} <= set(reply.reasons)


@pytest.mark.parametrize("inquiry", sorted(STATUSES))
def test_each_demand_is_judged_with_the_reply_quote(replied, inquiry) -> None:
    ids = _ids(replied)
    detail = corpus.get_inquiry(replied, ids[inquiry])
    reply_text = corpus.get_document(replied, detail.reply_list[0].document_id).text
    for opening, status in STATUSES[inquiry]:
        demand = next(d for d in detail.demand_list if d.text.startswith(opening))
        assert (demand.answer.status if demand.answer else None) == status, opening
        if status in ("answered", "partly"):
            a = demand.answer
            assert a.quote and reply_text[a.start:a.end] == a.quote and a.passage_id and a.page == 1
    assert [d.text for d in detail.unanswered] == [d.text for d in detail.demand_list
                                                   if d.answer and d.answer.status == "not_answered"]
    assert all(d.answer is None for d in detail.demand_list if d.procedural or d.rhetorical)


def test_answered_status_filter_and_answer_rates(replied) -> None:
    ids = _ids(replied)
    today = dt.date(2025, 7, 1)
    answered = corpus.list_inquiries(replied, status="answered", today=today)
    assert sorted(s.id for s in answered) == sorted(ids[n] for n in ("8920.pdf", "8924.pdf", "8931.pdf"))
    assert all(s.replies == 1 and s.days_left < 0 for s in answered)  # answered, though past the term
    rates = {r.addressee: r for r in corpus.answer_rates(replied, today=today)}
    assert set(rates) == {"Olzhas Bektenov", "Roman Sklyar"}
    pm = rates["Olzhas Bektenov"]
    assert (pm.inquiries, pm.answered, pm.rate, pm.position) == (2, 2, 1.0, "Prime Minister")
    judged = [d.answer for n in ("8924.pdf", "8931.pdf") for d in corpus.get_inquiry(replied, ids[n]).demand_list
              if d.answer]
    assert pm.demands_answered == sum(a.status == "answered" for a in judged)
    assert pm.demands_partly == sum(a.status == "partly" for a in judged)
    assert 0 < pm.demand_rate < 1


def test_a_decoy_alone_stays_unlinked_until_its_inquiry_arrives(engine) -> None:
    """The Prime Minister's reply to 8924 cites the same date as 8931 but other deputies and content."""
    assert corpus.ingest_paths(engine, [SAMPLES / "pdf" / "8931.pdf", REPLIES / "reply_8924_ru.txt"]).ok
    ids = _ids(engine)
    assert corpus.get_inquiry(engine, ids["8931.pdf"]).reply_list == []
    assert corpus.ingest_paths(engine, [SAMPLES / "pdf" / "8924.pdf"]).ok
    ids = _ids(engine)
    assert [r.document_id for r in corpus.get_inquiry(engine, ids["8924.pdf"]).reply_list] == [ids["reply_8924_ru.txt"]]
    assert corpus.list_inquiries(engine, status="answered")[0].id == ids["8924.pdf"]


# ---------------------------------------------------------------- judging rules (pure)

def _passage(text: str, start: int = 0) -> ReplyPassage:
    return ReplyPassage(None, start, start + len(text), 1, text)


ASKED = [DemandText(1, "demand", None, "Прошу ответить на следующие вопросы:"),
         DemandText(2, "question", 1, "1. Сколько школ построено в сельской местности в 2024 году?"),
         DemandText(3, "question", 2, "2. Когда будет обеспечено горячее питание учащихся?"),
         DemandText(4, "question", None, "Разве это справедливо?", rhetorical=True),
         DemandText(5, "demand", None, "Просим дать ответ в установленный срок.", procedural=True)]


@pytest.mark.parametrize(("passages", "expected"), [
    (["1. В 2024 году в сельской местности построено 45 школ.",
      "2. Горячее питание учащихся будет обеспечено с 1 сентября 2025 года."],
     {1: "answered", 2: "answered", 3: "answered"}),
    (["По первому вопросу: в сельской местности построено 45 школ.",
      "По второму вопросу: вопрос горячего питания будет рассмотрен при формировании бюджета."],
     {1: "partly", 2: "answered", 3: "partly"}),
    (["В сельской местности в 2024 году построено 45 школ, из них 12 с бассейнами."],
     {1: "partly", 2: "answered", 3: "not_answered"}),
    (["Министерство ведет работу по улучшению условий обучения детей во всех регионах страны."],
     {1: "not_answered", 2: "not_answered", 3: "not_answered"}),
])
def test_judge_demands(passages, expected) -> None:
    body, start = [], 0
    for text in passages:
        body.append(_passage(text, start))
        start += len(text) + 2
    judged = judge_demands(ASKED, body)
    assert {j.demand_id: j.status for j in judged} == expected  # rhetorical and procedural: not judged
    assert all((j.passage is None) == (j.status == "not_answered") for j in judged if j.demand_id != 1)
