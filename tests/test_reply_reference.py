"""Golden tables: what a reply cites of the inquiry it answers (date, number), its own numbers, the deputies it
addresses, its letterhead body and signer (nlp.reply_reference); a reply passage's point number and deferral;
and the reply fixtures (tests/data/replies, written for the tests) read end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import ingest
import nlp
from nlp import defers, point_number, reply_reference
from tests.test_contract import schema_errors

REPLIES = Path(__file__).parent / "data" / "replies"
MAY21 = dt.date(2025, 5, 21)

HEAD_RU = "МИНИСТЕРСТВО ФИНАНСОВ РЕСПУБЛИКИ КАЗАХСТАН\n\nИсх. № 7-1/552 от 10.06.2025\n\n"
TAIL_RU = "\n\nВице-министр финансов                     Д. Кенбеил\n\nИсп.: Сейтова А.\nтел.: 74-11-22\n"
HEAD_KK = "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ҚАРЖЫ МИНИСТРЛІГІ\n\nШығ. № 7-1/552 2025 жылғы 10 маусым\n\n"
TAIL_KK = "\n\nВице-министр                     Д. Кенбеил\n\nОрынд.: Сейтова А.\nтел.: 74-11-22\n"

# (text, lang, cited date, cited number, outgoing number, deputies, body id, signer)
CASES = [
    (HEAD_RU + "Депутатам Мажилиса Парламента\nРеспублики Казахстан\nЕрубаеву С., Перуашеву А.\n\nУважаемые депутаты!\n\n"
     "На Ваш депутатский запрос от 21 мая 2025 года № ДЗ-412 сообщаем следующее." + TAIL_RU,
     "ru", MAY21, "ДЗ-412", "7-1/552", ["Ерубаеву С.", "Перуашеву А."], "kz.ministry.finance", "Д. Кенбеил"),
    # number before the date, numeric date; one deputy with two initials
    (HEAD_RU + "Депутату Мажилиса Парламента Республики Казахстан\nБейсенбаеву Е.Т.\n\nУважаемый Ерлан Тулегенович!\n\n"
     "Министерство, рассмотрев депутатский запрос № 3Д-17/88 от 21.05.2025 г., сообщает." + TAIL_RU,
     "ru", MAY21, "3Д-17/88", "7-1/552", ["Бейсенбаеву Е.Т."], "kz.ministry.finance", "Д. Кенбеил"),
    # a bare `На №` citation and no number at all in the body; initials before the surnames
    (HEAD_RU + "Депутатам Сената Парламента\nА. Иванову, Б. Петровой\n\nНа № 14-22 от 3 марта 2025 года\n\n"
     "Сообщаем, что вопрос изучен." + TAIL_RU,
     "ru", dt.date(2025, 3, 3), "14-22", "7-1/552", ["А. Иванову", "Б. Петровой"], "kz.ministry.finance",
     "Д. Кенбеил"),
    (HEAD_KK + "Қазақстан Республикасы Парламенті\nМәжілісінің депутаттары\nН. Сайлаубайға, Н. Әуесбаевқа\n\n"
     "Құрметті депутаттар!\n\nСіздердің 2025 жылғы 21 мамырдағы № ДС-398 депутаттық сауалыңызды қарап, мынаны "
     "хабарлаймыз." + TAIL_KK,
     "kk", MAY21, "ДС-398", "7-1/552", ["Н. Сайлаубайға", "Н. Әуесбаевқа"], "kz.ministry.finance", "Д. Кенбеил"),
    # the date after the citing words, no number; a salutation with no address block (no deputies)
    (HEAD_KK + "Құрметті Ерлан Бейсенбайұлы!\n\nСіздің депутаттық сауалыңызға (2025 жылғы 21 мамыр) жауап ретінде "
     "мынаны хабарлаймыз." + TAIL_KK,
     "kk", MAY21, None, "7-1/552", [], "kz.ministry.finance", "Д. Кенбеил"),
]


@pytest.mark.parametrize(("text", "lang", "date", "number", "outgoing", "deputies", "body", "signer"), CASES)
def test_reply_reference(text, lang, date, number, outgoing, deputies, body, signer) -> None:
    ref = reply_reference(text, lang, dt.date(2025, 6, 10))
    assert ref is not None and text[ref.start:ref.end] == ref.text
    assert (ref.cited_date, ref.cited_number, ref.outgoing_number) == (date, number, outgoing)
    assert (ref.deputies, ref.body_id, ref.signer) == (deputies, body, signer)
    assert ref.signer_position and "министр" in ref.signer_position.lower()


@pytest.mark.parametrize("text", [
    "Министерство сообщает о мерах поддержки фермеров в 2025 году.\n\nМинистр  А. Сапаров\n",
    "Мемлекеттік бағдарлама туралы ақпарат.\n\nМинистр  А. Сапаров\n",
])
def test_text_without_citation_or_deputies_has_no_reference(text) -> None:
    assert reply_reference(text, "ru") is None


@pytest.mark.parametrize(("passage", "number"), [
    ("По первому вопросу.", 1), ("По второму вопросу сообщаем, что ставка снижена.", 2), ("3. Компании строительной", 3),
    ("5) Прогноз не составлялся.", 5), ("Во-вторых, механизм вводится.", 2), ("По пункту 4 запроса сообщаем.", 4), ("По вопросу № 6.", 6),
    ("Бірінші ұсыныс бойынша. Гранттар беріледі.", 1), ("Екінші сұрақ бойынша мынаны хабарлаймыз.", 2),
    ("Үшіншіден, комиссия реттеледі.", 3), ("21.05.2025 года запрос поступил.", None),
    ("Первоначально проект обсуждался с бизнесом.", None), ("2025 жылы 12 жоба қолдау алды.", None),
])
def test_point_number(passage, number) -> None:
    assert point_number(passage) == number


@pytest.mark.parametrize(("passage", "deferred"), [
    ("Дать точный прогноз в настоящее время не представляется возможным.", True),
    ("Вопрос будет рассмотрен на заседании рабочей группы.", True),
    ("Предложение прорабатывается Министерством.", True),
    ("Ставка составит не более 5 процентов.", False),
    ("Мәселе агенттікпен бірлесіп пысықталуда.", True), ("Комиссияны шектеу мүмкін емес.", True),
    ("Жоба 2026 жылы іске қосылады.", False),
])
def test_defers(passage, deferred) -> None:
    assert defers(passage) is deferred


@pytest.mark.parametrize(("name", "lang", "number", "signer_en", "deputies"), [
    ("reply_8931_ru.txt", "ru", "ДЗ-1187", "Olzhas Bektenov", 3),
    ("reply_8924_ru.txt", "ru", None, "Olzhas Bektenov", 4),
    ("reply_8920_kk.txt", "kk", "ДС-1175", None, 4),
    ("reply_orphan_ru.txt", "ru", "ДЗ-233", "Akmaral Alnazarova", 2),
])
def test_reply_fixtures_are_replies_with_their_reference(name, lang, number, signer_en, deputies) -> None:
    doc = ingest.read(REPLIES / name)
    assert doc.kind == "reply" and doc.language == lang
    refs = nlp.analyze(doc).reply_to
    assert len(refs) == 1 and refs[0].cited_number == number and refs[0].signer_en == signer_en
    assert len(refs[0].deputies) == deputies and refs[0].page == 1
    contract = nlp.to_contract(doc, nlp.analyze(doc))
    assert schema_errors(contract) == []
    ref = contract["reply_to"][0]
    assert ref["cited_date"] == refs[0].cited_date.isoformat() and ref["deputies"] == refs[0].deputies


def test_an_inquiry_has_no_reply_reference() -> None:
    doc = ingest.read(Path(__file__).parent.parent / "samples" / "pdf" / "8931.pdf")
    assert doc.kind == "inquiry" and nlp.analyze(doc).reply_to == []
