"""Golden tables: signatories and their factions from an inquiry's signature block; the executor apart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nlp import extract_signatories, segment
from tests.textdoc import document_from_text

HEAD_KK = "ДЕПУТАТТЫҚ САУАЛ\n\nҚұрметті Олжас Абайұлы!\n\nМәселе ұзақ түсіндірілген мәтінде айтылады.\n\n"
HEAD_RU = "ДЕПУТАТСКИЙ ЗАПРОС\n\nУважаемый Олжас Абаевич!\n\nСуть вопроса изложена в этом тексте.\n\n"

CASES = [
    (HEAD_KK + "Құрметпен,\n\n«AMANAT» партиясы фракциясының депутаттары\n\nА. Сейітов\n\nБ.К. Омаров\n\n"
     "орынд: Д. Ким тел. 746000",
     [("А. Сейітов", "AMANAT faction"), ("Б.К. Омаров", "AMANAT faction")]),
    # a faction name over two lines; a second group with its own faction; executor without a label
    (HEAD_KK + "«AMANAT» партиясы\n\nфракциясының мүшелері\n\nЕ. Жанов\n\n"
     "«Ақ жол» партиясының фракция депутаты: Т. Нұров\n\nСерікова Г.\n\n74-60-00",
     [("Е. Жанов", "AMANAT faction"), ("Т. Нұров", "Ak Zhol faction")]),
    (HEAD_RU + "С уважением,\n\nДепутаты фракции «Ак жол»\n\nИ. Петров\n\nА. Сидорова\n\n"
     "Депутат, член фракции «AMANAT»\n\nВ. Ахметов\n\nИсп.: О. Иванова\n\nтел.: 74-00-00",
     [("И. Петров", "Ak Zhol faction"), ("А. Сидорова", "Ak Zhol faction"), ("В. Ахметов", "AMANAT faction")]),
    # deputies without a faction; a name after the signer words on the same line
    (HEAD_RU + "С уважением,\n\nДепутаты Мажилиса Парламента Р. Оспанов\n\nМ. Касымов\n\nИванова Е.В.\n\n"
     "Тел: 74 00 01",
     [("Р. Оспанов", None), ("М. Касымов", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_signatories(text: str, expected: list[tuple]) -> None:
    doc = replace(document_from_text(text), kind="inquiry")
    found = extract_signatories(segment(doc))
    assert all(doc.text[s.start:s.end] == s.text for s in found)
    assert [(s.name, s.faction) for s in found] == expected


def test_news_has_no_signatories() -> None:
    doc = replace(document_from_text("С уважением,\n\nИ. Петров"), kind="news")
    assert extract_signatories(segment(doc)) == []
