"""Golden tables: the addressee of an inquiry from its address block or salutation (kk and ru)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from nlp import extract_addressee, segment
from tests.textdoc import document_from_text


def _addressees(text: str, date: dt.date | None = None, kind: str = "inquiry") -> list[tuple]:
    doc = replace(document_from_text(text), kind=kind, date=date)
    found = extract_addressee(segment(doc))
    for a in found:
        assert doc.text[a.start:a.end] == a.text
    return [(a.text, a.name_en, a.position) for a in found]


def test_name_is_in_the_language_of_the_part() -> None:
    doc = replace(document_from_text("О.А. Бектеновке\n\nДЕПУТАТТЫҚ САУАЛ\n\nМәтін."), kind="inquiry")
    assert [a.name for a in extract_addressee(segment(doc))] == ["Олжас Абайұлы Бектенов"]


MAY_2025 = dt.date(2025, 5, 21)
JUNE_2023 = dt.date(2023, 6, 1)

CASES = [
    # kk address block: position, then initials + surname with a dative ending
    (("Қазақстан Республикасының\n\nКөлік министрі\n\nМ.К. Қарабаевқа\n\nДЕПУТАТТЫҚ САУАЛ\n\n"
     "Құрметті Марат Кәрімжанұлы!\n\nТеміржол туралы сұрақ бар."), MAY_2025,
     [("М.К. Қарабаевқа", "Marat Karabayev", "Minister of Transport")]),
    # ru address block: surname + initials in the dative
    (("Оглашен 3 марта 2025 года\n\nПервому заместителю Премьер-Министра\n\nРеспублики Казахстан\n\n"
     "Скляру Р.В.\n\nДЕПУТАТСКИЙ ЗАПРОС\n\nУважаемый Роман Васильевич!\n\nТекст запроса."), MAY_2025,
     [("Скляру Р.В.", "Roman Sklyar", "First Deputy Prime Minister")]),
    # two officials in one address block
    (("Премьер-Министру Республики Казахстан\n\nБектенову О.А.\n\nМинистру транспорта\n\nКарабаеву М.К.\n\n"
     "ДЕПУТАТСКИЙ ЗАПРОС\n\nУважаемые коллеги!\n\nТекст."), MAY_2025,
     [("Бектенову О.А.", "Olzhas Bektenov", "Prime Minister"),
      ("Карабаеву М.К.", "Marat Karabayev", "Minister of Transport")]),
    # no address block: the salutation alone, undated → the official's latest post
    ("ДЕПУТАТТЫҚ САУАЛ\n\nҚұрметті Әлихан Асханұлы!\n\nКөші-қон туралы мәселе.", None,
     [("Әлихан Асханұлы", "Alikhan Smailov", "Prime Minister")]),
    ("ДЕПУТАТСКИЙ ЗАПРОС\n\nУважаемый Олжас Абаевич!\n\nО тарифах.", MAY_2025,
     [("Олжас Абаевич", "Olzhas Bektenov", "Prime Minister")]),
    # a post without a name: whoever held it at the document's date
    ("Премьер-Министру\n\nРеспублики Казахстан\n\nДЕПУТАТСКИЙ ЗАПРОС\n\nТекст запроса.", JUNE_2023,
     [("Премьер-Министру", "Alikhan Smailov", "Prime Minister")]),
    ("Премьер-Министру\n\nРеспублики Казахстан\n\nДЕПУТАТСКИЙ ЗАПРОС\n\nТекст запроса.", MAY_2025,
     [("Премьер-Министру", "Olzhas Bektenov", "Prime Minister")]),
    # a salutation naming nobody the gazetteer knows is kept, unresolved
    ("ДЕПУТАТСКИЙ ЗАПРОС\n\nУважаемый Ермек Бахытжанович!\n\nТекст.", MAY_2025,
     [("Ермек Бахытжанович", None, None)]),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES)
def test_addressee(text: str, date: dt.date | None, expected: list[tuple]) -> None:
    assert _addressees(text, date) == expected


def test_bilingual_inquiry_has_one_addressee_per_part() -> None:
    text = ("Қазақстан Республикасының\n\nПремьер-Министрі\n\nО.А. Бектеновке\n\nДЕПУТАТТЫҚ САУАЛ\n\n"
            "Құрметті Олжас Абайұлы!\n\nЖол туралы.\n\nҚұрметпен,\n\nА. Әлиев\n\n"
            "Премьер-Министру\n\nРеспублики Казахстан\n\nБектенову О.А.\n\nДЕПУТАТСКИЙ ЗАПРОС\n\n"
            "Уважаемый Олжас Абаевич!\n\nО дорогах.\n\nС уважением,\n\nА. Алиев")
    assert [a[:2] for a in _addressees(text, MAY_2025)] == [
        ("О.А. Бектеновке", "Olzhas Bektenov"), ("Бектенову О.А.", "Olzhas Bektenov")]


def test_other_documents_have_no_addressee() -> None:
    assert _addressees("Премьер-Министру Бектенову О.А. было поручено.", MAY_2025, kind="news") == []
