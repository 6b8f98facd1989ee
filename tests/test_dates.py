"""The document's own date: golden table of phrasings, stamps and body dates, and the real samples."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.dates import find_date, find_dates, month_forms, year_typo
from tests.conftest import PDFTOTEXT, SEEDS
from tests.textdoc import document_from_file, document_from_text

D = dt.date

PHRASES = [
    # announced / published phrases, Kazakh
    ("2025 жылы 21 мамырда жарияланды\n\nҚұрметті Роман Васильевич!", D(2025, 5, 21)),
    ("2025 жылғы 21 мамырда жарияланды Қазақстан Республикасының", D(2025, 5, 21)),
    ("2025 жылдың 21 мамырында жарияланды", D(2025, 5, 21)),
    ("21.05.2025 ж. жарияланды", D(2025, 5, 21)),
    ("21.05.2025ж. жарияланды", D(2025, 5, 21)),
    ("2025 жылғы 3 қыркүйекте жарияланды", D(2025, 9, 3)),
    ("2024 жылғы 12 желтоқсанда жарияланды", D(2024, 12, 12)),
    ("2025 жылғы 1 қаңтарда жарияланды", D(2025, 1, 1)),
    ("2023 жылғы 28 ақпанда жарияланды", D(2023, 2, 28)),
    # announced / published phrases, Russian
    ("Оглашено 21 мая 2025 года\n\nПремьер-Министру Республики Казахстан", D(2025, 5, 21)),
    ("Оглашен 21 мая 2025 года. Премьер-Министру", D(2025, 5, 21)),
    ("Оглашен «3» сентября 2025 г.", D(2025, 9, 3)),
    ("Опубликовано 14 февраля 2024 года", D(2024, 2, 14)),
    ("Дата публикации: 01.03.2025", D(2025, 3, 1)),
    # news date lines and metadata lines
    ("Трудовая миграция растёт\n\n9 октября 2025\n\nВице-министр рассказал сенаторам о ситуации.",
     D(2025, 10, 9)),
    ("Еңбек көші-қоны\n\n09.10.2025 14:30\n\nВице-министр сенаторларға жағдайды айтты.", D(2025, 10, 9)),
    (" date 2025-10-09 Қазақ тіліне аудару\n\nКазахстан планирует расширять соглашения.", D(2025, 10, 9)),
    ("published: 2024-11-30T08:15:00\n\nText of the page.", D(2024, 11, 30)),
    ("9 қазан 2025 ж.\n\nВице-министр сенаторларға жағдайды айтты.", D(2025, 10, 9)),
    # a news first line: a bare date, a Kazakh date without a cue, a time before the date
    ("09.10.2025\n\nВице-министр сенаторларға жағдайды айтты.", D(2025, 10, 9)),
    ("2025 жылғы 7 желтоқсан\n\nМинистрлік жаңа деректерді жариялады.", D(2025, 12, 7)),
    ("09:37, 15 декабря 2017\n\nВ министерстве рассказали о ситуации.", D(2017, 12, 15)),
    ("Новости\n\n14:05, 3 марта 2024\n\nВ регионе открыли школу.", D(2024, 3, 3)),
    # an announced date wins over an earlier plain date in the head
    ("Исх. № 12 от 02.06.2025\n\nОглашено 21 мая 2025 года", D(2025, 5, 21)),
    # stamps are never the date
    ("22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)\n\nҚұрметті Роман Васильевич!", None),
    ("23.05.2025 ЕСЭДО ГО (версия 7.23.0)\n\nУважаемый Олжас Абаевич!", None),
    ("2025 жылғы 21 мамырда жарияланды\n\n22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)", D(2025, 5, 21)),
    # dates of events in the body are not the document's date
    ("ДЕПУТАТТЫҚ САУАЛ\n\nҚұрметті Әлихан Асханұлы!\n\n" + "Еңбек миграциясы өзекті мәселеге айналды. " * 12
     + "Үкіметтің 2017 жылғы 18 ақпандағы № 81 Қаулысына сәйкес министрлік жауапты.", None),
    ("ДЕПУТАТТЫҚ САУАЛ\n\n2020 жылы 8902 адам (2019 жылы – 10 707 адам) болды.", None),
    # a reply's reference to the inquiry date is not its own date
    ("На Ваш депутатский запрос от 21.05.2025 № ДЗ-123 сообщаем следующее.", None),
    # malformed dates
    ("31.02.2025 ж. жарияланды", None),
    ("Оглашено 21 мая 1825 года", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", PHRASES)
def test_find_date(text: str, expected: dt.date | None) -> None:
    assert find_date(document_from_text(text)) == expected


def test_stamps_are_flagged() -> None:
    [mention] = find_dates("текст 22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы) текст")
    assert mention.stamp and mention.date == D(2025, 5, 22)


@pytest.mark.parametrize("form, month", [
    ("мамыр", 5), ("мамырда", 5), ("мамырындағы", 5), ("қыркүйегінде", 9), ("шілдесінде", 7),
    ("қаңтардан", 1), ("желтоқсанның", 12), ("мая", 5), ("май", 5), ("сентябре", 9), ("январём", 1),
])
def test_month_forms(form: str, month: int) -> None:
    assert month_forms()[form] == month


def test_every_month_has_forms_in_both_languages() -> None:
    assert sorted(set(month_forms().values())) == list(range(1, 13))


TYPO = [
    (D(2024, 5, 21), [D(2025, 5, 22)], D(2025, 5, 21)),  # a year off, same day and month: a typo
    (D(2025, 5, 21), [D(2025, 5, 22)], None),            # the usual one day before registration
    (D(2024, 1, 10), [D(2025, 5, 22)], None),            # a year off but another season: not a typo
    (D(2024, 6, 10), [D(2025, 5, 22)], None),            # corrected, it would follow its registration
    (D(2024, 5, 21), [], None),                          # no stamps to compare with
]


@pytest.mark.parametrize("date, stamps, corrected", TYPO)
def test_year_typo(date: dt.date, stamps: list[dt.date], corrected: dt.date | None) -> None:
    assert year_typo(date, stamps) == corrected


def test_stamps_from_metadata_correct_a_mistyped_year() -> None:
    doc = document_from_text("2024 жылғы 21 мамыр жарияланды\n\nҚұрметті Ермек Беделбайұлы!",
                             metadata={"stamps": ["23.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"]})
    assert find_date(doc) == D(2025, 5, 21)
    assert doc.metadata["stated_date"] == "2024-05-21"
    assert any("mistyped" in w for w in doc.warnings)


def test_without_stamps_the_stated_date_stands() -> None:
    doc = document_from_text("2024 жылғы 21 мамыр жарияланды\n\nҚұрметті Ермек Беделбайұлы!")
    assert find_date(doc) == D(2024, 5, 21)
    assert not doc.warnings


# The date each sample states for itself. 8929's header says "2024 жылғы 21 мамыр" while its
# e-document stamps are of 23.05.2025: the year is corrected with a warning, by the general rule.
SAMPLES = [
    ("8920", D(2025, 5, 21), False), ("8922", D(2025, 5, 21), False), ("8924", D(2025, 5, 21), False),
    ("8925", D(2025, 5, 21), False), ("8927", D(2025, 5, 21), False), ("8929", D(2025, 5, 21), True),
    ("8930", D(2025, 5, 21), False), ("8931", D(2025, 5, 21), False),
]


@pytest.mark.parametrize("name, expected, corrected", SAMPLES)
def test_sample_pdf_text_date(name: str, expected: dt.date, corrected: bool) -> None:
    doc = document_from_file(PDFTOTEXT / f"{name}.txt")
    assert find_date(doc) == expected
    assert any("mistyped" in w for w in doc.warnings) == corrected


@pytest.mark.parametrize("prefix, expected", [("000", D(2025, 10, 9)), ("003", None)])
def test_seed_date(prefix: str, expected: dt.date | None) -> None:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    assert find_date(document_from_file(path)) == expected
