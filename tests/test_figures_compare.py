"""Figures good enough to compare (issue 8): place of a count of people, the document's year for
present-tense statements, a subject carried to the next sentence, indicator keys beyond migration."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.figures import extract_figures
from nlp.indicators import carry_subject, describe_indicator, indicator_for, noun_lemma
from tests.textdoc import document_from_text


def _figures(text: str, date: dt.date | None = dt.date(2024, 3, 15)):
    doc = document_from_text(text)
    doc.date = date
    doc.language = doc.paragraphs[0].language
    return extract_figures(doc)


def _figure(text: str, number: str, date: dt.date | None = dt.date(2024, 3, 15)):
    figs = [f for f in _figures(text, date) if f.text.startswith(number)]
    assert figs, f"no figure {number!r} in {[f.text for f in _figures(text, date)]}"
    return figs[0]


# (text, figure, place): people are counted where they are, not in the country of their passports
PLACES = [
    ("Оңтүстік Кореяда Қазақстан азаматтарының 20 мыңы жұмыс істейді.", "20 мыңы", "South Korea"),
    ("Жапонияда Қазақстан Республикасының 700 азаматы оқиды.", "700 азаматы", "Japan"),
    ("Түркияда Қазақстанның 3 мың азаматы тұрады.", "3 мың азаматы", "Türkiye"),
    ("В Германии учатся 2 тыс. граждан Казахстана.", "2 тыс. граждан", "Germany"),
    ("В Южной Корее находятся около 20 тыс. граждан Республики Казахстан.", "около 20 тыс.", "South Korea"),
    ("В Казахстане работают 5 тыс. граждан Узбекистана.", "5 тыс. граждан", "Kazakhstan"),
    ("В Польше трудятся 3 тыс. выходцев из Казахстана.", "3 тыс.", "Poland"),
    ("Из Казахстана в Польшу уехали 3 тыс. человек.", "3 тыс. человек", "Poland"),
    ("Бүгінде Кореяда 12 мың қазақстандық жұмыс істейді.", "12 мың", "South Korea"),
    # residents of a place are counted in it
    ("Жители Алматы потратили на такси 5 млрд тенге.", "5 млрд тенге", "Almaty"),
]


@pytest.mark.parametrize(("text", "number", "place"), PLACES)
def test_place_of_people(text: str, number: str, place: str) -> None:
    assert _figure(text, number).place == place


# (text, figure, document date, year): a present statement takes the dated document's year; a year of
# an earlier sentence about something else is not carried over
YEARS = [
    ("09.10.2025\n\nҚазір Оңтүстік Кореяда 9600 азамат жұмыс істейді.", "9600", None, 2025),
    ("2025 жылғы 7 желтоқсан\n\nВ Корее сейчас работают 15 тыс. казахстанцев.", "15 тыс.", None, 2025),
    ("09:37, 15 декабря 2017\n\nВ Корее работают 15 тыс. казахстанцев.", "15 тыс.", None, 2017),
    ("В 2019 году построено 12 школ. Сегодня в области работают 300 врачей.", "300 врачей",
     dt.date(2024, 3, 15), 2024),
    ("2020 жылы 40 мектеп салынды. Қазір облыста 500 дәрігер жетіспейді.", "500 дәрігер",
     dt.date(2024, 3, 15), 2024),
]


@pytest.mark.parametrize(("text", "number", "date", "year"), YEARS)
def test_year_of_present_statement(text: str, number: str, date: dt.date | None, year: int) -> None:
    if date is None:
        from ingest.dates import find_date
        date = find_date(document_from_text(text))
    assert _figure(text, number, date).year == year


# (text, figures whose indicator keys must be one and the same)
SAME_KEY = [
    ("Число казахстанцев, работающих в Корее, растёт. Сейчас их около 20 тыс.",
     "В Корее работают 20 тыс. казахстанцев.", "около 20 тыс.", "20 тыс."),
    ("Шетелге жұмысқа кеткен азаматтар көбейді. Қазір олардың саны 20 мыңнан асады.",
     "Шетелде 20 мың азамат жұмыс істейді.", "20 мың", "20 мың"),
    ("Работающих за рубежом казахстанцев стало больше. Сейчас их около 30 тыс.",
     "За рубежом работают 30 тыс. казахстанцев.", "около 30 тыс.", "30 тыс."),
    ("В 2022 году в Японии работали 4 тыс. человек. Из них 1 тыс. нелегально.",
     "В 2022 году в Японии нелегально работали 1 тыс. человек.", "1 тыс.", "1 тыс."),
    ("2022 жылы Жапонияда 4 мың адам жұмыс істеді. Оның 1 мыңы заңсыз.",
     "2022 жылы Жапонияда 1 мың адам заңсыз жұмыс істеді.", "1 мыңы", "1 мың"),
    # the subject in the paragraph before (news sites write a sentence a paragraph)
    ("Число казахстанцев, работающих в Польше, растёт.\n\nСейчас их около 6 тыс.",
     "В Польше работают 6 тыс. казахстанцев.", "около 6 тыс.", "6 тыс."),
    ("Польшада жұмыс істейтін қазақстандықтар көбейді.\n\nҚазір олардың саны 6 мыңнан асады.",
     "Польшада 6 мың қазақстандық жұмыс істейді.", "6 мың", "6 мың"),
]


# (text, figure, year): a year carries only to the bare numbers of the same count; a sentence about
# something else keeps its own time (present: the document's year; past without a year: null)
CARRIED_YEARS = [
    ("В 2022 году в Японии работали 4 тыс. человек. Из них 1 тыс. нелегально.", "1 тыс.", 2022),
    ("2022 жылы Жапонияда 4 мың адам жұмыс істеді. Оның 1 мыңы заңсыз.", "1 мыңы", 2022),
    ("В 2019 году выдано 500 разрешений. 15 тыс. граждан работают в Корее.", "15 тыс.", 2024),
    ("2019 жылы 40 мектеп салынды. Облыста 700 дәрігер жетіспейді.", "700 дәрігер", 2024),
    ("В 2019 году построено 12 школ. Позднее закрылись 30 больниц.", "30 больниц", None),
]


@pytest.mark.parametrize(("text", "number", "year"), CARRIED_YEARS)
def test_year_carried_only_within_a_count(text: str, number: str, year: int | None) -> None:
    assert _figure(text, number).year == year


@pytest.mark.parametrize(("first", "second", "n1", "n2"), SAME_KEY)
def test_subject_carries_to_next_sentence(first: str, second: str, n1: str, n2: str) -> None:
    a, b = _figure(first, n1), _figure(second, n2)
    assert a.indicator is not None
    assert a.indicator == b.indicator


# (context, lang, unit, number, key prefix): concepts beyond labour migration, the same in kk and ru
CONCEPTS = [
    ("Уровень безработицы в области составляет 4,9%.", "ru", "percent", "4,9", "unemployment|percent"),
    ("Облыстағы жұмыссыздық деңгейі 4,9 пайыз.", "kk", "percent", "4,9", "unemployment|percent"),
    ("Средняя зарплата составляет 350 тыс. тенге.", "ru", "KZT", "350", "wages|KZT"),
    ("Орташа жалақы 350 мың теңге.", "kk", "KZT", "350", "wages|KZT"),
    ("Долг по зарплате составляет 2 млрд тенге.", "ru", "KZT", "2", "debt|KZT"),
    ("Жалақы бойынша берешек 2 млрд теңгені құрады.", "kk", "KZT", "2", "debt|KZT"),
    ("Доля расходов на образование составила 18%.", "ru", "percent", "18", "share"),
    ("В районе не хватает 40 фельдшеров.", "ru", "persons", "40", "doctors|persons"),
    ("Ауданда 40 фельдшер жетіспейді.", "kk", "persons", "40", "doctors|persons"),
    ("В области 45 тыс. пенсионеров.", "ru", "persons", "45", "pensioners|persons"),
    ("Облыста 45 мың зейнеткер бар.", "kk", "persons", "45", "pensioners|persons"),
    ("Цены на хлеб выросли на 12%.", "ru", "percent", "12", "prices"),
    ("Облыс бюджеті 300 млрд теңгені құрайды.", "kk", "KZT", "300", "budget|KZT"),
    ("Инфляция в стране составила 8,5%.", "ru", "percent", "8,5", "inflation|percent"),
    ("Елдегі инфляция 8,5 пайызды құрады.", "kk", "percent", "8,5", "inflation|percent"),
    ("В регионе 45 тыс. многодетных семей.", "ru", "families", "45", "families|families"),
    ("Ауданда 45 мың көпбалалы отбасы бар.", "kk", "families", "45", "families|families"),
]


@pytest.mark.parametrize(("context", "lang", "unit", "num", "prefix"), CONCEPTS)
def test_concepts(context: str, lang: str, unit: str, num: str, prefix: str) -> None:
    key = indicator_for(None, context, lang, unit, None, at=context.index(num))
    assert key is not None and key.startswith(prefix), key


# (word, lang, lemma): the counted noun's base form keys an unknown concept
LEMMAS = [
    ("зейнеткерлер", "kk", "зейнеткер"), ("фельдшерлердің", "kk", "фельдшер"), ("мигранттар", "kk", "мигрант"),
    ("балалар", "kk", "бала"), ("пенсионеров", "ru", "пенсионер"), ("фельдшеров", "ru", "фельдшер"),
    ("отбасы", "kk", "отбасы"), ("отбасыларының", "kk", "отбасы"), ("кәсіпорындар", "kk", "кәсіпорын"),
    ("азаматтарының", "kk", "азамат"),
]


@pytest.mark.parametrize(("word", "lang", "lemma"), LEMMAS)
def test_noun_lemma(word: str, lang: str, lemma: str) -> None:
    assert noun_lemma(word, lang) == lemma


@pytest.mark.parametrize(("context", "lang", "noun", "key"), [
    ("В музее 40 экспонатов.", "ru", "экспонатов", "noun:экспонат|count|-"),
    ("Мұражайда 40 экспонаттар бар.", "kk", "экспонаттар", "noun:экспонат|count|-"),
])
def test_unknown_concept_keyed_by_lemma(context: str, lang: str, noun: str, key: str) -> None:
    assert indicator_for(None, context, lang, "count", None, at=context.index("40"), noun=noun) == key
    assert describe_indicator(key) == "экспонат — count"


def test_no_noun_no_key() -> None:
    assert indicator_for(None, "Итого 40.", "ru", "count", None, at=6) is None


def test_a_measure_word_is_not_the_counted_thing() -> None:
    assert _figure("Объем экспорта зерна составил 8 млн тонн.", "8 млн тонн").indicator is None


# (paragraphs, figure, key): bare numbers continuing a count, one sentence a paragraph as news sites write
CONTINUED = [
    ("Всего за рубежом работают 50 тыс. казахстанцев.\n\nИз них 30 тыс. трудятся в России.\n\n5 тыс. "
     + "находятся в Польше.", "5 тыс.", "migrant_workers|persons|Poland"),
    ("Барлығы шетелде 50 мың қазақстандық жұмыс істейді.\n\nОның 30 мыңы Ресейде.\n\n5 мыңы "
     + "Польшада тұрады.", "5 мыңы", "migrant_workers|persons|Poland"),
]


@pytest.mark.parametrize(("text", "number", "key"), CONTINUED)
def test_bare_number_continues_the_count(text: str, number: str, key: str) -> None:
    assert _figure(text, number).indicator == key


@pytest.mark.parametrize(("own", "count", "expected"), [
    ("present|persons|Poland", "migrant_workers|persons|-", "migrant_workers|persons|Poland"),
    ("present.illegal|persons|Poland", "migrant_workers|persons|-", "migrant_workers.illegal|persons|Poland"),
    (None, "migrant_workers.illegal|persons|-", "migrant_workers.illegal|persons|Poland"),
    ("unemployed|persons|Poland", "citizens|persons|-", "unemployed|persons|Poland"),
    ("budget|KZT|Poland", "migrant_workers|persons|-", "budget|KZT|Poland"),
    ("present|persons|Poland", "budget|KZT|-", "present|persons|Poland"),
])
def test_carry_subject(own: str | None, count: str, expected: str) -> None:
    assert carry_subject(own, count, expected.split("|")[1], "Poland") == expected


def test_a_duration_takes_no_subject_from_before() -> None:
    text = "Число казахстанцев, работающих в Корее, растёт.\n\nПереговоры об этом идут уже два года."
    assert _figure(text, "два года").indicator is None
