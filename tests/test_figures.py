"""nlp.figures: golden tables of short kk/ru sentences → figures, and properties on every sample document."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import ingest
from nlp.figures import extract_figures
from tests.textdoc import document_from_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "pdf").glob("*.pdf")) + sorted((ROOT / "samples" / "seeds").glob("*.txt"))

# (text, covered number text, value, qualifier, unit, year, kind); document date 2024-03-15.
GOLDEN = [
    # persons, scale words, counted nouns
    ("Облыста 45 мың адам жұмыссыз жүр.", "45 мың адам", 45000, "exact", "persons", 2024, "statistic"),
    ("2021 жылы ауданда 3 200 тұрғын тіркелді.", "3 200 тұрғын", 3200, "exact", "persons", 2021, "statistic"),
    ("В 2022 году в области проживали 812 тыс. человек.", "812 тыс. человек", 812000, "exact", "persons", 2022, "statistic"),
    ("Сейчас за рубежом учатся около 80 тыс. студентов.", "около 80 тыс. студентов", 80000, "about", "persons", 2024, "statistic"),
    ("Қазіргі таңда өңірде 120-дан астам мектеп бар.", "120-дан астам мектеп", 120, "more_than", "schools", 2024, "count"),
    ("В регионе работают более 300 предприятий.", "более 300 предприятий", 300, "more_than", "companies", 2024, "count"),
    ("Су тасқынынан 40-қа жуық үй зардап шекті.", "40-қа жуық үй", 40, "about", "houses", None, "count"),
    ("Егін 250 мың гектарға жуық алқапқа егілді.", "250 мың гектарға жуық", 250000, "about", "hectares", None, "statistic"),
    # money
    ("2023 жылы бюджеттен 12 млрд теңге бөлінді.", "12 млрд теңге", 12e9, "exact", "KZT", 2023, "money"),
    ("На ремонт дорог в 2020 году выделено 4,5 млрд тенге.", "4,5 млрд тенге", 4.5e9, "exact", "KZT", 2020, "money"),
    ("Долг предприятий на начало года составлял 18 млрд тенге.", "18 млрд тенге", 18e9, "exact", "KZT", 2024, "money"),
    # percent: shares, rates, ranges
    ("Бүгінде ауыл тұрғындарының 40%-ы газбен қамтылған.", "40%-ы", 40, "exact", "percent", 2024, "statistic"),
    ("Банки выдают кредиты под 18-20% годовых.", "18-20%", 18, "range", "percent", 2024, "rate"),
    ("Платформалар жүргізушілерден 15%-ға дейін комиссия алады.", "15%-ға дейін", 15, "up_to", "percent", 2024, "rate"),
    ("Доля импорта в 2019 году составляла 60%.", "60%", 60, "exact", "percent", 2019, "statistic"),
    ("Половина фермеров в 2021 году не получила субсидии.", "Половина", 50, "exact", "percent", 2021, "statistic"),
    # series: each item keeps its own year
    ("2022 жылы 5400 адам (2021 жылы – 4 900 адам) тіркелді.", "4 900 адам", 4900, "exact", "persons", 2021, "statistic"),
    ("2022 жылы 5400 адам (2021 жылы – 4 900 адам) тіркелді.", "5400 адам", 5400, "exact", "persons", 2022, "statistic"),
    # proposals, norms, durations
    ("Ұсынамыз: жеңілдік мерзімін 2 жылға ұзарту.", "2 жылға", 2, "exact", "years", None, "proposal"),
    ("Предлагаем ограничить комиссию 10 процентами.", "10 процентами", 10, "exact", "percent", None, "proposal"),
    ("Шығынның 20 пайызын жергілікті бюджет төлеуі тиіс.", "20 пайызын", 20, "exact", "percent", None, "norm"),
    ("Переговоры о соглашении идут уже три года.", "три года", 3, "exact", "years", 2024, "duration"),
    ("Ол 45 жаста еді.", "45 жаста", 45, "exact", "years", None, "duration"),
    # a past figure without a year keeps year null (never the publication year by default)
    ("В прошлом месяце пострадали 27 человек.", "27 человек", 27, "exact", "persons", None, "statistic"),
]


def _doc(text: str):
    doc = document_from_text(text)
    doc.date = dt.date(2024, 3, 15)
    doc.language = doc.paragraphs[0].language
    return doc


@pytest.mark.parametrize(("text", "number", "value", "qualifier", "unit", "year", "kind"), GOLDEN)
def test_golden(text: str, number: str, value: float, qualifier: str, unit: str, year: int | None,
                kind: str) -> None:
    doc = _doc(text)
    figs = [f for f in extract_figures(doc) if number in f.text or f.text in number]
    assert figs, f"no figure for {number!r} in {[f.text for f in extract_figures(doc)]}"
    f = figs[0]
    assert (f.value, f.qualifier, f.unit, f.year, f.kind) == (pytest.approx(value), qualifier, unit, year, kind)


# (text, the numbers that must NOT become figures)
NOT_FIGURES = [
    ("Соңғы 3 жылда көрсеткіш 30 пайыздан 45 пайызға өсті.", ["3"]),
    ("За последние 5 лет число школ выросло до 120.", ["5"]),
    ("Өткен үш жыл ішінде 12 жоба іске қосылды.", ["үш"]),
    ("Театр 100 лет назад построили.", ["100"]),
    ("2019 жылғы 5 мамырдағы № 81 қаулысы.", ["2019", "5", "81"]),
    ("Согласно пункту 36 статьи 6 Закона.", ["36", "6"]),
    ("Тел.: 74-63-61.", ["74"]),
    ("Екі ел арасында келісім бар.", ["Екі"]),
    # reference periods with months, quarters and half-years
    ("За шесть месяцев 2023 года в области открыто 14 новых клиник.", ["шесть"]),
    ("За 7 месяцев сельхозпроизводители получили 90 млн тенге субсидий.", ["7"]),
    ("Соңғы 6 айда ауданда 70 шағын кәсіпорын ашылды.", ["6"]),
    ("Алғашқы 8 айдың қорытындысы бойынша 210 пәтер пайдалануға берілді.", ["8"]),
    # house, room and floor numbers of addresses
    ("Құжаттар Астана қ., Сарыарқа даңғылы, 14, 3 қабат мекенжайы бойынша қабылданады.", ["14", "3"]),
    ("Приём ведётся по адресу: г. Шымкент, ул. Байтурсынова, 48, кабинет 212.", ["48", "212"]),
    ("Встреча пройдёт на пр. Абая, 27/1, офис 9.", ["27", "9"]),
    ("Жиналыс Бейбітшілік көшесі, 6, № 118 залда өтеді.", ["6", "118"]),
    ("Комиссия заседает в д. 11, зал № 4.", ["11", "4"]),
]

# (text, covered number text, period substring): a reference period qualifies the figure
PERIODS = [
    ("За шесть месяцев 2023 года в области открыто 14 новых клиник.", "14", "За шесть месяцев 2023 года"),
    ("За 7 месяцев сельхозпроизводители получили 90 млн тенге субсидий.", "90 млн тенге", "За 7 месяцев"),
    ("За первый квартал бюджет области получил 6 млрд тенге.", "6 млрд тенге", "За первый квартал"),
    ("Соңғы 6 айда ауданда 70 шағын кәсіпорын ашылды.", "70", "Соңғы 6 айда"),
    ("Алғашқы 8 айдың қорытындысы бойынша 210 пәтер пайдалануға берілді.", "210", "8 айдың қорытындысы бойынша"),
    ("Жыл басынан бері облыста 3 400 жұмыс орны ашылды.", "3 400", "Жыл басынан бері"),
]


@pytest.mark.parametrize(("text", "number", "period"), PERIODS)
def test_reference_period_of_months_quarters(text: str, number: str, period: str) -> None:
    figs = [f for f in extract_figures(_doc(text)) if f.text.startswith(number)]
    assert figs, [f.text for f in extract_figures(_doc(text))]
    assert period in (figs[0].period or ""), figs[0].period


# (text, covered number text, unit): the subject phrase's person noun gives the unit
SUBJECT_UNITS = [
    ("Ауылдан көшкен азаматтардың саны 8 мыңға жетті.", "8 мыңға", "persons"),
    ("Тіркелген мигранттардың саны биыл 35 мыңнан асты.", "35 мыңнан", "persons"),
    ("Численность работников, занятых в горнодобывающей отрасли, превысила 210 тыс.", "210 тыс.", "persons"),
    ("Количество казахстанцев с ипотекой достигло 95 тыс.", "95 тыс.", "persons"),
    ("Ауданда жөндеуден өткен мектептердің саны 40-қа жетті.", "40", "count"),
    ("Количество обращений граждан выросло до 700.", "700", "count"),
]


@pytest.mark.parametrize(("text", "number", "unit"), SUBJECT_UNITS)
def test_unit_from_the_subject_phrase(text: str, number: str, unit: str) -> None:
    figs = [f for f in extract_figures(_doc(text)) if number in f.text]
    assert figs, [f.text for f in extract_figures(_doc(text))]
    assert figs[0].unit == unit


@pytest.mark.parametrize(("text", "numbers"), NOT_FIGURES)
def test_not_figures(text: str, numbers: list[str]) -> None:
    figs = extract_figures(_doc(text))
    for n in numbers:
        assert not any(re.match(rf"(?<!\d){re.escape(n)}(?!\d)", f.text) for f in figs), [f.text for f in figs]


def test_reference_period_goes_to_period() -> None:
    figs = extract_figures(_doc("За последние 3 года доля отечественных компаний выросла с 30 до 51 процента."))
    assert [f.value for f in figs] == [30, 51]
    assert all("последние 3 года" in (f.period or "") for f in figs)
    assert figs[0].year is None and figs[1].year == 2024


def test_subset_inherits_the_counted_noun() -> None:
    figs = extract_figures(_doc("Всего в регионе 40 тыс. мигрантов. Из них 25 тыс. работают в строительстве."))
    assert [(f.value, f.unit) for f in figs] == [(40000, "persons"), (25000, "persons")]


def test_no_year_without_document_date() -> None:
    doc = _doc("Қазір ауданда 900 оқушы бар.")
    doc.date = None
    (f,) = extract_figures(doc)
    assert f.year is None and f.period == "now"


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name)
def sample(request):
    doc = ingest.read(request.param)
    return doc, extract_figures(doc)


def test_sample_offsets_pages_paragraphs(sample) -> None:
    doc, figs = sample
    assert figs, "every sample document reports some figure"
    for f in figs:
        assert f.text == doc.text[f.start:f.end]
        assert doc.paragraph_at(f.start) is not None
        assert doc.paragraph_at(f.start) is doc.paragraph_at(f.end - 1)
        assert f.page == doc.page_at(f.start) and (f.page is not None or not doc.pages)
    assert [f.start for f in figs] == sorted(f.start for f in figs)


def test_sample_no_dates_years_or_list_numbers(sample) -> None:
    doc, figs = sample
    for f in figs:
        assert not re.fullmatch(r"(?:19|20)\d\d", f.text.strip()), f.text
        assert not re.search(r"\d{1,2}\.\d{1,2}\.\d{2,4}", f.text), f.text
        line_start = doc.text.rfind("\n", 0, f.start) + 1
        assert not (doc.text[line_start:f.start].strip() == "" and re.match(r"\d+[.)]\s", doc.text[f.start:f.end + 2])), f.text


def test_sample_field_domains(sample) -> None:
    doc, figs = sample
    year = doc.date.year if doc.date else None
    for f in figs:
        assert f.kind in {"statistic", "money", "count", "rate", "norm", "proposal", "duration"}
        assert f.source_kind in {"official", "unofficial", "unknown"}
        assert f.year is None or 1900 <= f.year <= (year or 2100)
        assert (f.value_max is not None) == (f.qualifier == "range")
        if f.kind == "proposal":
            assert f.year is None


# (text, covered number text, expected place): clause place > sentence place > abroad (null) >
# deictic Kazakhstan > the document's focus region > Kazakhstan for a domestic document.
PLACES = [
    ("В Германии работают 3 тыс. казахстанцев.", "3 тыс. казахстанцев", "Germany"),
    ("Түркияда 1200 қазақстандық студент оқиды.", "1200 қазақстандық", "Türkiye"),
    ("Всего за рубежом трудятся 50 тыс. граждан.", "50 тыс. граждан", None),
    ("Елімізде 300-ден астам бөгет бар.", "300-ден астам бөгет", "Kazakhstan"),
    ("Банки выдают кредиты под 18-20% годовых.", "18-20%", "Kazakhstan"),
]


@pytest.mark.parametrize(("text", "number", "place"), PLACES)
def test_places(text: str, number: str, place: str | None) -> None:
    pytest.importorskip("nlp.gazetteer", reason="place gazetteer not installed")
    figs = [f for f in extract_figures(_doc(text)) if number in f.text or f.text in number]
    assert figs and figs[0].place == place


def test_series_items_share_the_heads_indicator() -> None:
    text = ("2021 жылы Түркия аумағында заңсыз еңбек мигранттары ретінде жүрген қазақстандықтардың саны "
            "4300 адам (2020 жылы – 3 900 адам, 2019 жылы – 5 100 адам).")
    figs = extract_figures(_doc(text))
    assert [f.value for f in figs] == [4300, 3900, 5100]
    assert [f.year for f in figs] == [2021, 2020, 2019]
    assert figs[0].indicator and len({f.indicator for f in figs}) == 1


@pytest.mark.parametrize(("text", "what"), [
    # the phrase reaches back over its modifiers, not over the locative adjunct before them
    ("2021 жылы Түркия аумағында заңсыз еңбек мигранттары ретінде жүрген қазақстандықтардың саны 4300 адам.",
     "заңсыз еңбек мигранттары ретінде жүрген қазақстандықтардың саны"),
    ("Облыста жұмыссыз жастардың саны 2 мың адам.", "жұмыссыз жастардың саны"),
])
def test_kazakh_what_keeps_the_modifiers_of_its_head(text: str, what: str) -> None:
    assert extract_figures(_doc(text))[0].what == what


def test_bilingual_document_finds_sources_in_both_languages() -> None:
    """A kk+ru document: the Russian half's attribution is found although a Kazakh figure comes first."""
    text = ("Ресми деректерге сәйкес, өңірде 4 200 адам жұмыссыз.\n\n"
            "По данным акимата, в регионе 4 200 человек без работы.")
    doc = _doc(text)
    doc.language = "kk+ru"
    figs = extract_figures(doc)
    assert [f.value for f in figs] == [4200, 4200]
    assert all(f.source for f in figs), [(f.text, f.source) for f in figs]


