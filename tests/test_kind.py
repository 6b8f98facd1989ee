"""Document kind: real samples, written fixtures for every kind in kk and ru, and short snippets."""

from __future__ import annotations

import re

import pytest

import ingest
from ingest.kind import KINDS, ZONES, detect_kind, markers, score_kinds
from tests.conftest import DATA, PDFTOTEXT, SEEDS
from tests.textdoc import document_from_file, document_from_text

KIND_FIXTURES = DATA / "kind"


@pytest.mark.parametrize("name", ["8920", "8922", "8924", "8925", "8927", "8929", "8930", "8931"])
def test_sample_pdfs_are_inquiries(name: str) -> None:
    assert detect_kind(document_from_file(PDFTOTEXT / f"{name}.txt")) == "inquiry"


@pytest.mark.parametrize("prefix, expected", [("000", "news"), ("003", "inquiry")])
def test_seed_kind(prefix: str, expected: str) -> None:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    assert detect_kind(document_from_file(path)) == expected


FIXTURES = sorted(KIND_FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_kind_fixtures(path) -> None:
    """Each fixture is named <kind>_<lang>.txt."""
    expected = path.stem.rsplit("_", 1)[0]
    assert detect_kind(document_from_file(path)) == expected


def test_fixtures_cover_every_kind_in_both_languages() -> None:
    """Inquiries are covered by the real samples; every other kind has a kk and a ru fixture."""
    names = {p.stem for p in FIXTURES}
    kinds = [k for k in (*KINDS, "other") if k != "inquiry"]
    assert {f"{k}_{lang}" for k in kinds for lang in ("kk", "ru")} <= names


SNIPPETS = [
    (("ДЕПУТАТСКИЙ ЗАПРОС\n\nУважаемый Олжас Абаевич!\n\nПросим дать письменный ответ в установленный "
     "законодательством срок."), "inquiry"),
    (("Депутаттық сауал\n\nҚұрметті Ермек Беделбайұлы!\n\nЗаңнамада белгіленген мерзімде жауап беруіңізді "
     "сұраймыз."), "inquiry"),
    (("Депутату Мажилиса Парламента Республики Казахстан Иванову И.И.\n\nНа Ваш депутатский запрос "
     "сообщаем следующее. Вопрос находится на контроле министерства."), "reply"),
    (("Мәжіліс депутаты А. Зейнуллинге\n\nСіздің депутаттық сауалыңызға жауап ретінде мынаны "
     "хабарлаймыз."), "reply"),
    (("Пресс-релиз\n\nАкимат города Астаны информирует о начале отопительного сезона. "
     "Пресс-служба акимата."), "press_release"),
    ("Министрлік баспасөз қызметі хабарлайды: жаңа қағидалар қабылданды. БАҚ үшін байланыс: 74-00-00.",
     "press_release"),
    (("Об этом сообщает Kazinform со ссылкой на пресс-службу ведомства. По словам министра, работа "
     "продолжится."), "news"),
    ("Бұл туралы министр брифингте айтты, деп хабарлайды Kazinform тілшісі.", "news"),
    ("Рецепт бешбармака: мясо отварить, тесто раскатать и нарезать ромбами.", "other"),
    ("", "other"),
]


@pytest.mark.parametrize("text, expected", SNIPPETS)
def test_kind_snippets(text: str, expected: str) -> None:
    assert detect_kind(document_from_text(text)) == expected


def test_photo_credit_of_a_press_service_is_not_a_press_release() -> None:
    text = ("Вице-министр рассказал сенаторам о ситуации, сообщает Lada.kz.\n\n"
            "Фото: Пресс-служба министерства")
    scores = score_kinds(text)
    assert scores.best() == "news"
    assert scores.scores["press_release"] <= 0


def test_reply_quoting_the_inquiry_heading_is_a_reply() -> None:
    text = ("Депутатам Мажилиса Ерубаеву С., Перуашеву А.\n\nИсх. № 04-2/15 от 19.06.2025\n\n"
            "Рассмотрев Ваш депутатский запрос, сообщаем следующее.")
    assert detect_kind(document_from_text(text)) == "reply"


def test_marker_files_are_well_formed() -> None:
    rows = markers()
    assert rows and all(m.kind in KINDS and m.zone in ZONES for m in rows)
    assert all(isinstance(m.pattern, re.Pattern) for m in rows)
    assert {m.kind for m in rows} == set(KINDS)


@pytest.mark.parametrize("metadata, expected", [
    ({"og_type": "article"}, "news"),
    ({"og_type": "Article"}, "news"),
    ({"schema_type": "NewsArticle"}, "news"),
    ({"og_type": "website"}, "other"),
    ({}, "other"),
])
def test_page_type_is_evidence_for_news(metadata, expected):
    text = "Вице-министр рассказал сенаторам о планах на следующий год."  # one weak news marker only
    doc = ingest.Document(path="x.html", sha256="0" * 64, format="html", text=text, metadata=metadata)
    assert detect_kind(doc) == expected
