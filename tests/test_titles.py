"""Derived titles: heading + addressee for inquiries, headline or first sentence otherwise."""

from __future__ import annotations

import pytest

from ingest.titles import MAX_CHARS, derive_title, first_sentence, shorten
from tests.conftest import PDFTOTEXT, SEEDS
from tests.textdoc import document_from_file, document_from_text

TITLES = [
    # heading with the addressee block before it; the announced-date phrase and country are left out
    (("2025 жылғы 21 мамырда жарияланды\nҚазақстан Республикасының\nКөлік министрі\nМ.К. Қарабаевқа\n\n"
     "ДЕПУТАТТЫҚ САУАЛ\n\nҚұрметті Марат Кәрімжанұлы!\n\nМәтін."),
     "Депутаттық сауал — Көлік министрі М.К. Қарабаевқа"),
    (("Оглашен 21 мая 2025 года. Премьер-Министру Республики Казахстан Бектенову О.А.\n\n"
     "ДЕПУТАТСКИЙ ЗАПРОС\n\nУважаемый Олжас Абаевич!\n\nТекст."),
     "Депутатский запрос — Премьер-Министру Бектенову О.А."),
    # heading first: the salutation is skipped, the first sentence follows the heading
    (("ДЕПУТАТТЫҚ САУАЛ\n\nҚұрметті Әлихан Асханұлы!\n\nЕңбек миграциясы қазір өте өзекті мәселеге "
     "айналды. Өзге елге жұмыс іздеп кеткендер көп."),
     "Депутаттық сауал — Еңбек миграциясы қазір өте өзекті мәселеге айналды."),
    # a news headline, a metadata line before it is skipped
    (" date 2025-10-09 Қазақ тіліне аудару\n\nМигранттар саны азайды\n\nМәтін мәтін.",
     "Мигранттар саны азайды"),
    # no headline: the first sentence, not cut at initials
    (("Вице-министр А.Б. Ертаев рассказал сенаторам о ситуации. Всего за границей работают 126 тыс. "
     "казахстанцев."), "Вице-министр А.Б. Ертаев рассказал сенаторам о ситуации."),
    # a reply naming the inquiry is not titled as an inquiry
    ("Министерство финансов\n\nНа Ваш депутатский запрос сообщаем следующее.", "Министерство финансов"),
]


@pytest.mark.parametrize("text, expected", TITLES)
def test_derive_title(text: str, expected: str) -> None:
    assert derive_title(document_from_text(text)) == expected


def test_long_first_sentence_is_shortened_at_a_word() -> None:
    text = "Казахстан планирует " + "расширять международные соглашения " * 10 + "о миграции."
    title = derive_title(document_from_text(text))
    assert title.endswith("…") and len(title) <= MAX_CHARS + 1
    assert text.startswith(title[:-1])


@pytest.mark.parametrize("text, expected", [
    ("Короткий заголовок", "Короткий заголовок"),
    ("слово " * 40, ("слово " * 16).strip() + "…"),
])
def test_shorten(text: str, expected: str) -> None:
    assert shorten(text) == expected


def test_first_sentence_keeps_abbreviations() -> None:
    assert first_sentence("Работают 126 тыс. казахстанцев. Из них") == "Работают 126 тыс. казахстанцев."


@pytest.mark.parametrize("name", ["8920", "8922", "8924", "8925", "8927", "8929", "8930", "8931"])
def test_sample_inquiry_titles_name_heading_and_addressee(name: str) -> None:
    title = derive_title(document_from_file(PDFTOTEXT / f"{name}.txt"))
    assert title.startswith(("Депутаттық сауал — ", "Депутатский запрос — "))
    assert "министр" in title.lower()  # every sample is addressed to a minister or the Prime Minister
    assert "жарияланды" not in title and "Оглашен" not in title and "2025" not in title


def test_seed_news_title_is_its_lead_sentence() -> None:
    path = next(p for p in SEEDS if p.name.startswith("000"))
    title = derive_title(document_from_file(path))
    assert title.startswith("Казахстан планирует расширять") and len(title) <= MAX_CHARS + 1