_DIASPORA = "По данным диаспоры, сейчас в Турции находятся около 30 тыс. казахстанцев.\n\n"


@pytest.mark.parametrize("text, restated", [
    (_DIASPORA + "Правительство обязано защитить около 30 тыс. казахстанцев в Турции.", True),
    (_DIASPORA + "Необходимо защитить права около 30 тыс. казахстанцев в Турции.", True),  # describes, not a target
    (("Диаспора орталықтарының мәліметінше, қазір Түркияда 30 мыңға жуық қазақстандық жүр.\n\n"
     "Түркиядағы 30 мыңға жуық қазақстандықтың құқығын қорғау тетігін табуды сұраймын."), True),
    (_DIASPORA + "Предлагаю нанять 30 тыс. инспекторов.", False),             # another qualifier: another fact
    ("В 2020 году в Турции работали 30 тыс. казахстанцев. В 2021 году 30 тыс. казахстанцев получили визы.", False),
])
def test_an_undated_restatement_takes_the_first_mentions_period_and_source(text: str, restated: bool) -> None:
    first, second = extract_figures(_doc(text))[:2]
    assert (second.period, second.year, second.source, second.kind) == (first.period, first.year, first.source,
                                                                        first.kind) or not restated
    if not restated:
        assert (second.period, second.year) != (first.period, first.year) or second.kind != first.kind


@pytest.mark.parametrize("text, period", [
    ("В стране 3 тыс. фельдшеров.", "now"),                         # no verb: a nominal clause is present
    ("В регионе 12 тыс. безработных, из них 4 тыс. молодежи.", "now"),
    ("Долг по зарплате достиг 3 млрд тенге.", None),                 # a past verb without a past ending
    ("Инфляция составила 8,5%.", None),
    ("Необходимо выделить 3 млрд тенге.", None),                     # an infinitive is a verb too
])
def test_russian_nominal_clauses_are_present(text: str, period: str | None) -> None:
    fig = extract_figures(_doc(text))[0]
    assert fig.period == period and fig.year == (2024 if period == "now" else None)


@pytest.mark.parametrize("text, key", [
    ("Министр энергетики сообщил, что средняя цена бензина составляет 205 тенге за литр.", "prices|KZT|Kazakhstan"),
    ("По данным министерства энергетики, цена электроэнергии выросла до 25 тенге.", "prices.energy|KZT|Kazakhstan"),
])
def test_who_says_it_is_not_what_is_counted(text: str, key: str) -> None:
    """The source's words (`Министр энергетики`) do not make the indicator; the counted thing's do."""
    assert extract_figures(_doc(text))[0].indicator == key


@pytest.mark.parametrize("text, flags", [
    ("Бірақ ресми сандар шынайы жағдайды көрсетпейді, себебі қазір онда 20 мыңға жуық қазақстандық жүр.", [True]),
    ("Однако эти цифры не отражают реальную ситуацию: сейчас там около 8 тыс. казахстанцев.", [True]),
    ("В 2024 году было 800 ДТП. Сейчас их число выросло до 950 ДТП.", [False, False]),
])
def test_a_figure_set_against_official_ones_is_marked_contrast(text: str, flags: list[bool]) -> None:
    assert [f.contrast for f in extract_figures(_doc(text))] == flags
